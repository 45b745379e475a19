import { describe, expect, it } from 'vitest';
import { safeRedirectUrl, safeReturnPath } from './safe-redirect';

describe('return paths after sign-in', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeReturnPath('/my/cases/slammer-2003?step=2')).toBe('/my/cases/slammer-2003?step=2');
    expect(safeReturnPath(['/staff', '/admin'])).toBe('/staff');
  });

  it('refuses every way out to another site', () => {
    for (const hostile of [
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      '/%0d%0aSet-Cookie:x',
      ' /staff',
      '',
      undefined,
      42,
    ]) {
      const result = safeReturnPath(hostile);
      expect(result === '/home' || result.startsWith('/%0d'), String(hostile)).toBe(true);
    }
  });

  it('gives next-auth an absolute URL on our origin, never throwing on junk', () => {
    const base = 'https://joinder.example';
    expect(safeRedirectUrl('/staff', base)).toBe('https://joinder.example/staff');
    expect(safeRedirectUrl('https://joinder.example/admin', base)).toBe('https://joinder.example/admin');
    expect(safeRedirectUrl('https://evil.example/admin', base)).toBe(base);
    expect(safeRedirectUrl("' OR '1'='1", base)).toBe(base);
    expect(safeRedirectUrl('/\\evil.example', base)).toBe(base);
  });
});
