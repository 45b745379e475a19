import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { handleRoute } from '@/lib/http/route';
import { getLiveHub } from '@/lib/live/connect';
import { watchDashboardChanges } from '@/lib/live/dashboard-changes';
import { eventStreamResponse } from '@/lib/live/sse';

export const dynamic = 'force-dynamic';

/** How long one dashboard stream lives before the browser reconnects and is authorized again. */
const MAX_AGE_MS = 2 * 60_000;

/**
 * Tells an open dashboard when its numbers moved, so it reloads them instead of polling. Checked
 * like the dashboard page (session, case role); the events say only "changed".
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const access = await requireCaseRole(slug, DASHBOARD_ROLES);
  const hub = getLiveHub();
  return eventStreamResponse(request, (send) => watchDashboardChanges(hub, access.case.id, (change) => send('changed', change)), {
    maxAgeMs: MAX_AGE_MS,
  });
});
