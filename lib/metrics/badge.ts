import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';

/**
 * The embeddable counter image ("참여 3,142명" / "3,142 supporters"). Plain SVG text with a font
 * stack that has Hangul on every common system: an SVG shown through <img> may fetch nothing, so
 * no web font. Only a count goes in — never a name or anything else about a person.
 */
const HEIGHT = 28;
const FONT_SIZE = 14;
const PADDING_X = 10;
const LOGO_WIDTH = 28;
const FONT_STACK =
  "Pretendard, 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', 'Noto Sans CJK KR', 'Nanum Gothic', NanumGothic, sans-serif";
const COLORS = { logo: '#0f4744', body: '#176f6a', text: '#ffffff' };

const translators = new Map<Locale, ReturnType<typeof getTranslator>>();

export function badgeText(count: number, locale: Locale): string {
  let t = translators.get(locale);
  if (!t) {
    t = getTranslator(locale);
    translators.set(locale, t);
  }
  return t('organizer.badge.supporters', { count });
}

/** Width of the text in the badge's font size, generous so no system font clips it. */
export function estimateTextWidth(text: string): number {
  let ems = 0;
  for (const char of text) {
    if (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(char)) ems += 1;
    else if (/[0-9]/.test(char)) ems += 0.62;
    else if (/[,.\s]/.test(char)) ems += 0.32;
    else if (/[A-Z]/.test(char)) ems += 0.7;
    else ems += 0.58;
  }
  return Math.ceil(ems * FONT_SIZE);
}

export function renderSupportersBadge(input: { count: number; locale: Locale; caseTitle: string }): string {
  const text = badgeText(input.count, input.locale);
  const textWidth = estimateTextWidth(text);
  const width = LOGO_WIDTH + PADDING_X * 2 + textWidth;
  const label = escapeXml(`${input.caseTitle}: ${text}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    `<clipPath id="r"><rect width="${width}" height="${HEIGHT}" rx="6"/></clipPath>`,
    `<g clip-path="url(#r)">`,
    `<rect width="${width}" height="${HEIGHT}" fill="${COLORS.body}"/>`,
    `<rect width="${LOGO_WIDTH}" height="${HEIGHT}" fill="${COLORS.logo}"/>`,
    `</g>`,
    `<g fill="${COLORS.text}" font-family="${FONT_STACK}" font-weight="700" text-anchor="middle">`,
    `<text x="${LOGO_WIDTH / 2}" y="19" font-size="15">J</text>`,
    `<text x="${LOGO_WIDTH + PADDING_X + textWidth / 2}" y="19" font-size="${FONT_SIZE}">${escapeXml(text)}</text>`,
    `</g>`,
    `</svg>`,
  ].join('');
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] ?? char);
}
