import type { Database } from '@/db/client';
import type { Case } from '@/db/schema';
import { findCaseBySlug } from '@/lib/cases/queries';
import { scheduleCompaction } from './compaction';
import { CLAIMANT_METRICS, SUPPORTER_METRICS, readMetricTotals } from './counters';

export type PublicStats = {
  case: string;
  title: { ko: string; en: string };
  supporters: { signed: number; confirmed: number; withdrawn: number };
  claimants: { registered: number; submitted: number; complete: number; verified: number; filed: number; withdrawn: number };
  goals: { supporters: number; plaintiffs: number };
  updatedAt: string;
};

/** Public numbers only: counts from the rollups, never a row of personal data. */
export async function computePublicStats(db: Database, found: Case, now = new Date()): Promise<PublicStats> {
  const totals = await readMetricTotals(db, found.id, [...SUPPORTER_METRICS, ...CLAIMANT_METRICS]);
  return {
    case: found.slug,
    title: { ko: found.titleKo, en: found.titleEn },
    supporters: {
      signed: totals['supporters.signed'],
      confirmed: totals['supporters.confirmed'],
      withdrawn: totals['supporters.withdrawn'],
    },
    claimants: {
      registered: totals['claimants.registered'],
      submitted: totals['claimants.submitted'],
      complete: totals['claimants.complete'],
      verified: totals['claimants.verified'],
      filed: totals['claimants.filed'],
      withdrawn: totals['claimants.withdrawn'],
    },
    goals: { supporters: found.supporterGoal, plaintiffs: found.plaintiffGoal },
    updatedAt: now.toISOString(),
  };
}

/**
 * The public numbers of a case anyone may see (open or filed; drafts are unknown), or null. The
 * counter is the busiest reader of the rollups, so it also keeps them compacted.
 */
export async function loadPublicStats(db: Database, slug: string): Promise<PublicStats | null> {
  const found = await findCaseBySlug(db, slug);
  if (!found || found.status === 'draft') return null;
  scheduleCompaction(db, found.id);
  return computePublicStats(db, found);
}

const CACHE_TTL_MS = 2_000;
const cache = new Map<string, { expiresAt: number; value: Promise<PublicStats | null> }>();

/**
 * The counter is read far more than it changes (embedded badges, the case page polling): one
 * computation per case every two seconds per instance serves any request rate.
 */
export function getCachedPublicStats(slug: string, load: () => Promise<PublicStats | null>, now = Date.now()): Promise<PublicStats | null> {
  const hit = cache.get(slug);
  if (hit && hit.expiresAt > now) return hit.value;
  const value = load();
  cache.set(slug, { expiresAt: now + CACHE_TTL_MS, value });
  value.catch(() => cache.delete(slug));
  return value;
}

/**
 * Replaces the cached numbers with ones just computed (the live streams reload on a change, and
 * every reader of the cache should see what they pushed rather than numbers from before it).
 */
export function primePublicStats(slug: string, value: Promise<PublicStats | null>, now = Date.now()): void {
  cache.set(slug, { expiresAt: now + CACHE_TTL_MS, value });
  value.catch(() => cache.delete(slug));
}

export function clearPublicStatsCache(slug?: string): void {
  if (slug) cache.delete(slug);
  else cache.clear();
}
