import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiate';

describe('negotiateLocale', () => {
  it('honours the browser languages with their weights and regions', () => {
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('ko-KR,ko;q=0.9,en-US;q=0.8')).toBe('ko');
    expect(negotiateLocale('de-DE,de;q=0.9,en;q=0.5,ko;q=0.4')).toBe('en');
    expect(negotiateLocale('fr, ko;q=0.2')).toBe('ko');
  });

  it('falls back to Korean for no header, nothing we speak, or junk', () => {
    expect(negotiateLocale(null)).toBe('ko');
    expect(negotiateLocale('')).toBe('ko');
    expect(negotiateLocale('fr-FR,de;q=0.8')).toBe('ko');
    expect(negotiateLocale('en;q=0')).toBe('ko');
    expect(negotiateLocale(';;;,,=q')).toBe('ko');
  });
});
