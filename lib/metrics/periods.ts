import type { SeriesInterval } from './counters';

/**
 * Period arithmetic in Korean time, matching the SQL side (`date_trunc(…, bucket at time zone
 * 'Asia/Seoul')`). Korea has kept UTC+9 without daylight saving since 1988, so a fixed offset is exact.
 */
const KST_OFFSET_MS = 9 * 3600_000;
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

export function periodStart(at: Date, interval: SeriesInterval): Date {
  if (interval === 'hour') return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
  const local = at.getTime() + KST_OFFSET_MS;
  let dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  if (interval === 'week') {
    // 1970-01-01 was a Thursday; ISO weeks (as date_trunc('week')) start on Monday.
    const weekday = (Math.floor(dayStart / DAY_MS) + 3) % 7;
    dayStart -= weekday * DAY_MS;
  }
  return new Date(dayStart - KST_OFFSET_MS);
}

export function nextPeriod(start: Date, interval: SeriesInterval): Date {
  const step = interval === 'hour' ? HOUR_MS : interval === 'day' ? DAY_MS : 7 * DAY_MS;
  return new Date(start.getTime() + step);
}

/** The Korean calendar date of an instant, as YYYY-MM-DD. */
export function toKstDate(at: Date): string {
  return new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Korean calendar date (YYYY-MM-DD) begins. */
export function kstDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - KST_OFFSET_MS);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}
