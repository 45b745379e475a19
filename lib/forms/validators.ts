import { AppError } from '@/lib/errors';
import { normalizePhone } from '@/lib/format/contact';

/**
 * A resident registration number: YYMMDD, an optional dash, a gender/century digit and six more.
 * PIPA art. 24-2 forbids collecting it without a specific legal basis, so anything that looks like
 * one is refused wherever it is typed — a name field, a note, the date of birth.
 */
const RRN_PATTERN = /(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s*[-‐‑–—]?\s*[1-8]\d{6}(?!\d)/;

export function looksLikeRrn(value: string): boolean {
  return RRN_PATTERN.test(value.normalize('NFKC'));
}

/** Field names whose typed value looks like a resident registration number. */
export function findRrnFields(values: Record<string, unknown>, prefix = ''): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' && looksLikeRrn(value)) found.push(field);
    else if (value && typeof value === 'object') found.push(...findRrnFields(value as Record<string, unknown>, field));
  }
  return found;
}

/** Throws before any parsing or storing when a resident registration number was typed anywhere. */
export function refuseRrn(values: Record<string, unknown>): void {
  const fields = findRrnFields(values);
  if (fields.length === 0) return;
  throw new AppError('invalid_input', {
    messageKey: 'validation.rrnRefused',
    fieldErrors: Object.fromEntries(fields.map((field) => [field, 'validation.rrnRefused'])),
  });
}

/** Digits of a business registration number as typed (123-45-67890 or 1234567890). */
export function normalizeBrn(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '');
}

/**
 * The check digit of a Korean business registration number (사업자등록번호): weights
 * 1,3,7,1,3,7,1,3,5 over the first nine digits, plus the carry of the ninth digit × 5.
 */
export function isValidBrn(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(digits[index]) * weights[index];
  sum += Math.floor((Number(digits[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10 === Number(digits[9]);
}

/** Korean landline and mobile numbers: 9 to 11 digits starting with 0 once normalised. */
export function isPlausiblePhone(value: string): boolean {
  return /^0\d{8,10}$/.test(normalizePhone(value));
}

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** `<input type="datetime-local">` values are Korean wall-clock times (the case happened in KST). */
export function parseKstDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:00+09:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function toKstDateTimeInput(date: Date | null | undefined): string {
  if (!date) return '';
  return new Date(date.getTime() + KST_OFFSET_MS).toISOString().slice(0, 16);
}

/** A calendar date (YYYY-MM-DD) that exists; returned as midnight KST. */
export function parseCalendarDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const date = new Date(`${value.trim()}T00:00:00+09:00`);
  if (Number.isNaN(date.getTime())) return null;
  return toKstDateInput(date) === value.trim() ? date : null;
}

export function toKstDateInput(date: Date | null | undefined): string {
  if (!date) return '';
  return new Date(date.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10);
}
