import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Case, type Defendant as DefendantRow, caseMemberships, defendants, users } from '@/db/schema';
import { dimensionLabel, listDimensions } from '@/lib/claims';
import { loadPublishedDefinition } from '@/lib/claims/store';
import type { CaseInfo, ClaimCategory, Defendant, DefendantKind, LocalizedText, PartyListColumn } from '@/lib/pdf/types';

/**
 * Texts the case record has no column for yet. They are neutral on purpose: the US complaint's
 * jurisdiction section needs a statement, and the lawyers' template carries the substance.
 */
const DEFAULT_TEXTS = {
  caseName: { kr: { ko: '손해배상(기)', en: 'Damages' }, us: { ko: '집단소송 (손해배상)', en: 'Class Action (Damages)' } },
  jurisdiction: {
    ko: '이 법원은 이 사건에 관하여 관할권이 있으며, 피고들의 주소지 및 불법행위지를 고려할 때 적정한 재판지입니다.',
    en: 'This Court has jurisdiction over this action, and venue is proper in this District given where Defendants reside and where the harm occurred.',
  },
  signatureBlock: { ko: '원고들 소송대리인', en: 'Attorneys for Plaintiffs' },
} as const;

/** Prefixes the printed caption adds itself ("법률상 대표자 …"), so the stored text must not repeat them. */
const STATE_REPRESENTATIVE_PREFIX = { ko: /^법률상\s*대표자\s*/, en: /^(legal representative:?|represented by)\s*/i };
/** The schema records no nationality; an address abroad makes a foreign corporation (외국법인). */
const FOREIGN_ADDRESS = {
  ko: /^(미합중국|미국|일본|중국|영국|독일|프랑스|아일랜드|네덜란드)/,
  en: /\b(USA|U\.S\.A\.|United States|Japan|China|Ireland|Germany|United Kingdom|Netherlands)\b/,
};

function defendantKind(row: DefendantRow): DefendantKind {
  if (row.kind === 'state') return 'state';
  if (row.kind === 'person') return 'individual';
  return FOREIGN_ADDRESS.ko.test(row.addressKo) || FOREIGN_ADDRESS.en.test(row.addressEn) ? 'foreign_corporation' : 'corporation';
}

function toDefendant(row: DefendantRow): Defendant {
  const kind = defendantKind(row);
  const strip = (text: string, language: 'ko' | 'en') =>
    (kind === 'state' ? text.replace(STATE_REPRESENTATIVE_PREFIX[language], '') : text).trim();
  const title: LocalizedText = { ko: strip(row.representativeKo, 'ko'), en: strip(row.representativeEn, 'en') };
  const name: LocalizedText = {
    ko: row.representativeNameKo.trim(),
    en: row.representativeNameEn.trim() || row.representativeNameKo.trim(),
  };
  return {
    position: row.position,
    kind,
    name: { ko: row.nameKo, en: row.nameEn },
    representative: title.ko || title.en || name.ko ? { title, name } : undefined,
    address: { ko: row.addressKo, en: row.addressEn },
  };
}

/**
 * The case's template is edited as plain lines ("1. 당사자들의 지위" on a line of its own, then
 * the paragraph); the renderer wants blank-line paragraphs and "# " headings. Text already in
 * that shape passes through.
 */
export function toTemplateText(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  if (/\n\s*\n/.test(normalized) || normalized.includes('\n# ') || normalized.startsWith('# ')) return normalized;
  return normalized
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (isHeadingLine(line) ? `# ${line}` : line))
    .join('\n\n');
}

function isHeadingLine(line: string): boolean {
  return line.length <= 40 && /^((\d{1,2}|[가-하]|[IVX]{1,4}|[A-Z])\.|#)\s*\S/.test(line) && !/[.。다]$/.test(line);
}

function isoDateInSeoul(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * What the papers take from the case's current claim definition: its categories (the complaint's
 * per-category placeholders) and the dimensions it marks for the party list (its columns).
 */
async function definitionParts(db: Database, found: Case): Promise<{ categories: ClaimCategory[]; partyListColumns: PartyListColumn[] }> {
  const loaded = found.claimDefinitionVersion ? await loadPublishedDefinition(db, found.id, found.claimDefinitionVersion) : null;
  if (!loaded) return { categories: [], partyListColumns: [] };
  const { definition } = loaded;
  return {
    categories: definition.categories.map((category) => ({ id: category.id, label: { ...category.label } })),
    partyListColumns: listDimensions(definition, 'party_list').map((dimension) => ({
      id: dimension.id,
      label: { ...dimensionLabel(definition, dimension) },
    })),
  };
}

/**
 * The renderer's view of a case: court, defendants in caption order, counsel (the firm from the
 * case record, the attorneys from the case's lawyer members), the lawyers' template text and
 * the claim definition's categories and party-list columns.
 */
export async function buildCaseInfo(db: Database, found: Case, format: 'kr' | 'us'): Promise<CaseInfo> {
  const defendantRows = await db.select().from(defendants).where(eq(defendants.caseId, found.id)).orderBy(asc(defendants.position));
  const lawyers = await db
    .select({ name: users.name })
    .from(caseMemberships)
    .innerJoin(users, eq(users.id, caseMemberships.userId))
    .where(and(eq(caseMemberships.caseId, found.id), eq(caseMemberships.role, 'lawyer')))
    .orderBy(asc(caseMemberships.createdAt));
  const { categories, partyListColumns } = await definitionParts(db, found);
  const counselName: LocalizedText = {
    ko: found.counselNameKo || found.titleKo,
    en: found.counselNameEn || found.counselNameKo || found.titleEn,
  };
  return {
    id: found.id,
    title: { ko: found.titleKo, en: found.titleEn },
    court: { ko: found.courtKo, en: found.courtEn || found.courtKo },
    jurisdiction: { ...DEFAULT_TEXTS.jurisdiction },
    caseName: { ...DEFAULT_TEXTS.caseName[format] },
    // Interest runs from the incident; a case without one falls back to the day it was opened.
    incidentDate: isoDateInSeoul(found.incidentStartedAt ?? found.createdAt),
    defendants: defendantRows.map((row, index) => ({ ...toDefendant(row), position: index + 1 })),
    counsel: {
      name: counselName,
      attorneys: lawyers.map((lawyer) => ({ name: { ko: lawyer.name, en: lawyer.name } })),
      address: { ko: found.counselAddressKo, en: found.counselAddressEn || found.counselAddressKo },
      signatureBlock: { ...DEFAULT_TEXTS.signatureBlock },
    },
    templates: { causesOfAction: { ko: toTemplateText(found.complaintCausesKo), en: toTemplateText(found.complaintCausesEn) } },
    categories,
    partyListColumns,
  };
}
