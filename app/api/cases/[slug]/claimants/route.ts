import { getDb } from '@/db/client';
import { handleRoute } from '@/lib/http/route';
import { requireReviewer } from '@/lib/reviews/access';
import { listClaimantsForReview } from '@/lib/reviews/queue';
import { loadQueueDefinition, queueFilterChoices, restrictQueueFilters } from '@/lib/reviews/queue-definition';
import { parseQueueFilters } from '@/lib/reviews/queue-filters';
import { readStatusCountsCached } from '@/lib/reviews/status-counts';

/**
 * The review queue as JSON (same parameters as the page, dimensions as `d.<id>=<value>`): one keyset page of claims and the
 * counts per status. Lawyers of the case only. Server-Timing says how long the database took.
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const started = performance.now();
  const { slug } = await params;
  const { user, case: found } = await requireReviewer(slug);
  const authorized = performance.now();
  const db = await getDb();
  // Categories and dimensions the case's definition does not list are no filter, as on the page.
  const choices = queueFilterChoices(await loadQueueDefinition(db, found), 'ko');
  const filters = restrictQueueFilters(parseQueueFilters(new URL(request.url).searchParams), choices);
  const [page, counts] = await Promise.all([
    listClaimantsForReview(db, { caseId: found.id, referencePrefix: found.referencePrefix, viewerId: user.id }, filters),
    readStatusCountsCached(db, found.id),
  ]);
  const done = performance.now();
  return Response.json(
    { ...page, counts },
    {
      headers: {
        'Cache-Control': 'private, no-store',
        'Server-Timing': `auth;dur=${(authorized - started).toFixed(1)}, queue;dur=${(done - authorized).toFixed(1)}, total;dur=${(done - started).toFixed(1)}`,
      },
    },
  );
});
