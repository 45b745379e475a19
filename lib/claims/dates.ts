import { DATE_PATTERN, DATETIME_PATTERN, type ClaimDefinition, type DateBound } from './definition-schema';
import type { ClaimAnswers } from './types';

/**
 * Dates and times in a definition are wall-clock strings in its time zone (`2025-06-24`,
 * `2025-11-29T14:30`), as date inputs give them. Two of them in the same zone compare as
 * strings, so no time-zone arithmetic is needed except to learn what "today" is there.
 */

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isWallClockDateTime(value: unknown): value is string {
  if (typeof value !== 'string' || !DATETIME_PATTERN.test(value)) return false;
  const [date, time] = value.split('T');
  const [hours, minutes] = time.split(':').map(Number);
  return isCalendarDate(date) && hours < 24 && minutes < 60;
}

export function isWallClock(value: unknown): value is string {
  return isCalendarDate(value) || isWallClockDateTime(value);
}

/** Shifts a wall-clock value by whole calendar days (a day is a date, not 24 hours, across DST). */
export function addDays(value: string, days: number): string {
  if (!days) return value;
  const [date, time] = value.split('T');
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  const day = shifted.toISOString().slice(0, 10);
  return time ? `${day}T${time}` : day;
}

/** Today's date in the zone, from a clock the caller injects (tests) or the real one. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Compares two wall-clock values; when either is a bare date, only the dates are compared (a
 * harm on the day the breach began is not "before" a breach that began at 14:30 that day).
 */
export function compareWallClock(a: string, b: string): number {
  const isDateOnly = !a.includes('T') || !b.includes('T');
  const left = isDateOnly ? a.slice(0, 10) : a;
  const right = isDateOnly ? b.slice(0, 10) : b;
  return left < right ? -1 : left > right ? 1 : 0;
}

export type BoundContext = { definition: ClaimDefinition; answers: ClaimAnswers; now?: Date };

/** The wall-clock value a bound stands for now, or null while it cannot be known (an unanswered question). */
export function resolveDateBound(bound: DateBound, context: BoundContext): string | null {
  switch (bound.kind) {
    case 'date':
      return bound.value;
    case 'today':
      return todayIn(context.definition.timeZone, context.now);
    case 'event': {
      const event = context.definition.timeline.find((item) => item.id === bound.event);
      return event ? addDays(event.at, bound.offsetDays ?? 0) : null;
    }
    case 'answer': {
      const value = context.answers[bound.question];
      return isWallClock(value) ? addDays(value, bound.offsetDays ?? 0) : null;
    }
  }
}

function toEpochMinutes(value: string): number {
  const [date, time = '00:00'] = value.split('T');
  return new Date(`${date}T${time}:00Z`).getTime() / 60_000;
}

/** Wall-clock hours from one value to another (time-zone changes within the span are ignored). */
export function hoursBetween(from: string, to: string): number {
  return (toEpochMinutes(to) - toEpochMinutes(from)) / 60;
}

export function daysBetween(from: string, to: string): number {
  return hoursBetween(from, to) / 24;
}
