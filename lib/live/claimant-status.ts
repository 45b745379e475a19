import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { claimants } from '@/db/schema';
import { feedRegistry } from './case-feed';
import type { LiveHub } from './hub';

/** What the claimant's status stream carries: the claim's own status, nothing about anyone else. */
export type ClaimantStatus = { status: string; updatedAt: string };

/**
 * A status change moves the case's counters (claimants.status.*), so it arrives on the case's
 * channel with every other change in the case. One claimant does not need a fresh answer five
 * times a second during a signature surge: a second is soon enough.
 */
const CLAIMANT_COALESCE_MS = 1_000;

type Watched = Map<string, Set<(status: ClaimantStatus) => void>>;
const watchedByCase = new Map<string, Watched>();
const statusFeeds = feedRegistry<Map<string, ClaimantStatus>>(CLAIMANT_COALESCE_MS);

export async function loadClaimantStatuses(db: Database, ids: string[]): Promise<Map<string, ClaimantStatus>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: claimants.id, status: claimants.status, updatedAt: claimants.updatedAt })
    .from(claimants)
    .where(inArray(claimants.id, ids));
  return new Map(rows.map((row) => [row.id, { status: row.status, updatedAt: row.updatedAt.toISOString() }]));
}

/**
 * Pushes one claimant's status to `send` when it may have changed. All claimants watching in one
 * case share one feed: a change in the case costs one query for all of them on this instance
 * (`id = any(…)`), however many are watching, and each gets only its own row, and only when it
 * changed.
 */
export function watchClaimantStatus(
  db: Database,
  hub: LiveHub,
  claimant: { id: string; caseId: string; status: string; updatedAt: Date },
  send: (status: ClaimantStatus) => void,
): () => void {
  // What the stream already said (its first event): only a change is sent again.
  let lastSent = `${claimant.status}|${claimant.updatedAt.toISOString()}`;
  let watched = watchedByCase.get(claimant.caseId);
  if (!watched) {
    watched = new Map();
    watchedByCase.set(claimant.caseId, watched);
  }
  const forCase = watched;
  const senders = forCase.get(claimant.id) ?? new Set();
  forCase.set(claimant.id, senders);
  senders.add(send);
  const feed = statusFeeds(hub, `claimant-status:${claimant.caseId}`, claimant.caseId, () => loadClaimantStatuses(db, [...forCase.keys()]));
  const unwatch = feed.watch((statuses) => {
    const status = statuses.get(claimant.id);
    if (!status || `${status.status}|${status.updatedAt}` === lastSent) return;
    lastSent = `${status.status}|${status.updatedAt}`;
    send(status);
  });
  return () => {
    unwatch();
    senders.delete(send);
    if (senders.size === 0) forCase.delete(claimant.id);
    if (forCase.size === 0) watchedByCase.delete(claimant.caseId);
  };
}
