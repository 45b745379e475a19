import os from 'node:os';
import { Client } from 'pg';
import { Pool } from 'undici';
import type { TestServer } from '@/e2e/support/server';
import { databaseExists, databaseUrlFor } from '../lib/database';
import { trackProcessRss } from '../lib/load';
import { benchServer } from '../lib/server';
import { summarize } from '../lib/stats';
import type { BenchContext, BenchResult, BenchScenario } from '../lib/types';

const CLAIMANTS = 100_000;
const DATABASE = 'review-queue';
// Two lawyers paging without pause: latency, not saturation, is what the target is about.
const CONCURRENCY = 2;
const TARGET_P95_MS = 100;
const QUEUE = '/api/cases/slammer-2003/claimants';
/**
 * Fixed, bench-only secrets: the 100,000 seeded claimants keep their encrypted fields and blind
 * indexes between runs (the seed is kept), so the server must hash phone searches with the same key.
 */
const BENCH_SECRETS = {
  AUTH_SECRET: 'bench-review-queue-auth-secret-0123456789abcdef',
  JOINDER_ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 0x2a).toString('base64')}`,
  JOINDER_BLIND_INDEX_KEY: Buffer.alloc(32, 0x17).toString('base64'),
};

export const scenarios: BenchScenario[] = [
  {
    name: 'review-queue',
    description: `The lawyers' queue on ${CLAIMANTS.toLocaleString('en')} claimants: filters, searches (초성, partial names, phone, email, reference), sorts and deep keyset pages, as JSON through the full stack.`,
    run: async (context): Promise<BenchResult> => {
      const target = Math.round(CLAIMANTS * Math.min(1, context.scale));
      const server = await benchServer(DATABASE, {
        fresh: !(await isSeeded(target)),
        prepare: (url) => seedBenchDatabase(url, target, context),
        env: BENCH_SECRETS,
      });
      const cookie = await signInAs(server, 'lawyer@joinder.test');
      const requests = await buildRequestMix(server, cookie, context);
      context.log(`${requests.length} distinct queue requests; warming up`);
      await measure(server, cookie, requests, 3_000);
      const loadBefore = os.loadavg()[0];
      const rss = trackProcessRss(server.pid);
      const result = await measure(server, cookie, requests, Math.max(5_000, 20_000 * context.scale));
      const peakRssMb = rss.stop();
      const page = await measure(
        server,
        cookie,
        requests.slice(0, 12).map((path) => path.replace('/api/cases/slammer-2003/claimants', '/cases/slammer-2003/review')),
        4_000,
      );
      const ok = result.errors === 0 && result.statuses[200] === result.n;
      return {
        name: 'review-queue',
        n: result.n,
        medianMs: result.medianMs,
        p95Ms: result.p95Ms,
        p99Ms: result.p99Ms,
        throughput: result.throughput,
        peakRssMb,
        value: Math.round(result.p95Ms * 10) / 10,
        unit: 'ms p95',
        ceiling: null,
        ratio: null,
        target: `p95 ≤ ${TARGET_P95_MS} ms at ${target.toLocaleString('en')} claimants`,
        pass: ok && result.p95Ms <= TARGET_P95_MS,
        notes: `${CONCURRENCY} concurrent lawyers; inside the handler (Server-Timing) p95 ${result.serverP95Ms.toFixed(1)} ms, of which queries p95 ${result.queueP95Ms.toFixed(1)} ms; whole SSR queue page p95 ${page.p95Ms.toFixed(1)} ms; machine load average ${loadBefore.toFixed(1)} on ${os.cpus().length} cores; statuses ${JSON.stringify(result.statuses)}`,
      };
    },
  },
];

async function isSeeded(target: number): Promise<boolean> {
  const name = `joinder_bench_${DATABASE}`;
  if (!(await databaseExists(name))) return false;
  const client = new Client({ connectionString: databaseUrlFor(name) });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from claimants c join cases k on k.id = c.case_id where k.slug = 'slammer-2003'`,
    );
    return Number(rows[0].n) >= target;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/** Migrate, the demo case and accounts, then the synthetic volume (with the planted duplicates). */
async function seedBenchDatabase(databaseUrl: string, claimants: number, context: BenchContext): Promise<void> {
  const saved = { ...process.env };
  Object.assign(process.env, BENCH_SECRETS, { DATABASE_URL: databaseUrl });
  const [{ resetEnvCache }, { closeDb, getDatabaseHandle }, { migrateDatabase }, { seedDemoCase }, { seedVolume }] = await Promise.all([
    import('@/lib/env'),
    import('@/db/client'),
    import('@/db/migrate'),
    import('@/db/seed/demo'),
    import('@/db/seed/volume'),
  ]);
  resetEnvCache();
  const started = Date.now();
  try {
    const handle = await getDatabaseHandle();
    await migrateDatabase(handle);
    const { caseId } = await seedDemoCase(handle.db);
    await seedVolume(handle.db, {
      caseId,
      referencePrefix: 'SLM',
      claimants,
      supporters: 0,
      reviewFixtures: true,
      log: (message) => context.log(`  seed: ${message}`),
    });
    context.log(`seeded ${claimants.toLocaleString('en')} claimants in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await closeDb();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    resetEnvCache();
  }
}

/** The credentials sign-in a browser does, returning the session cookie. */
export async function signInAs(server: TestServer, email: string): Promise<string> {
  const csrf = await fetch(`${server.baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const response = await fetch(`${server.baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: 'joinder-demo', json: 'true' }),
  });
  const session = response.headers.getSetCookie().find((value) => value.includes('joinder.session='));
  if (!session) throw new Error(`Sign-in as ${email} failed (${response.status})`);
  return session.split(';')[0];
}

/**
 * What lawyers ask for: every filter, sort and kind of search, plus pages deep into long lists
 * (cursors collected by walking them first). Search terms come from the seeded data itself.
 */
async function buildRequestMix(server: TestServer, cookie: string, context: BenchContext): Promise<string[]> {
  const get = async (query: string) =>
    (await (await fetch(`${server.baseUrl}${QUEUE}?${query}`, { headers: { cookie } })).json()) as {
      rows: { id: string; legalName: string | null; referenceNumber: string | null }[];
      nextCursor: string | null;
    };
  const filters = [
    '',
    'status=all',
    'status=verified&sort=activity_desc',
    'status=all&sort=amount_desc',
    'status=all&sort=name',
    'status=all&sort=reference',
    'region=jeju&category=pc_bang',
    'status=all&d.isp=powercomm&completeness=missing_evidence',
    'status=all&category=pc_bang&d.line_type=cable',
    'status=needs_info&region=busan',
    'status=all&flags=flagged',
    'status=all&flags=same_phone',
    'assignee=none&sort=amount_desc',
    'status=rejected&category=online_shop',
    'completeness=incomplete&status=all&sort=name',
  ];
  const sample = (await get('status=all&sort=amount_desc')).rows.filter((row) => row.legalName);
  const names = sample.map((row) => row.legalName!.replace(/\s/g, ''));
  const { hangulInitials } = await import('@/lib/format/names');
  const searches = [
    ...names.slice(0, 6).map((name) => `q=${encodeURIComponent(name)}`),
    ...names.slice(6, 12).map((name) => `q=${encodeURIComponent(name.slice(1))}`),
    ...names.slice(12, 18).map((name) => `q=${encodeURIComponent(hangulInitials(name))}`),
    ...names.slice(18, 22).map((name) => `q=${encodeURIComponent(hangulInitials(name)[0] + name.slice(1))}`),
    ...['김', '민', '이'].map((char) => `q=${encodeURIComponent(char)}`),
    ...sample.slice(22, 28).map((row) => `q=${row.referenceNumber}`),
    `q=${encodeURIComponent('010-2003-0125')}`,
    `q=${encodeURIComponent('+82 10 5555 0101')}`,
    `q=${encodeURIComponent('010-1234-5678')}`,
    `q=${encodeURIComponent('reviewee@joinder.test')}`,
    `q=${encodeURIComponent('Lee.Minsu@gmail.com')}`,
  ].map((query) => `status=all&${query}`);
  const deep: string[] = [];
  for (const filter of ['status=all', 'status=all&sort=name', 'status=all&sort=amount_desc', '']) {
    let cursor: string | null = null;
    for (let page = 0; page < 40; page++) {
      const body = await get(`${filter}${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = body.nextCursor;
      if (!cursor) break;
      if (page % 8 === 7) deep.push(`${filter}&cursor=${cursor}`, `${filter}&cursor=${cursor}&dir=prev`);
    }
  }
  context.log(`mix: ${filters.length} filters, ${searches.length} searches, ${deep.length} deep pages`);
  return [...filters, ...searches, ...deep].map((query) => `${QUEUE}?${query}`);
}

/** A closed loop of CONCURRENCY lawyers, each taking the next request of the mix in turn. */
export async function measure(server: TestServer, cookie: string, paths: string[], durationMs: number) {
  const pool = new Pool(server.baseUrl, { connections: CONCURRENCY, pipelining: 1 });
  const durations: number[] = [];
  const serverDurations: number[] = [];
  const queueDurations: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const client = async () => {
    while (performance.now() - started < durationMs) {
      const path = paths[issued++ % paths.length];
      const sentAt = performance.now();
      try {
        const response = await pool.request({ method: 'GET', path, headers: { cookie } });
        await response.body.dump();
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
        const timing = String(response.headers['server-timing'] ?? '').match(/total;dur=([\d.]+)/);
        if (timing) serverDurations.push(Number(timing[1]));
        const queue = String(response.headers['server-timing'] ?? '').match(/queue;dur=([\d.]+)/);
        if (queue) queueDurations.push(Number(queue[1]));
      } catch {
        errors++;
      }
      durations.push(performance.now() - sentAt);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  await pool.close();
  const summary = summarize(durations, performance.now() - started);
  return { ...summary, statuses, errors, serverP95Ms: summarize(serverDurations, 1).p95Ms, queueP95Ms: summarize(queueDurations, 1).p95Ms };
}
