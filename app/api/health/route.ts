import { sql } from 'drizzle-orm';
import { getDatabaseHandle } from '@/db/client';

/** Liveness and database reachability, for load balancers and the benchmarks. */
export async function GET() {
  try {
    const handle = await getDatabaseHandle();
    await handle.db.execute(sql`select 1`);
    return Response.json({ status: 'ok', db: handle.driver }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json(
      { status: 'unavailable', db: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
      { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } },
    );
  }
}
