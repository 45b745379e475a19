/**
 * How Korean numbers are written for people: one place for every screen, CSV and PDF. Stored
 * values are digits only (lib/format/contact.ts); these add the hyphens people expect, and
 * leave anything they do not recognise as it was.
 */

/** Digits of a Korean number, with a +82 country code turned back into the leading 0. */
function koreanDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  return /^82(1|2|[3-6]\d|70|50)/.test(digits) && digits.length >= 10 ? `0${digits.slice(2)}` : digits;
}

/**
 * 01048217735 → 010-4821-7735, 0215881234 → 02-1588-1234, 0311234567 → 031-123-4567,
 * 15881234 → 1588-1234 (a nationwide number). Text that is not such a number comes back unchanged.
 */
export function formatPhoneNumber(value: string): string {
  const digits = koreanDigits(value);
  if (/^01\d{8,9}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, -4)}-${digits.slice(-4)}`;
  if (/^02\d{7,8}$/.test(digits)) return `02-${digits.slice(2, -4)}-${digits.slice(-4)}`;
  if (/^0(50\d|[3-7]\d)\d{7,8}$/.test(digits)) {
    const area = digits.startsWith('050') ? 4 : 3;
    return `${digits.slice(0, area)}-${digits.slice(area, -4)}-${digits.slice(-4)}`;
  }
  if (/^1[5-9]\d{6}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return value.trim();
}

/** 사업자등록번호: 2208162517 → 220-81-62517 (3-2-5); anything else unchanged. */
export function formatBusinessNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length === 10 && /^[\d\s-]+$/.test(value) ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : value.trim();
}

export type ByteSize = { unit: 'kb' | 'mb'; value: number };

/**
 * A size as people read it: kilobytes under one megabyte (a started kilobyte counts as one, and
 * nothing is 0 KB), megabytes with one decimal above.
 */
export function byteSize(bytes: number): ByteSize {
  const safe = Math.max(0, Number.isFinite(bytes) ? bytes : 0);
  if (safe < 1024 * 1024) return { unit: 'kb', value: Math.ceil(safe / 1024) };
  return { unit: 'mb', value: Math.round((safe / 1024 / 1024) * 10) / 10 };
}
