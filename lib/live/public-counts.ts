import type { Database } from '@/db/client';
import type { Case } from '@/db/schema';
import { type PublicStats, computePublicStats, primePublicStats } from '@/lib/metrics/public-stats';
import { feedRegistry } from './case-feed';
import type { LiveHub } from './hub';

/** The documented public JSON shape (as /api/cases/{slug}/stats): numbers only, no title. */
export type PublicCounts = Omit<PublicStats, 'title'>;

export function toPublicCounts(stats: PublicStats): PublicCounts {
  const { title: _title, ...counts } = stats;
  return counts;
}

const publicFeeds = feedRegistry<PublicCounts>();

/**
 * Pushes a case's public numbers to `send` whenever its counters change. The reload also primes
 * the 2-second cache, so the page, the JSON and the stream show the same numbers.
 */
export function watchPublicCounts(db: Database, hub: LiveHub, found: Case, send: (counts: PublicCounts) => void): () => void {
  const feed = publicFeeds(hub, `public:${found.id}`, found.id, async () => {
    const stats = computePublicStats(db, found);
    primePublicStats(found.slug, stats);
    return toPublicCounts(await stats);
  });
  return feed.watch(send);
}
