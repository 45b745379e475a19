import type { Locale } from '@/lib/i18n/config';

/**
 * What a message may say about its recipient. Written `{name}` in the subject or body; anything
 * else in braces is refused when the message is saved, per language, so a typo in the English body
 * cannot go out as a literal `{nmae}` to half the class.
 */
export const PLACEHOLDERS = ['name', 'reference', 'missingItems', 'deadline', 'homeLink', 'unsubscribeLink'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const PLACEHOLDER_PATTERN = /\{([^{}\s]{1,40})\}/g;
const KNOWN = new Set<string>(PLACEHOLDERS);

/** The placeholders a text uses that are not ours, in order of first use. */
export function findUnknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1];
    if (!KNOWN.has(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** Fills the placeholders; one without a value (no reference number yet) becomes empty. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => (KNOWN.has(name) ? (values[name as Placeholder] ?? '') : whole));
}

/** Names of the missing items of a claim, as the recipient reads them. */
const MISSING_ITEM_LABELS: Record<Locale, Record<string, string>> = {
  ko: { statement: '진술서 서명', consent: '위임 동의 서명', evidence: '증거 자료' },
  en: { statement: 'signed statement', consent: 'signed consent', evidence: 'evidence' },
};

export function describeMissingItems(codes: string, locale: Locale): string {
  const labels = MISSING_ITEM_LABELS[locale];
  return codes
    .split(',')
    .filter(Boolean)
    .map((code) => labels[code] ?? code)
    .join(locale === 'ko' ? ', ' : ', ');
}

/** A sample recipient for the preview, in each language. */
export function samplePlaceholderValues(locale: Locale, appUrl: string): PlaceholderValues {
  return locale === 'ko'
    ? {
        name: '홍길동',
        reference: 'SLM-000123',
        missingItems: describeMissingItems('statement,evidence', 'ko'),
        deadline: '2026년 12월 31일',
        homeLink: `${appUrl}/me`,
        unsubscribeLink: `${appUrl}/unsubscribe`,
      }
    : {
        name: 'Gildong Hong',
        reference: 'SLM-000123',
        missingItems: describeMissingItems('statement,evidence', 'en'),
        deadline: 'December 31, 2026',
        homeLink: `${appUrl}/me`,
        unsubscribeLink: `${appUrl}/unsubscribe`,
      };
}
