import type { Localized } from '../definition-schema';

/** Shorthand for the definitions written in TypeScript: a Korean and an English text. */
export function t(ko: string, en: string): Localized {
  return { ko, en };
}

/** Options of a choice question from [id, ko, en] triples. */
export function options(...items: [id: string, ko: string, en: string][]): { id: string; label: Localized }[] {
  return items.map(([id, ko, en]) => ({ id, label: { ko, en } }));
}

/** Options whose statement wording differs from the label: [id, ko, en, statement ko, statement en]. */
export function worded(...items: [id: string, ko: string, en: string, statementKo: string, statementEn: string][]) {
  return items.map(([id, ko, en, statementKo, statementEn]) => ({
    id,
    label: { ko, en },
    statementText: { ko: statementKo, en: statementEn },
  }));
}
