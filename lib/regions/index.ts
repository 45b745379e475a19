import { romanize } from 'es-hangul';
import { KR_REGION_LIST } from './kr';
import { KR_LOCALITIES } from './kr-localities';
import type { RegionEntry, RegionJurisdiction } from './types';
import { US_REGION_LIST } from './us';

export type { RegionEntry, RegionJurisdiction } from './types';
export { KR_REGION_LIST } from './kr';
export { US_REGION_LIST } from './us';

/**
 * Regions per jurisdiction: a Korean case lists the 시·도, a U.S. case the states. A region is
 * stored by code and found by its code or any of its names in either language, so a partner
 * site may post `서울특별시`, `서울`, `Seoul` or `seoul`.
 */
export const REGION_JURISDICTIONS = ['KR', 'US'] as const satisfies readonly RegionJurisdiction[];

const LISTS: Record<RegionJurisdiction, readonly RegionEntry[]> = { KR: KR_REGION_LIST, US: US_REGION_LIST };

/** Case, width, spaces, dots and hyphens do not matter: `Gyeonggi-do`, `gyeonggi do`, `ＧＹＥＯＮＧＧＩ－ＤＯ`. */
function normalizeName(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.\-·,]/g, '');
}

const INDEX = new Map<RegionJurisdiction, Map<string, RegionEntry>>();

function indexFor(jurisdiction: RegionJurisdiction): Map<string, RegionEntry> {
  let index = INDEX.get(jurisdiction);
  if (!index) {
    index = new Map();
    for (const entry of LISTS[jurisdiction]) {
      for (const name of [entry.code, entry.name.ko, entry.name.en, ...entry.aliases]) {
        const key = normalizeName(name);
        // The first entry to claim a name keeps it (광주 is the city, 광주시 of Gyeonggi is a locality).
        if (!index.has(key)) index.set(key, entry);
      }
    }
    INDEX.set(jurisdiction, index);
  }
  return index;
}

export function isRegionJurisdiction(value: unknown): value is RegionJurisdiction {
  return typeof value === 'string' && (REGION_JURISDICTIONS as readonly string[]).includes(value);
}

export function listRegions(jurisdiction: RegionJurisdiction): readonly RegionEntry[] {
  return LISTS[jurisdiction];
}

export function regionCodes(jurisdiction: RegionJurisdiction): string[] {
  return LISTS[jurisdiction].map((entry) => entry.code);
}

/** The region a code or name stands for, or null when nothing matches (the caller decides what that costs). */
export function findRegion(jurisdiction: RegionJurisdiction, value: unknown): RegionEntry | null {
  if (typeof value !== 'string' || !value.trim() || value.length > 100) return null;
  return indexFor(jurisdiction).get(normalizeName(value)) ?? null;
}

export function isRegionCode(jurisdiction: RegionJurisdiction, code: unknown): boolean {
  return typeof code === 'string' && LISTS[jurisdiction].some((entry) => entry.code === code);
}

export function regionName(jurisdiction: RegionJurisdiction, code: string, locale: 'ko' | 'en'): string {
  return LISTS[jurisdiction].find((entry) => entry.code === code)?.name[locale] ?? code;
}

const SUFFIXES: [suffix: string, english: string][] = [
  ['특별자치시', ''],
  ['시', 'si'],
  ['군', 'gun'],
  ['구', 'gu'],
  ['읍', 'eup'],
  ['면', 'myeon'],
  ['동', 'dong'],
  ['리', 'ri'],
];

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * One 시·군·구 (or 읍·면·동) in Latin letters: from the table when the local government's own
 * spelling is known, otherwise romanised (Revised Romanization, stem and suffix apart so the
 * suffix keeps its hyphen: 부산진구 → Busanjin-gu).
 */
function romanizePart(regionCode: string | null, part: string): { text: string; isFromTable: boolean } {
  if (!HANGUL.test(part)) return { text: part, isFromTable: true };
  const known = (regionCode && KR_LOCALITIES[regionCode]?.[part]) || undefined;
  if (known) return { text: known, isFromTable: true };
  const suffix = SUFFIXES.find(([ending]) => part.length > ending.length && part.endsWith(ending));
  const stem = suffix ? part.slice(0, -suffix[0].length) : part;
  const latin = romanize(stem);
  const capitalised = latin.charAt(0).toUpperCase() + latin.slice(1);
  return { text: suffix && suffix[1] ? `${capitalised}-${suffix[1]}` : capitalised, isFromTable: false };
}

/** Drops a leading 시·도 name the claimant typed into the locality (`부산광역시 부산진구` → `부산진구`). */
function withoutRegionPrefix(regionCode: string | null, parts: string[]): string[] {
  if (!regionCode || parts.length < 2) return parts;
  const region = findRegion('KR', parts[0]);
  return region && region.code === regionCode ? parts.slice(1) : parts;
}

/**
 * A Korean locality in English, smallest unit first as English addresses write it:
 * `수원시 영통구` → `Yeongtong-gu, Suwon-si`. `isFromTable` is false when any part was
 * romanised by rule, so a filing can ask for the spelling in Latin letters instead.
 */
export function localityInEnglish(regionCode: string | null, locality: string): { text: string; isFromTable: boolean } {
  const parts = withoutRegionPrefix(regionCode, locality.normalize('NFC').trim().split(/\s+/).filter(Boolean));
  const romanised = parts.map((part) => romanizePart(regionCode, part));
  return {
    text: romanised
      .map((part) => part.text)
      .reverse()
      .join(', '),
    isFromTable: romanised.every((part) => part.isFromTable),
  };
}

/** Region and locality as a document in that language prints them: `부산광역시 부산진구` / `Busanjin-gu, Busan`. */
export function formatLocality(
  jurisdiction: RegionJurisdiction,
  regionCode: string | null,
  locality: string | null,
  locale: 'ko' | 'en',
): string {
  const region = regionCode ? regionName(jurisdiction, regionCode, locale) : '';
  const place = (locality ?? '').trim();
  if (locale === 'ko') {
    const parts = withoutRegionPrefix(jurisdiction === 'KR' ? regionCode : null, place.split(/\s+/).filter(Boolean));
    return [region, ...parts].filter(Boolean).join(' ');
  }
  const english = jurisdiction === 'KR' && place ? localityInEnglish(regionCode, place).text : place;
  return [english, region].filter(Boolean).join(', ');
}
