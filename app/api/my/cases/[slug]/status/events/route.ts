import { getDb } from '@/db/client';
import { requireOwnClaimant } from '@/lib/auth/guards';
import { handleRoute } from '@/lib/http/route';
import { watchClaimantStatus } from '@/lib/live/claimant-status';
import { getLiveHub } from '@/lib/live/connect';
import { eventStreamResponse } from '@/lib/live/sse';

export const dynamic = 'force-dynamic';

/** Closed after this long so that a session that ended stops the stream; the browser reconnects and is checked again. */
const MAX_AGE_MS = 2 * 60_000;

/**
 * The claimant's own claim status as server-sent events: the current status at once, then again
 * whenever the case's counters move (a status change moves them; LISTEN/NOTIFY, lib/live). Checked
 * like the status page: the session's own claimant in this case, nobody else's.
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const { claimant } = await requireOwnClaimant(slug);
  const db = await getDb();
  const hub = getLiveHub();
  return eventStreamResponse(
    request,
    (send) => {
      send('status', { status: claimant.status, updatedAt: claimant.updatedAt.toISOString() });
      return watchClaimantStatus(db, hub, claimant, (status) => send('status', status));
    },
    { maxAgeMs: MAX_AGE_MS },
  );
});
