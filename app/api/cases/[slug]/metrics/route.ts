import { getDb } from '@/db/client';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { handleRoute } from '@/lib/http/route';
import { scheduleCompaction } from '@/lib/metrics/compaction';
import { loadDashboardSummary } from '@/lib/metrics/dashboard';
import { privateJson } from '@/lib/metrics/respond';

/** The live dashboard's numbers (funnel, goals, breakdowns); polled every few seconds. */
export const GET = handleRoute<{ slug: string }>(async (_request, { params }) => {
  const startedAt = performance.now();
  const { slug } = await params;
  const access = await requireCaseRole(slug, DASHBOARD_ROLES);
  const authDoneAt = performance.now();
  const db = await getDb();
  scheduleCompaction(db, access.case.id);
  return privateJson(await loadDashboardSummary(db, access.case), startedAt, authDoneAt);
});
