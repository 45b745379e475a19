import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import type { Case } from '@/db/schema';
import { stopLiveHub } from '@/lib/live/connect';
import { addCaseMember, createTestCase, insertSupporter } from '@/lib/metrics/test-fixtures';
import { signInForTest, signOutForTest } from '@/lib/metrics/test-session';
import { setupTestDatabase } from '@/tests/helpers/database';
import { GET } from './route';

vi.mock('next-auth', async (importOriginal) => {
  const actual = await importOriginal<typeof import('next-auth')>();
  const { testSession } = await import('@/lib/metrics/test-session');
  return { ...actual, getServerSession: async () => testSession.current };
});

let db: Database;
let found: Case;
let otherCase: Case;
let organizer: { id: string; email: string; name: string };
let otherOrganizer: { id: string; email: string; name: string };

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  found = await createTestCase(db, { status: 'open' });
  otherCase = await createTestCase(db, { status: 'open' });
  organizer = await addCaseMember(db, found.id, 'organizer');
  otherOrganizer = await addCaseMember(db, otherCase.id, 'organizer');
});

beforeEach(() => signOutForTest());

afterAll(async () => {
  await stopLiveHub();
});

async function openStream(slug: string) {
  const abort = new AbortController();
  const response = await GET(new Request(`http://localhost:3000/api/cases/${slug}/metrics/events`, { signal: abort.signal }), {
    params: Promise.resolve({ slug }),
  });
  const received: string[] = [];
  if (response.status === 200 && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        if (value) received.push(value);
      }
    })();
  }
  return { response, text: () => received.join(''), close: () => abort.abort() };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('GET /api/cases/{slug}/metrics/events (the dashboard stream)', () => {
  it('refuses a visitor who is not signed in, and an organizer of another case, without opening a stream', async () => {
    const anonymous = await openStream(found.slug);
    expect(anonymous.response.status).toBe(401);
    await signInForTest(db, otherOrganizer);
    const stranger = await openStream(found.slug);
    expect(stranger.response.status).toBe(404);
    expect(stranger.response.headers.get('content-type')).not.toContain('text/event-stream');
  });

  it("tells the case's organizer within 2 s that a new signature arrived, and says nothing about other cases", async () => {
    await signInForTest(db, organizer);
    const stream = await openStream(found.slug);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    // Once listening, the stream says "changed" once: whatever moved before it listened.
    const changes = () => stream.text().split('event: changed').length - 1;
    await waitFor(() => changes() === 1, 2_000);
    await insertSupporter(db, otherCase.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(changes()).toBe(1);
    await insertSupporter(db, found.id, { name: '홍길동' });
    await waitFor(() => changes() === 2, 2_000);
    // Only "something moved": no names, no numbers.
    expect(stream.text()).not.toContain('홍길동');
    stream.close();
  });
});
