/**
 * Deadlines and cut-offs are calendar days in Korea (KST, UTC+9 all year, no daylight saving):
 * "cure by 12 March" means until the end of 12 March in Seoul, wherever the server runs.
 */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date in Korea as YYYY-MM-DD. */
export function koreanDay(now: Date): string {
  return new Date(now.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Korean calendar day ends (the next day's 00:00 KST). */
export function endOfKoreanDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+09:00`) + DAY_MS);
}

/** Whether a YYYY-MM-DD string names a real calendar day (2026-02-30 does not). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A cure-by day as the claimant reads it (noon KST, so no time zone moves it to another day). */
export function formatCureBy(day: string, locale: 'ko' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Seoul' }).format(
    new Date(`${day}T12:00:00+09:00`),
  );
}
