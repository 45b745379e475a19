import type { Locale } from '@/lib/i18n/config';
import { MEGABYTE } from './options';

/** File sizes as lawyers compare them with a court's limit: megabytes, one decimal. */
export function formatMegabytes(bytes: number, locale: Locale): string {
  const value = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 1 }).format(bytes / MEGABYTE);
  return `${value} MB`;
}

export function formatDateTime(date: Date, locale: Locale): string {
  // A 24-hour clock in Korean time: court records and the e-signature records use it too.
  return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Seoul',
  }).format(date);
}

export function formatWon(amount: number, locale: Locale): string {
  return locale === 'ko' ? `${new Intl.NumberFormat('ko-KR').format(amount)}원` : `₩${new Intl.NumberFormat('en-US').format(amount)}`;
}

/** A calendar day stored as YYYY-MM-DD (a court's filing date), written out in Korean time. */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Seoul' }).format(
    new Date(`${day}T00:00:00+09:00`),
  );
}
