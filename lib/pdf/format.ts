/** Formatting of amounts, dates and personal data, including FRCP 5.2 redaction for US filings. */
import { formatPhoneNumber } from '@/lib/format/numbers';
import type { DocumentFormat } from './geometry';
import type { Guardian, Language } from './types';

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatNumber(value: number): string {
  return GROUPED.format(value);
}

/** Joins the parts of an amount or date so a line never breaks inside them. */
export const NO_BREAK_SPACE = '\u00a0';

/** "금 196,800,000원" / "KRW 196,800,000" (with a no-break space). */
export function formatKrw(amount: number, language: Language): string {
  return language === 'ko' ? `금${NO_BREAK_SPACE}${formatNumber(amount)}원` : `KRW${NO_BREAK_SPACE}${formatNumber(amount)}`;
}

/** Amount without the 금 prefix, for table cells: "196,800,000원" / "KRW 196,800,000". */
export function formatKrwShort(amount: number, language: Language): string {
  return language === 'ko' ? `${formatNumber(amount)}원` : `KRW${NO_BREAK_SPACE}${formatNumber(amount)}`;
}

function dateParts(isoDate: string): { year: number; month: number; day: number } {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return { year, month, day };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A calendar date: "2003. 4. 30." (Korean court style) / "April 30, 2003"; never broken across lines. */
export function formatDate(isoDate: string, language: Language): string {
  const { year, month, day } = dateParts(isoDate);
  const space = NO_BREAK_SPACE;
  return language === 'ko' ? `${year}.${space}${month}.${space}${day}.` : `${MONTHS[month - 1]}${space}${day},${space}${year}`;
}

/** The calendar date of an instant in a time zone, as ISO (YYYY-MM-DD). */
/**
 * One formatter per zone and style, kept: making an Intl.DateTimeFormat costs far more than
 * formatting with it, and a 100,000-row annex formats half a million instants.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

export function isoDateIn(instant: Date, timeZone: string): string {
  return formatterFor('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * A signature time with seconds and zone: "2003-04-10 14:23:05 (KST, UTC+9)", or in tables
 * (`compact`) "2003-04-10 14:23:05 KST".
 */
export function formatInstant(iso: string, timeZone: string, compact = false): string {
  const instant = new Date(iso);
  const parts = formatterFor('en-GB', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace('GMT', 'UTC') || 'UTC';
  const zone = timeZone === 'Asia/Seoul' ? 'KST, ' : '';
  if (compact)
    return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${zone ? 'KST' : offset}`;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} (${zone}${offset})`;
}

/** Date of birth as the format allows: KR the full date, US the year only (FRCP 5.2(a)(2)). */
export function formatBirthDate(isoDate: string, format: DocumentFormat, language: Language): string {
  if (format === 'us') return String(dateParts(isoDate).year);
  return language === 'ko' ? formatDate(isoDate, language) : isoDate.slice(0, 10);
}

/** Only the last four digits of a phone or account number (FRCP 5.2(a)(4) applied to both). */
export function redactNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `XXX-XXXX-${digits.slice(-4)}`;
}

export function formatPhone(value: string, format: DocumentFormat): string {
  return format === 'us' ? redactNumber(value) : formatPhoneNumber(value);
}

/** Whether someone born on `birthDate` is under 18 on `onDate` (both ISO dates). */
export function isMinorOn(birthDate: string, onDate: string): boolean {
  const birth = dateParts(birthDate);
  const on = dateParts(onDate);
  const age = on.year - birth.year - (on.month < birth.month || (on.month === birth.month && on.day < birth.day) ? 1 : 0);
  return age < 18;
}

/**
 * A minor's name as FRCP 5.2(a)(3) allows: initials ("Gil-dong Hong" → "G. H."); a Hangul
 * name keeps its surname and masks the rest ("홍길동" → "홍○○"), the Korean convention.
 */
export function initialsOf(name: string): string {
  const trimmed = name.trim();
  if (/^[\uac00-\ud7a3]+$/.test(trimmed))
    return Array.from(trimmed)
      .map((char, index) => (index === 0 ? char : '○'))
      .join('');
  return trimmed
    .split(/\s+/)
    .map((word) => `${Array.from(word)[0] ?? ''}.`)
    .join(' ');
}

/** The name a caption leads with ("Gil-dong Hong and 1,585 others"): romanised in English when known. */
export function captionName(person: { legalName: string; legalNameLatin?: string }, language: Language): string {
  return language === 'en' && person.legalNameLatin ? person.legalNameLatin : person.legalName;
}

/**
 * A claimant's name as the format allows. Korean filings use the legal (Hangul) name in both
 * languages; US filings in English add the romanised name, and name minors by initials only.
 */
export function displayName(
  person: { legalName: string; legalNameLatin?: string; dateOfBirth: string },
  format: DocumentFormat,
  language: Language,
  onDate: string,
): string {
  if (format === 'kr') return person.legalName;
  if (isMinorOn(person.dateOfBirth, onDate))
    return initialsOf(language === 'en' && person.legalNameLatin ? person.legalNameLatin : person.legalName);
  return language === 'en' && person.legalNameLatin ? `${person.legalNameLatin} (${person.legalName})` : person.legalName;
}

/** Who acts for the minor: "친권자 부 홍아버지, 모 김어머니" / "Jane Doe and John Doe, parents and legal representatives". */
function representedBy(guardian: Guardian, language: Language): string {
  const [first = '', second = ''] = guardian.names;
  if (language === 'ko') {
    if (guardian.relation === 'parents') return `친권자 부 ${first}, 모 ${second}`;
    if (guardian.relation === 'father') return `친권자 부 ${first}`;
    if (guardian.relation === 'mother') return `친권자 모 ${first}`;
    return `후견인 ${first}`;
  }
  return guardian.relation === 'parents'
    ? `${first} and ${second}, parents and legal representatives`
    : `${first}, ${guardian.relation} and legal representative`;
}

/**
 * How a sentence of Korean papers names who acts for a minor — "미성년자 홍길동의 법정대리인 친권자
 * 부 홍아버지, 모 김어머니" — and of English ones: "J.D., a minor, by Jane Doe and John Doe, parents
 * and legal representatives". `name` is the minor's name as the paper prints it (initials on US papers).
 */
export function guardianPhrase(name: string, guardian: Guardian, language: Language): string {
  return language === 'ko'
    ? `미성년자 ${name}의 법정대리인 ${representedBy(guardian, language)}`
    : `${name}, a minor, by ${representedBy(guardian, language)}`;
}

/** The name as a table cell prints it: a minor's with who acts for them (Korean practice: on the next line). */
export function partyName(
  person: { legalName: string; legalNameLatin?: string; dateOfBirth: string; guardian?: Guardian },
  format: DocumentFormat,
  language: Language,
  onDate: string,
): string {
  const name = displayName(person, format, language, onDate);
  if (!person.guardian) return name;
  return language === 'ko'
    ? `${name}\n(미성년자이므로 법정대리인 ${representedBy(person.guardian, language)})`
    : guardianPhrase(name, person.guardian, language);
}

/** Address as the format allows: KR the full address, US the locality only (FRCP 5.2 practice). */
export function displayAddress(person: { address: string; locality: string }, format: DocumentFormat): string {
  return format === 'us' ? person.locality : person.address;
}

/** A 64-hex SHA-256 split in two halves for narrow columns. */
export function splitHash(hash: string): [string, string] {
  return [hash.slice(0, 32), hash.slice(32)];
}
