import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases } from '@/db/schema';
import { type ClaimDefinition, dimensionLabel, dimensionOptions, listDimensions } from '@/lib/claims';
import { loadPublishedDefinition } from '@/lib/claims/store/definitions';
import { listRegions } from '@/lib/regions';
import { type DimensionTotals, FIXED_METRIC_DIMENSIONS, readDimensionTotals } from './counters';

/** Who is counted in each breakdown column. */
const SUPPORTERS = 'supporters.signed';
const CLAIMANTS = 'claimants.registered';
const VERIFIED = 'claimants.verified';
export const BREAKDOWN_METRICS = [SUPPORTERS, CLAIMANTS, VERIFIED] as const;

export type LocalizedLabel = { ko: string; en: string };

/** One row of a breakdown; `value` is the stored code ('' = not given), `label` its name when the definition knows it. */
export type BreakdownRow = { value: string; label?: LocalizedLabel; supporters: number; claimants: number; verified: number };

/** The claimant category, or one dashboard dimension of the case's claim definition. */
export type DimensionBreakdown = {
  /** `category`, or the definition's dimension id. */
  id: string;
  label: LocalizedLabel;
  /** A multiple choice: a claimant is counted under each option chosen, so rows add up to more than the claimants. */
  isMultiple: boolean;
  rows: BreakdownRow[];
};

export type Breakdowns = {
  /** The regions of the case's jurisdiction always (zeros included), others and not given ('') when counted. */
  region: BreakdownRow[];
  source: BreakdownRow[];
  /** The category first, then each dimension the definition marks for the dashboard, in its order. */
  dimensions: DimensionBreakdown[];
};

const CATEGORY_FALLBACK_LABEL: LocalizedLabel = { ko: '신청인 유형', en: 'Category' };

/** The definition version new claimants start on (the dashboard's headings and labels), or null. */
async function loadCaseDefinition(db: Database, caseId: string): Promise<ClaimDefinition | null> {
  const [row] = await db.select({ version: cases.claimDefinitionVersion }).from(cases).where(eq(cases.id, caseId));
  if (!row?.version) return null;
  return (await loadPublishedDefinition(db, caseId, row.version))?.definition ?? null;
}

export async function loadBreakdowns(db: Database, caseId: string, options: { before?: Date } = {}): Promise<Breakdowns> {
  const definition = await loadCaseDefinition(db, caseId);
  const questionDimensions = definition
    ? listDimensions(definition, 'dashboard').filter(
        (dimension) => dimension.source.kind === 'question' && !FIXED_METRIC_DIMENSIONS.includes(dimension.id),
      )
    : [];
  const keys = ['region', 'source', 'category', ...questionDimensions.map((dimension) => dimension.id)];
  const totals = await readDimensionTotals(db, caseId, BREAKDOWN_METRICS, keys, options);
  const regions = listRegions(definition?.jurisdiction ?? 'KR').map((region) => ({ value: region.code, label: region.name }));
  const categoryDimension = definition?.dimensions.find((dimension) => dimension.source.kind === 'category');
  const category: DimensionBreakdown = {
    id: 'category',
    label: definition && categoryDimension ? dimensionLabel(definition, categoryDimension) : CATEGORY_FALLBACK_LABEL,
    isMultiple: false,
    rows: toRows(totals, 'category', definition?.categories.map((entry) => ({ value: entry.id, label: entry.label })) ?? []),
  };
  const answers = questionDimensions.map((dimension): DimensionBreakdown => ({
    id: dimension.id,
    label: dimensionLabel(definition!, dimension),
    isMultiple: isMultipleChoice(definition!, dimension.source),
    rows: toRows(totals, dimension.id, dimensionOptions(definition!, dimension)),
  }));
  return {
    region: toRows(totals, 'region', regions),
    source: toRows(totals, 'source', []),
    dimensions: [category, ...answers],
  };
}

function isMultipleChoice(definition: ClaimDefinition, source: ClaimDefinition['dimensions'][number]['source']): boolean {
  if (source.kind !== 'question') return false;
  const question = definition.steps.flatMap((step) => step.questions).find((entry) => entry.id === source.question);
  return question?.type === 'multiple_choice';
}

/**
 * Known values are always listed (a region with nobody yet shows as 0, which organizers want to
 * see); other values (overseas, not given, free campaign codes) only when someone is counted.
 * Largest first.
 */
function toRows(totals: DimensionTotals, dimension: string, known: readonly { value: string; label: LocalizedLabel }[]): BreakdownRow[] {
  const read = (metric: string, value: string) => totals[metric]?.[dimension]?.[value] ?? 0;
  const labels = new Map(known.map((entry) => [entry.value, entry.label]));
  const seen = new Set<string>(labels.keys());
  for (const metric of BREAKDOWN_METRICS) for (const value of Object.keys(totals[metric]?.[dimension] ?? {})) seen.add(value);
  const rows = [...seen].map((value): BreakdownRow => ({
    value,
    ...(labels.has(value) ? { label: labels.get(value) } : {}),
    supporters: read(SUPPORTERS, value),
    claimants: read(CLAIMANTS, value),
    verified: read(VERIFIED, value),
  }));
  return rows
    .filter((row) => labels.has(row.value) || row.supporters + row.claimants + row.verified !== 0)
    .sort((a, b) => b.supporters + b.claimants - (a.supporters + a.claimants) || a.value.localeCompare(b.value));
}
