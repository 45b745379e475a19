import { describe, expect, it } from 'vitest';
import { classifySearch, escapeLike, searchBigrams } from './search';
import { diffAnswers, diffWords } from './statement-diff';

process.env.JOINDER_BLIND_INDEX_KEY ??= Buffer.alloc(32, 7).toString('base64');

describe('classifySearch', () => {
  it.each([
    ['ㅎㄱㄷ', { kind: 'initials', initials: 'ㅎㄱㄷ' }],
    ['홍길동', { kind: 'name', name: '홍길동' }],
    [' 홍 길동 ', { kind: 'name', name: '홍길동' }],
    ['Hong', { kind: 'name', name: 'hong' }],
    ['SLM-000123', { kind: 'reference', reference: 'SLM-000123' }],
    ['slm123', { kind: 'reference', reference: 'SLM-000123' }],
    ['123', { kind: 'reference', reference: 'SLM-000123' }],
    ['Hong@Example.KR', { kind: 'email', email: 'hong@example.kr' }],
  ])('%s → %o', (term, expected) => {
    expect(classifySearch(term, 'SLM')).toEqual(expected);
  });

  it('turns a mix of 초성 and syllables into a pattern over syllable ranges', () => {
    const term = classifySearch('ㅎ길', 'SLM');
    expect(term).toMatchObject({ kind: 'mixed', initials: 'ㅎㄱ' });
    const pattern = new RegExp((term as { pattern: string }).pattern);
    expect(pattern.test('홍길동')).toBe(true);
    expect(pattern.test('김길동')).toBe(false);
    expect(pattern.test('홍기동')).toBe(false);
  });

  it('hashes a phone number in any notation to the same blind index', () => {
    const hashes = ['010-1234-5678', '01012345678', '+82 10 1234 5678', '(010) 1234.5678'].map((q) => classifySearch(q, 'SLM'));
    expect(hashes.every((term) => term?.kind === 'phone')).toBe(true);
    expect(new Set(hashes.map((term) => (term as { phoneHash: string }).phoneHash)).size).toBe(1);
  });

  it('does not take another case prefix for a reference, and ignores blank input', () => {
    expect(classifySearch('BLS-000001', 'SLM')).toEqual({ kind: 'name', name: 'bls-000001' });
    expect(classifySearch('   ', 'SLM')).toBeNull();
  });

  it('splits terms into neighbouring pairs and escapes LIKE wildcards', () => {
    expect(searchBigrams('홍길동')).toEqual(['홍길', '길동']);
    expect(searchBigrams('김')).toEqual([]);
    expect(escapeLike('50%_\\')).toBe('50\\%\\_\\\\');
  });
});

describe('statement diff', () => {
  it('marks removed and added words and keeps the text reassemblable', () => {
    const parts = diffWords('인터넷이 14:40경 끊겼습니다.', '인터넷이 14:35경 완전히 끊겼습니다.');
    expect(parts).toEqual([
      { kind: 'same', text: '인터넷이 ' },
      { kind: 'removed', text: '14:40경 ' },
      { kind: 'added', text: '14:35경 완전히 ' },
      { kind: 'same', text: '끊겼습니다.' },
    ]);
  });

  it('lists changed answers, nested ones by dotted key', () => {
    expect(
      diffAnswers(
        { warned: 'none', patch: { ms02039: 'no' }, same: 1 },
        { warned: 'email', patch: { ms02039: 'yes' }, same: 1, extra: ['a', 'b'] },
      ),
    ).toEqual([
      { key: 'extra', before: null, after: 'a, b' },
      { key: 'patch.ms02039', before: 'no', after: 'yes' },
      { key: 'warned', before: 'none', after: 'email' },
    ]);
  });
});
