import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { stopLiveHub } from '@/lib/live/connect';
import { createTestCase, insertSupporter } from '@/lib/metrics/test-fixtures';
import { setupTestDatabase } from '@/tests/helpers/database';
import { GET } from './route';

let db: Database;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
});

afterAll(async () => {
  await stopLiveHub();
});

type Counts = { case: string; supporters: { signed: number } };

/** An SSE client reading the route's stream: collects `counts` events as they arrive. */
async function openStream(slug: string) {
  const abort = new AbortController();
  const response = await GET(new Request(`http://localhost:3000/api/cases/${slug}/stats/events`, { signal: abort.signal }), {
    params: Promise.resolve({ slug }),
  });
  const events: Counts[] = [];
  if (response.status === 200 && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (block.includes('event: counts') && data) events.push(JSON.parse(data.slice(6)) as Counts);
        }
      }
    })();
  }
  return { response, events, close: () => abort.abort() };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

const signed = (events: Counts[]) => events.at(-1)?.supporters.signed;

describe('GET /api/cases/{slug}/stats/events', () => {
  it('answers an unknown or draft case with 404 and no stream', async () => {
    const draft = await createTestCase(db, { status: 'draft' });
    expect((await openStream(draft.slug)).response.status).toBe(404);
    expect((await openStream('no-such-case')).response.status).toBe(404);
  });

  it('sends the public numbers at once, then a new signature within 2 s, to every open client', async () => {
    const found = await createTestCase(db, { status: 'open' });
    const clients = await Promise.all([openStream(found.slug), openStream(found.slug), openStream(found.slug)]);
    for (const client of clients) {
      expect(client.response.headers.get('content-type')).toContain('text/event-stream');
      await waitFor(() => client.events.length === 1, 2_000);
      expect(signed(client.events)).toBe(0);
      // Public numbers only: the stream carries what the JSON counter carries.
      expect(Object.keys(client.events[0]).sort()).toEqual(['case', 'claimants', 'goals', 'supporters', 'updatedAt']);
    }
    await insertSupporter(db, found.id);
    for (const client of clients) await waitFor(() => signed(client.events) === 1, 2_000);
    for (const client of clients) client.close();
  });

  it.runIf(process.env.DATABASE_URL)(
    'after the listening connection is killed, reconnects and the open client catches up with what happened meanwhile',
    async () => {
      const found = await createTestCase(db, { status: 'open' });
      const client = await openStream(found.slug);
      await waitFor(() => client.events.length === 1, 2_000);
      const killed = await db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query ilike 'LISTEN%'`,
      );
      expect((killed as unknown as { rows: unknown[] }).rows.length).toBe(1);
      // Signed while nobody listens: the notification is lost, the resync after reconnecting is not.
      await insertSupporter(db, found.id);
      await waitFor(() => signed(client.events) === 1, 5_000);
      await insertSupporter(db, found.id);
      await waitFor(() => signed(client.events) === 2, 2_000);
      client.close();
    },
  );
});
