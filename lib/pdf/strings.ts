/**
 * Every user-visible string the PDFs print, in Korean and English. PDFs are rendered off-request
 * (job runner), so they do not go through next-intl. The tables live in strings-ko.ts and
 * strings-en.ts; `en` is typed as the Korean table, so a missing or differently-shaped English
 * entry is a compile error.
 */
import { en } from './strings-en';
import { ko, type PdfStrings } from './strings-ko';
import type { Language } from './types';

export type { PdfStrings } from './strings-ko';

export const STRINGS: Record<Language, PdfStrings> = { ko, en };
