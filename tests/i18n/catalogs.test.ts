import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/config';
import { loadMessages } from '@/lib/i18n/messages';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(loadMessages(locale) as unknown as Tree)]));

describe('message catalogs', () => {
  it('have the same keys in Korean and English', () => {
    const ko = [...catalogs.ko.keys()].sort();
    const en = [...catalogs.en.keys()].sort();
    expect(ko.filter((key) => !catalogs.en.has(key))).toEqual([]);
    expect(en.filter((key) => !catalogs.ko.has(key))).toEqual([]);
    expect(ko.length).toBeGreaterThan(100);
  });

  it('have no empty messages', () => {
    for (const locale of LOCALES) {
      const empty = [...catalogs[locale].entries()].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty, `${locale}: empty messages`).toEqual([]);
    }
  });

  it('are valid ICU messages that use the same placeholders in both languages', () => {
    type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };
    const collect = (elements: Element[], names: Set<string>): Set<string> => {
      for (const element of elements) {
        // Literals (0) and `#` (7) carry no argument name; every other element names one.
        if (element.type !== 0 && element.type !== 7 && typeof element.value === 'string') names.add(element.value);
        for (const option of Object.values(element.options ?? {})) collect(option.value, names);
        if (element.children) collect(element.children, names);
      }
      return names;
    };
    const placeholders = (text: string, locale: string) =>
      [...collect(new IntlMessageFormat(text, locale).getAst() as unknown as Element[], new Set())].sort();
    for (const [key, koText] of catalogs.ko) {
      for (const locale of LOCALES)
        expect(() => new IntlMessageFormat(catalogs[locale].get(key)!, locale), `${locale}.${key}`).not.toThrow();
      const enText = catalogs.en.get(key)!;
      expect(placeholders(enText, 'en'), key).toEqual(placeholders(koText, 'ko'));
    }
  });
});
