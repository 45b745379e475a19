import { describe, expect, it } from 'vitest';
import { breakLines, tokenize } from './line-break';

/** Every character is 1 unit wide: widths are character counts. */
const measure = (text: string) => Array.from(text).length;

describe('Korean line breaking', () => {
  it('breaks between Hangul syllables when a line is full', () => {
    expect(breakLines('손해배상청구의소', () => 5, measure)).toEqual(['손해배상청', '구의소']);
  });

  it('keeps Latin words and numbers whole and glues particles to them', () => {
    expect(tokenize('SQL Server를 MS02-039로').map((token) => token.text)).toEqual(['SQL', ' ', 'Server를', ' ', 'MS02-039로']);
    expect(breakLines('원고 1,585명은', () => 7, measure)).toEqual(['원고', '1,585명은']);
  });

  it('never starts a line with closing punctuation', () => {
    const lines = breakLines('가나다라마.', () => 5, measure);
    expect(lines.every((line) => !line.startsWith('.'))).toBe(true);
  });

  it('drops spaces at line breaks and keeps hard line breaks', () => {
    expect(breakLines('ab cd\nef', () => 3, measure)).toEqual(['ab', 'cd', 'ef']);
  });

  it('splits a token longer than a line (a SHA-256) by characters', () => {
    const hash = 'a'.repeat(70);
    const lines = breakLines(hash, () => 32, measure);
    expect(lines).toEqual(['a'.repeat(32), 'a'.repeat(32), 'a'.repeat(6)]);
  });

  it('breaks addresses only at spaces in words-only mode', () => {
    expect(breakLines('중앙로 12 (역삼동)', () => 6, measure, true)).toEqual(['중앙로 12', '(역삼동)']);
  });

  it('honours a different width for the first line (hanging indent)', () => {
    expect(breakLines('가나다라마바사', (line) => (line === 0 ? 3 : 4), measure)).toEqual(['가나다', '라마바사']);
  });
});
