const HANGUL_BASE = 0xac00;
const HANGUL_LAST = 0xd7a3;
const INITIALS = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

/** Names compared for search and duplicates: NFC, lower-case, without spaces or dots. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s.·・\u200b-\u200f\u2060\ufeff]+/g, '');
}

/**
 * 초성 of each Hangul syllable (홍길동 → ㅎㄱㄷ); other characters pass through, so a search for
 * "ㅎㄱㄷ" or "ㅎ길" finds 홍길동, as Korean users expect from any search box.
 */
export function hangulInitials(name: string): string {
  let result = '';
  for (const char of normalizeName(name)) {
    const code = char.codePointAt(0)!;
    result += code >= HANGUL_BASE && code <= HANGUL_LAST ? INITIALS[Math.floor((code - HANGUL_BASE) / 588)] : char;
  }
  return result;
}

/** Whether a search term is made only of Hangul initial consonants (a 초성 search). */
export function isInitialsQuery(term: string): boolean {
  return term.length > 0 && [...term].every((char) => INITIALS.includes(char));
}
