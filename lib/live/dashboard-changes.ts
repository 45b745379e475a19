import { feedRegistry } from './case-feed';
import type { LiveHub } from './hub';

/** What the dashboard stream carries: only that something moved, never a number. */
export type DashboardChange = { at: string };

const dashboardFeeds = feedRegistry<DashboardChange>();

/**
 * Tells an open dashboard that its case's counters moved. The dashboard then reloads its numbers
 * from /api/cases/{slug}/metrics, which checks the session and role again on every request, so
 * the stream itself never carries private data.
 */
export function watchDashboardChanges(hub: LiveHub, caseId: string, send: (change: DashboardChange) => void): () => void {
  const feed = dashboardFeeds(hub, `dashboard:${caseId}`, caseId, async () => ({ at: new Date().toISOString() }));
  return feed.watch(send);
}
