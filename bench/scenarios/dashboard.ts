import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { Pool } from 'undici';
import { closeDb, getDatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { cases } from '@/db/schema';
import { DEMO_CASE_SLUG } from '@/db/seed/demo-case';
import { seedDemoCase } from '@/db/seed/demo';
import { seedVolume } from '@/db/seed/volume';
import { resetEnvCache } from '@/lib/env';
import { loadDashboardSummary } from '@/lib/metrics/dashboard';
import { loadGrowthSeries } from '@/lib/metrics/growth';
import { adminQuery, databaseExists } from '../lib/database';
import { benchServer } from '../lib/server';
import { summarize } from '../lib/stats';
import type { BenchContext, BenchResult, BenchScenario } from '../lib/types';

const TARGET_P95_MS = 50;
const LIVE_SIGNATURES = 2_000;

/**
 * Synthetic data only, but encrypted fields must stay readable by the server between runs: fixed
 * bench keys (derived from a constant, never used outside benchmarks) instead of per-start ones.
 */
const benchKey = (label: string) => createHash('sha256').update(`joinder-bench-only:${label}`).digest('base64');
const BENCH_SECRETS = {
  AUTH_SECRET: benchKey('auth'),
  JOINDER_ENCRYPTION_KEYS: `bench:${benchKey('fields')}`,
  JOINDER_BLIND_INDEX_KEY: benchKey('blind'),
};

function volumeFor(scale: number) {
  return { supporters: Math.round(1_000_000 * scale), claimants: Math.round(100_000 * scale) };
}

/** Runs `work` against the bench database through the app's own database module. */
async function withBenchDatabase<T>(
  databaseUrl: string,
  work: (handle: Awaited<ReturnType<typeof getDatabaseHandle>>) => Promise<T>,
): Promise<T> {
  const saved = {
    DATABASE_URL: process.env.DATABASE_URL,
    ...Object.fromEntries(Object.keys(BENCH_SECRETS).map((key) => [key, process.env[key]])),
  };
  Object.assign(process.env, BENCH_SECRETS, { DATABASE_URL: databaseUrl });
  resetEnvCache();
  try {
    return await work(await getDatabaseHandle());
  } finally {
    await closeDb();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvCache();
  }
}

/** Seeding a million rows takes minutes: done once, marked complete, and reused by later runs. */
async function prepareVolume(databaseUrl: string, scale: number, log: BenchContext['log']): Promise<void> {
  const volume = volumeFor(scale);
  await withBenchDatabase(databaseUrl, async (handle) => {
    await migrateDatabase(handle);
    const demo = await seedDemoCase(handle.db);
    const started = Date.now();
    await seedVolume(handle.db, { caseId: demo.caseId, referencePrefix: 'SLM', ...volume, days: 90, log });
    log(`seeded ${volume.supporters} supporters and ${volume.claimants} claimants in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
  const name = new URL(databaseUrl).pathname.slice(1);
  await adminQuery(`comment on database "${name}" is 'joinder bench: ${volume.supporters}/${volume.claimants} complete'`);
}

async function isPrepared(database: string, scale: number): Promise<boolean> {
  if (!(await databaseExists(database))) return false;
  const volume = volumeFor(scale);
  const [row] = await adminQuery<{ comment: string | null }>(
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [database],
  );
  return row?.comment === `joinder bench: ${volume.supporters}/${volume.claimants} complete`;
}

/** Signatures through the triggers, as the petition writes them: current-hour shard rows, as live. */
async function addLiveSignatures(databaseUrl: string, count: number): Promise<void> {
  await withBenchDatabase(databaseUrl, async ({ db }) => {
    const [found] = await db.select({ id: cases.id }).from(cases).where(eq(cases.slug, DEMO_CASE_SLUG));
    await db.execute(sql`
      insert into supporters (case_id, name, email, region, source, consent_version, confirmed_at)
      select ${found.id}::uuid, '벤치', 'live-' || md5(random()::text) || '@bench.test', (array['seoul','busan','gyeonggi'])[1 + i % 3],
        (array['naver-cafe','kakao-openchat',null])[1 + i % 3], 1, case when i % 2 = 0 then now() end
      from generate_series(1, ${count}) i`);
  });
}

async function countCounterRows(databaseUrl: string): Promise<number> {
  return withBenchDatabase(databaseUrl, async ({ db }) => {
    const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from metric_counters`);
    return Number((result as unknown as { rows: { n: number }[] }).rows[0].n);
  });
}

/** The dashboard's read functions called directly: the database part of the server time. */
async function measureQueries(databaseUrl: string, rounds: number) {
  return withBenchDatabase(databaseUrl, async ({ db }) => {
    const [found] = await db.select().from(cases).where(eq(cases.slug, DEMO_CASE_SLUG));
    const durations: Record<string, number[]> = { summary: [], growth30d: [], growthAll: [], growth7dHourly: [] };
    const time = async (key: string, work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      durations[key].push(performance.now() - started);
    };
    for (let round = 0; round < rounds; round++) {
      await time('summary', () => loadDashboardSummary(db, found));
      await time('growth30d', () => loadGrowthSeries(db, found.id, { range: '30d', interval: 'day' }));
      await time('growthAll', () => loadGrowthSeries(db, found.id, { range: 'all', interval: 'day' }));
      await time('growth7dHourly', () => loadGrowthSeries(db, found.id, { range: '7d', interval: 'hour' }));
    }
    return Object.fromEntries(Object.entries(durations).map(([key, values]) => [key, summarize(values.slice(5), 1)]));
  });
}

type EndpointFigures = { client: ReturnType<typeof summarize>; server: ReturnType<typeof summarize>; auth: ReturnType<typeof summarize> };

/** Sequential requests (one organizer's poll after another) with their Server-Timing durations. */
export async function measureEndpoint(
  baseUrl: string,
  cookie: string,
  path: string,
  count: number,
  concurrency = 1,
): Promise<EndpointFigures> {
  const pool = new Pool(baseUrl, { connections: concurrency });
  const client: number[] = [];
  const server: number[] = [];
  const auth: number[] = [];
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued++ < count) {
      const sentAt = performance.now();
      const response = await pool.request({ method: 'GET', path, headers: { cookie } });
      await response.body.dump();
      if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
      client.push(performance.now() - sentAt);
      const timing = String(response.headers['server-timing'] ?? '');
      const app = timing.match(/app;dur=([\d.]+)/);
      const guard = timing.match(/auth;dur=([\d.]+)/);
      if (app) server.push(Number(app[1]));
      if (guard) auth.push(Number(guard[1]));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - started;
  await pool.close();
  return { client: summarize(client, wallMs), server: summarize(server, wallMs), auth: summarize(auth, wallMs) };
}

/**
 * Signs in through next-auth's credentials flow over HTTP, as a browser would, and returns the
 * Cookie header for the session: benchmarks of signed-in endpoints measure the real guard path.
 */
export async function signInOverHttp(baseUrl: string, email: string, password = 'joinder-demo'): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .find((cookie) => /joinder\.session=/.test(cookie));
  if (!session) throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}).`);
  return session;
}

const fixed = (value: number) => value.toFixed(1);

/** CPU time (user + system, ms) a process has used: load on a shared machine does not inflate it. */
export async function processCpuMs(pid: number): Promise<number> {
  const { readFileSync } = await import('node:fs');
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s ticks
}

export const scenarios: BenchScenario[] = [
  {
    name: 'dashboard-1m',
    description: 'The organizer dashboard with 1,000,000 supporters and 100,000 claimants: summary and growth endpoints, p95 server time.',
    run: async ({ scale, log }): Promise<BenchResult> => {
      const name = scale === 1 ? 'dashboard-1m' : `dashboard-${volumeFor(scale).supporters}`;
      const database = `joinder_bench_${name}`;
      const isReady = await isPrepared(database, scale);
      if (!isReady) log('seeding the benchmark database (several minutes; kept for later runs)…');
      const server = await benchServer(name, { fresh: !isReady, prepare: (url) => prepareVolume(url, scale, log), env: BENCH_SECRETS });
      const databaseUrl = server.databaseUrl!;
      await addLiveSignatures(databaseUrl, LIVE_SIGNATURES);
      const cookie = await signInOverHttp(server.baseUrl, 'organizer@joinder.test');
      const base = `/api/cases/${DEMO_CASE_SLUG}/metrics`;
      await measureEndpoint(server.baseUrl, cookie, base, 30);
      await measureEndpoint(server.baseUrl, cookie, `${base}/growth`, 30);
      const rounds = Math.max(50, Math.round(300 * Math.min(1, scale)));
      const cpuBefore = await processCpuMs(server.pid);
      const summary = await measureEndpoint(server.baseUrl, cookie, base, rounds);
      const cpuPerSummary = ((await processCpuMs(server.pid)) - cpuBefore) / rounds;
      const [loadAverage] = (await import('node:os')).loadavg();
      const growth = await measureEndpoint(server.baseUrl, cookie, `${base}/growth?range=30d&interval=day`, rounds);
      const growthAll = await measureEndpoint(server.baseUrl, cookie, `${base}/growth?range=all&interval=day`, rounds);
      const hourly = await measureEndpoint(server.baseUrl, cookie, `${base}/growth?range=7d&interval=hour`, rounds);
      const concurrent = await measureEndpoint(server.baseUrl, cookie, base, rounds, 8);
      const queries = await measureQueries(databaseUrl, 60);
      const counterRows = await countCounterRows(databaseUrl);

      const serverP95 = Math.max(summary.server.p95Ms, growth.server.p95Ms, growthAll.server.p95Ms, hourly.server.p95Ms);
      log(
        `summary   server p95 ${fixed(summary.server.p95Ms)} ms, of it session+role check p95 ${fixed(summary.auth.p95Ms)} ms (client p95 ${fixed(summary.client.p95Ms)} ms)`,
      );
      log(
        `growth30d server p95 ${fixed(growth.server.p95Ms)} ms; all/day ${fixed(growthAll.server.p95Ms)} ms; 7d/hour ${fixed(hourly.server.p95Ms)} ms`,
      );
      log(
        `summary: ${fixed(cpuPerSummary)} ms of server CPU per request; machine load average ${loadAverage.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`,
      );
      log(
        `summary with 8 concurrent organizers: server p95 ${fixed(concurrent.server.p95Ms)} ms, ${concurrent.client.throughput.toFixed(0)} req/s`,
      );
      log(
        `query functions p95: ${Object.entries(queries)
          .map(([key, value]) => `${key} ${fixed(value.p95Ms)} ms`)
          .join(', ')}; metric_counters rows ${counterRows}`,
      );
      return {
        name: 'dashboard-1m',
        n: summary.client.n + growth.client.n + growthAll.client.n + hourly.client.n,
        medianMs: summary.server.medianMs,
        p95Ms: serverP95,
        p99Ms: Math.max(summary.server.p99Ms, growth.server.p99Ms),
        throughput: summary.client.throughput,
        peakRssMb: 0,
        value: Math.round(serverP95 * 10) / 10,
        unit: 'ms',
        ceiling: null,
        ratio: null,
        target: `p95 server time ≤ ${TARGET_P95_MS} ms`,
        pass: serverP95 <= TARGET_P95_MS,
        notes:
          `${volumeFor(scale).supporters} supporters, ${volumeFor(scale).claimants} claimants (+${LIVE_SIGNATURES} live); metric_counters ${counterRows} rows. ` +
          `Server p95: summary ${fixed(summary.server.p95Ms)}, growth 30d/day ${fixed(growth.server.p95Ms)}, all/day ${fixed(growthAll.server.p95Ms)}, 7d/hour ${fixed(hourly.server.p95Ms)} ms; ` +
          `client p95 summary ${fixed(summary.client.p95Ms)} ms; server CPU ${fixed(cpuPerSummary)} ms/request; load average ${loadAverage.toFixed(1)}; 8 concurrent: server p95 ${fixed(concurrent.server.p95Ms)} ms. ` +
          `Query functions p95: ${Object.entries(queries)
            .map(([key, value]) => `${key} ${fixed(value.p95Ms)}`)
            .join(', ')} ms.`,
      };
    },
  },
];
