import { getDb } from '@/db/client';
import { benchProbes } from '@/db/schema';

/**
 * The benchmark ceiling: the least a route can do (parse nothing, check nothing, insert one row).
 * Real routes are measured against it in the same run. Off unless JOINDER_BENCH_ROUTES=1.
 */
export async function POST() {
  if (process.env.JOINDER_BENCH_ROUTES !== '1') return Response.json({ error: 'not_found' }, { status: 404 });
  const db = await getDb();
  await db.insert(benchProbes).values({});
  return Response.json({ ok: true }, { status: 201 });
}
