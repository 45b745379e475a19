import { getDb } from '@/db/client';
import { findCaseBySlug } from '@/lib/cases/queries';
import { AppError } from '@/lib/errors';
import { handleRoute } from '@/lib/http/route';
import { getLiveHub } from '@/lib/live/connect';
import { toPublicCounts, watchPublicCounts } from '@/lib/live/public-counts';
import { eventStreamResponse } from '@/lib/live/sse';
import { getCachedPublicStats, loadPublicStats } from '@/lib/metrics/public-stats';

export const dynamic = 'force-dynamic';

/**
 * The public counts as server-sent events: the current numbers at once, then new ones whenever
 * the counters change (LISTEN/NOTIFY, lib/live). Public numbers only, like the JSON beside it.
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const db = await getDb();
  const found = await findCaseBySlug(db, slug);
  if (!found || found.status === 'draft') throw new AppError('not_found');
  const initial = await getCachedPublicStats(slug, () => loadPublicStats(db, slug));
  if (!initial) throw new AppError('not_found');
  const hub = getLiveHub();
  return eventStreamResponse(request, (send) => {
    send('counts', toPublicCounts(initial));
    return watchPublicCounts(db, hub, found, (counts) => send('counts', counts));
  });
});
