import { sql } from 'drizzle-orm';
import { getDatabaseHandle } from '@/db/client';
import { pingBlobStore } from '@/lib/blobs/blobs';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Liveness, database reachability and the file store's, for load balancers and the benchmarks.
 * An S3 endpoint that is down makes the app unhealthy: uploads would fail until it is back.
 */
export async function GET() {
  let db: string = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  try {
    const handle = await getDatabaseHandle();
    db = handle.driver;
    await handle.db.execute(sql`select 1`);
  } catch {
    return Response.json({ status: 'unavailable', db }, { status: 503, headers: { ...NO_STORE, 'Retry-After': '5' } });
  }
  try {
    const blobs = await pingBlobStore();
    return Response.json({ status: 'ok', db, blobs: blobs.store }, { headers: NO_STORE });
  } catch {
    return Response.json(
      { status: 'unavailable', db, blobs: 'unreachable' },
      { status: 503, headers: { ...NO_STORE, 'Retry-After': '5' } },
    );
  }
}
