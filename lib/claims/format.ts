import type { ClaimLocale, Localized } from './definition-schema';

/**
 * Formatting for statement text and messages, written out rather than left to Intl's date and
 * list styles: the statement's text is hashed and signed, so the same answers must give the same
 * characters on every server, whatever ICU version it runs.
 */

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2025-06-24` → `2025년 6월 24일` / `24 June 2025`. */
export function formatDate(value: string, locale: ClaimLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return locale === 'ko' ? `${year}년 ${month}월 ${day}일` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** `2025-11-29T14:30` → `2025년 11월 29일 14:30` / `29 November 2025 at 14:30`; a bare date as formatDate. */
export function formatDateTime(value: string, locale: ClaimLocale): string {
  const time = /T(\d{2}:\d{2})/.exec(value)?.[1];
  if (!time) return formatDate(value, locale);
  return locale === 'ko' ? `${formatDate(value, locale)} ${time}` : `${formatDate(value, locale)} at ${time}`;
}

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const minorDigitsCache = new Map<string, number>();

/** Digits after the decimal point of a currency (KRW 0, USD 2), from ISO 4217 data. */
export function currencyMinorDigits(currency: string): number {
  let digits = minorDigitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigitsCache.set(currency, digits);
  }
  return digits;
}

export function isKnownCurrency(currency: string): boolean {
  try {
    return typeof Intl.supportedValuesOf !== 'function' || Intl.supportedValuesOf('currency').includes(currency);
  } catch {
    return false;
  }
}

/** A number with thousands separators and at most `fraction` decimals (trailing zeros dropped). */
export function formatNumber(value: number, fraction = 6): string {
  const negative = value < 0;
  const fixed = Math.abs(value)
    .toFixed(fraction)
    .replace(/\.?0+$/, '');
  const [whole, decimals] = fixed.split('.');
  return `${negative ? '-' : ''}${groupDigits(whole)}${decimals ? `.${decimals}` : ''}`;
}

const CURRENCY_WORDS: Record<string, Localized> = {
  KRW: { ko: '원', en: 'KRW' },
  USD: { ko: '미국 달러', en: 'USD' },
};

/** Minor units → `100,000원` / `KRW 100,000`; `123450` USD → `1,234.50 미국 달러` / `USD 1,234.50`. */
export function formatMoney(amountMinor: number, currency: string, locale: ClaimLocale): string {
  const digits = currencyMinorDigits(currency);
  const negative = amountMinor < 0;
  const absolute = Math.abs(Math.round(amountMinor));
  const whole = Math.floor(absolute / 10 ** digits);
  const fraction = digits > 0 ? `.${String(absolute % 10 ** digits).padStart(digits, '0')}` : '';
  const number = `${negative ? '-' : ''}${groupDigits(String(whole))}${fraction}`;
  const word = CURRENCY_WORDS[currency]?.[locale] ?? currency;
  if (locale === 'ko') return currency === 'KRW' ? `${number}${word}` : `${number} ${word}`;
  return `${word} ${number}`;
}

/** `A, B 및 C` / `A, B and C` (no serial comma, as the existing statements print). */
export function formatList(items: string[], locale: ClaimLocale): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  const head = items.slice(0, -1).join(', ');
  return locale === 'ko' ? `${head} 및 ${last}` : `${head} and ${last}`;
}

const KOREAN_SMALL_UNITS: [marker: string, factor: number][] = [
  ['천', 1000],
  ['백', 100],
  ['십', 10],
];

/** 0–9999 written with 천/백/십 (`3천5백`, `2천`, `50`); null if it is not. */
function parseKoreanSmall(part: string): number | null {
  if (part === '') return 0;
  let rest = part;
  let total = 0;
  for (const [marker, factor] of KOREAN_SMALL_UNITS) {
    const index = rest.indexOf(marker);
    if (index === -1) continue;
    const digits = rest.slice(0, index);
    if (!/^\d*$/.test(digits)) return null;
    total += (digits === '' ? 1 : Number(digits)) * factor;
    rest = rest.slice(index + 1);
  }
  if (!/^\d*$/.test(rest)) return null;
  return total + (rest === '' ? 0 : Number(rest));
}

/** Won written with Korean units, as people do: `3만`, `35만원`, `1억 2천만`, `5천`. */
function parseKoreanAmount(cleaned: string): number | null {
  const match = /^(?:(.*?)억)?(?:(.*?)만)?(.*)$/.exec(cleaned);
  if (!match || !/[억만천백십]/.test(cleaned)) return null;
  const [eok, man, rest] = [match[1] ?? '', match[2] ?? '', match[3]];
  const parts = [parseKoreanSmall(eok), parseKoreanSmall(man), parseKoreanSmall(rest)];
  if (parts.some((part) => part === null)) return null;
  if (match[1] !== undefined && eok === '') parts[0] = 1;
  if (match[2] !== undefined && man === '') parts[1] = 1;
  const amount = parts[0]! * 100_000_000 + parts[1]! * 10_000 + parts[2]!;
  return Number.isSafeInteger(amount) && amount > 0 ? amount : null;
}

/**
 * Amounts as people type them: `35,000`, `35000원`, `₩35 000`, `$1,234.50`, `1234.5`, and in won
 * with Korean units (`3만원`, `1억 2천만`). Returns minor units, or null when it is not an amount
 * in this currency (too many decimals, a stray word).
 */
export function parseMoney(value: string, currency: string): number | null {
  const cleaned = value
    .normalize('NFKC')
    .trim()
    .replace(/^(KRW|USD|[A-Z]{3})\s*/i, '')
    .replace(/\s*(KRW|USD|원|달러)$/i, '')
    .replace(/[₩$€£¥,\s]/g, '');
  const digits = currencyMinorDigits(currency);
  const match = /^(\d{1,16})(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return currency === 'KRW' ? parseKoreanAmount(cleaned) : null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const amount = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(amount) ? amount : null;
}

/** Numbers as people type them: `1,200`, `２０`, `3.5`. */
export function parseNumber(value: string): number | null {
  const cleaned = value.normalize('NFKC').trim().replace(/[,\s]/g, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(cleaned)) return null;
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : null;
}
