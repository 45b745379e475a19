import type { Database } from '@/db/client';
import { ISPS, KR_REGIONS } from '@/lib/cases/reference-data';
import { claimantTypeEnum } from '@/db/schema';
import { type DimensionTotals, readDimensionTotals } from './counters';

/** Who is counted in each breakdown column. */
const SUPPORTERS = 'supporters.signed';
const CLAIMANTS = 'claimants.registered';
const VERIFIED = 'claimants.verified';
export const BREAKDOWN_METRICS = [SUPPORTERS, CLAIMANTS, VERIFIED] as const;

/** One row of a breakdown; `value` is the stored code ('' = not given). */
export type BreakdownRow = { value: string; supporters: number; claimants: number; verified: number };

export type Breakdowns = {
  /** The 17 시도 always (zeros included), overseas and not given ('') when counted. */
  region: BreakdownRow[];
  isp: BreakdownRow[];
  type: BreakdownRow[];
  source: BreakdownRow[];
};

export async function loadBreakdowns(db: Database, caseId: string, options: { before?: Date } = {}): Promise<Breakdowns> {
  const totals = await readDimensionTotals(db, caseId, BREAKDOWN_METRICS, ['region', 'isp', 'type', 'source'], options);
  return {
    region: toRows(totals, 'region', KR_REGIONS),
    isp: toRows(totals, 'isp', ISPS),
    type: toRows(totals, 'type', claimantTypeEnum.enumValues),
    source: toRows(totals, 'source', []),
  };
}

/**
 * Known values are always listed (a region with nobody yet shows as 0, which organizers want to
 * see); other values (overseas, not given, free campaign codes) only when someone is counted.
 * Largest first.
 */
function toRows(totals: DimensionTotals, dimension: 'region' | 'isp' | 'type' | 'source', known: readonly string[]): BreakdownRow[] {
  const read = (metric: string, value: string) => totals[metric]?.[dimension]?.[value] ?? 0;
  const seen = new Set<string>(known);
  for (const metric of BREAKDOWN_METRICS) for (const value of Object.keys(totals[metric]?.[dimension] ?? {})) seen.add(value);
  const rows = [...seen].map((value) => ({
    value,
    supporters: read(SUPPORTERS, value),
    claimants: read(CLAIMANTS, value),
    verified: read(VERIFIED, value),
  }));
  const isKnown = (value: string) => known.includes(value);
  return rows
    .filter((row) => isKnown(row.value) || row.supporters + row.claimants + row.verified !== 0)
    .sort((a, b) => b.supporters + b.claimants - (a.supporters + a.claimants) || a.value.localeCompare(b.value));
}
