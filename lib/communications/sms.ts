/**
 * Korean carriers count an SMS in EUC-KR bytes: 90 for a short message, 2,000 for an LMS. ASCII
 * is one byte, Hangul and other KS X 1001 characters two. A character EUC-KR cannot carry at all
 * (most emoji) would arrive as garbage, so it is refused rather than counted.
 */
export const SMS_BYTE_LIMIT = 90;
export const LMS_BYTE_LIMIT = 2_000;

export type SmsLength = { bytes: number; hasUnencodable: boolean };

export function measureEucKr(text: string): SmsLength {
  let bytes = 0;
  let hasUnencodable = false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes += 1;
    else {
      if (code > 0xffff) hasUnencodable = true;
      bytes += 2;
    }
  }
  return { bytes, hasUnencodable };
}

export function smsLimitFor(channel: 'sms' | 'lms' | 'alimtalk'): number {
  return channel === 'sms' ? SMS_BYTE_LIMIT : LMS_BYTE_LIMIT;
}

const KST_OFFSET_MS = 9 * 60 * 60_000;
export const QUIET_START_HOUR_KST = 21;
export const QUIET_END_HOUR_KST = 8;

/**
 * 정보통신망법 art. 50(3): no advertising or update texts between 21:00 and 08:00 without separate
 * consent. Transactional notices are exempt and never asked about this.
 */
export function isQuietHourKst(at: Date): boolean {
  const hour = new Date(at.getTime() + KST_OFFSET_MS).getUTCHours();
  return hour >= QUIET_START_HOUR_KST || hour < QUIET_END_HOUR_KST;
}

/** The next 08:00 KST at or after `at`: when a held update text may go out. */
export function nextQuietHoursEnd(at: Date): Date {
  const kst = new Date(at.getTime() + KST_OFFSET_MS);
  const end = Date.UTC(kst.getUTCFullYear(), kst.getUTCMonth(), kst.getUTCDate(), QUIET_END_HOUR_KST) - KST_OFFSET_MS;
  return new Date(kst.getUTCHours() >= QUIET_END_HOUR_KST ? end + 24 * 60 * 60_000 : end);
}
