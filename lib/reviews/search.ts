import { blindIndex } from '@/lib/crypto/field-encryption';
import { hangulInitials, normalizeName } from '@/lib/format/names';
import { normalizeEmail, normalizePhone } from '@/lib/format/contact';

/**
 * What a lawyer typed into the queue's one search box, decided by its shape: an email, a phone
 * number (found through the blind index, never by decrypting), a reference number, 초성 only
 * (ㅎㄱㄷ), a mix of 초성 and syllables (ㅎ길동), or part of a name.
 */
export type SearchTerm =
  | { kind: 'email'; email: string }
  | { kind: 'phone'; phoneHash: string }
  | { kind: 'reference'; reference: string }
  | { kind: 'initials'; initials: string }
  | { kind: 'mixed'; initials: string; pattern: string }
  | { kind: 'name'; name: string };

const HANGUL_BASE = 0xac00;
const SYLLABLES_PER_INITIAL = 588;
const INITIALS = ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];
const PHONE_SHAPE = /^[+(\d][\d\s().-]*$/;
const REFERENCE_SHAPE = /^([a-z]{2,8})-?(\d{1,8})$/i;

export function classifySearch(raw: string, referencePrefix: string): SearchTerm | null {
  const term = raw.normalize('NFC').trim();
  if (!term) return null;
  if (term.includes('@')) return { kind: 'email', email: normalizeEmail(term) };

  const digits = term.replace(/\D/g, '');
  if (PHONE_SHAPE.test(term) && digits.length >= 9) {
    return { kind: 'phone', phoneHash: blindIndex('phone', normalizePhone(term)) ?? '' };
  }
  if (/^\d{1,8}$/.test(term)) return { kind: 'reference', reference: formatReference(referencePrefix, term) };
  const reference = term.match(REFERENCE_SHAPE);
  if (reference && reference[1].toUpperCase() === referencePrefix.toUpperCase()) {
    return { kind: 'reference', reference: formatReference(referencePrefix, reference[2]) };
  }

  const name = normalizeName(term);
  if (!name) return null;
  const chars = [...name];
  const initialCount = chars.filter((char) => INITIALS.includes(char)).length;
  if (initialCount === chars.length) return { kind: 'initials', initials: name };
  if (initialCount > 0) return { kind: 'mixed', initials: hangulInitials(name), pattern: mixedPattern(chars) };
  return { kind: 'name', name };
}

/** SLM + 123 → SLM-000123, the form the intake assigns. */
function formatReference(prefix: string, serial: string): string {
  return `${prefix.toUpperCase()}-${serial.replace(/^0+(?=\d)/, '').padStart(6, '0')}`;
}

/**
 * A POSIX regular expression for a term like "ㅎ길": each lone initial stands for any syllable
 * that starts with it (ㅎ → [하-힣]), everything else must match itself.
 */
function mixedPattern(chars: string[]): string {
  return chars
    .map((char) => {
      const index = INITIALS.indexOf(char);
      if (index < 0) return char.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
      const first = String.fromCodePoint(HANGUL_BASE + index * SYLLABLES_PER_INITIAL);
      const last = String.fromCodePoint(HANGUL_BASE + (index + 1) * SYLLABLES_PER_INITIAL - 1);
      return `[${first}-${last}]`;
    })
    .join('');
}

/**
 * The pairs of neighbouring characters a term must contain, matching the GIN indexes over
 * search_bigrams(). A one-character term has none: it is common (a surname) or rare, and the
 * ordered scan with LIKE answers both faster than an index posting list of a quarter of the case.
 */
export function searchBigrams(term: string): string[] {
  const chars = [...term];
  const pairs = new Set<string>();
  for (let index = 0; index < chars.length - 1; index++) pairs.add(chars[index] + chars[index + 1]);
  return [...pairs];
}

/** Escapes LIKE wildcards so a typed % or _ means itself. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}
