import { STRINGS } from '../strings';
import type { Language } from '../types';

export type NumberedExhibit<T> = {
  item: T;
  /** 갑 제N호증: one number per claimant. */
  number: number;
  /** 의 M: set when the claimant has several files. */
  sub?: number;
  label: string;
};

/**
 * Numbers exhibits the Korean way: one exhibit number per claimant (갑 제N호증), with branch
 * numbers (갑 제N호증의 M) when a claimant has several files; US: Exhibit N / Exhibit N-M.
 * Groups keep the order in which they first appear.
 */
export function numberExhibits<T>(
  items: readonly T[],
  groupKey: (item: T) => string,
  language: Language,
  startNumber = 1,
): NumberedExhibit<T>[] {
  const strings = STRINGS[language].exhibits;
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupKey(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const numbered: NumberedExhibit<T>[] = [];
  let number = startNumber;
  for (const group of groups.values()) {
    group.forEach((item, index) => {
      const sub = group.length > 1 ? index + 1 : undefined;
      numbered.push({ item, number, sub, label: strings.label(strings.party, number, sub) });
    });
    number++;
  }
  return numbered;
}
