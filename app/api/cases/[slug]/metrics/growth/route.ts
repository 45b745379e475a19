import { getDb } from '@/db/client';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { parseInput } from '@/lib/forms/action';
import { handleRoute } from '@/lib/http/route';
import { growthQuerySchema, loadGrowthSeries } from '@/lib/metrics/growth';
import { privateJson } from '@/lib/metrics/respond';

/** New and cumulative supporters and claimants per hour/day/week: `?range=30d&interval=day`. */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const startedAt = performance.now();
  const { slug } = await params;
  const access = await requireCaseRole(slug, DASHBOARD_ROLES);
  const authDoneAt = performance.now();
  const query = parseInput(growthQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return privateJson(await loadGrowthSeries(await getDb(), access.case.id, query), startedAt, authDoneAt);
});
