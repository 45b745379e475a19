import type { Locale } from '../config';
import en from './en';
import ko from './ko';

export type Messages = typeof ko;

const CATALOGS: Record<Locale, Messages> = { ko, en };

export function loadMessages(locale: Locale): Messages {
  return CATALOGS[locale];
}
