import { createHash } from 'node:crypto';
import os from 'node:os';
import { and, eq } from 'drizzle-orm';
import { closeDb, getDatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { cases, consentDocuments } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import type { TestServer } from '@/e2e/support/server';
import { loadPublishedDefinition } from '@/lib/claims/store';
import { resetEnvCache } from '@/lib/env';
import { hangulInitials } from '@/lib/format/names';
import { type CoupangVolume, copyCoupangVolume } from '../lib/coupang-volume';
import { adminQuery, databaseExists } from '../lib/database';
import { trackProcessRss } from '../lib/load';
import { benchServer } from '../lib/server';
import type { BenchContext, BenchResult, BenchScenario, BenchSize } from '../lib/types';
import { measureEndpoint, processCpuMs, signInOverHttp } from './dashboard';
import { measure, signInAs } from './review-queue';

const SLUG = 'coupang-2025';
const QUEUE = `/api/cases/${SLUG}/claimants`;
const METRICS = `/api/cases/${SLUG}/metrics`;
const REVIEW_TARGET_P95_MS = 100;
const DASHBOARD_TARGET_P95_MS = 50;

/** The volumes of issue 18: a breach draws hundreds of thousands in days. `small` is for CI. */
const VOLUMES: Record<BenchSize, CoupangVolume> = {
  small: { claimants: 10_000, supporters: 100_000 },
  full: { claimants: 1_000_000, supporters: 10_000_000 },
};

/** Filters by the definition's category and dimensions, as the review queue reads them (`d.<dimension>=<value>`). */
const DIMENSION_FILTERS = [
  'category=seller',
  'status=all&d.notice_received=yes',
  'status=all&d.harm_suffered=yes&d.heard_from=cafe',
  'status=all&d.wow_member=yes',
];

const benchKey = (label: string) => createHash('sha256').update(`joinder-bench-only:coupang:${label}`).digest('base64');
/** Fixed bench-only keys: the seeded rows stay readable (and phone searches hash alike) across runs. */
const BENCH_SECRETS = {
  AUTH_SECRET: benchKey('auth'),
  JOINDER_ENCRYPTION_KEYS: `bench:${benchKey('fields')}`,
  JOINDER_BLIND_INDEX_KEY: benchKey('blind'),
};

const databaseName = (size: BenchSize) => `coupang-${size}`;
const completeMark = (volume: CoupangVolume) => `joinder bench coupang: ${volume.claimants}/${volume.supporters} complete`;

async function isPrepared(size: BenchSize): Promise<boolean> {
  const database = `joinder_bench_${databaseName(size)}`;
  if (!(await databaseExists(database))) return false;
  const [row] = await adminQuery<{ comment: string | null }>(
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [database],
  );
  return row?.comment === completeMark(VOLUMES[size]);
}

/** Migrate, the two demo cases and their accounts, then the coupang volume by COPY; marked complete at the end. */
async function prepare(databaseUrl: string, size: BenchSize, log: BenchContext['log']): Promise<void> {
  const volume = VOLUMES[size];
  const saved = { ...process.env };
  Object.assign(process.env, BENCH_SECRETS, { DATABASE_URL: databaseUrl });
  resetEnvCache();
  const started = Date.now();
  try {
    const handle = await getDatabaseHandle();
    await migrateDatabase(handle);
    await seedDemoCase(handle.db);
    const [caseRow] = await handle.db.select().from(cases).where(eq(cases.slug, SLUG));
    const loaded = caseRow?.claimDefinitionVersion
      ? await loadPublishedDefinition(handle.db, caseRow.id, caseRow.claimDefinitionVersion)
      : null;
    if (!loaded) throw new Error(`${SLUG} has no published claim definition`);
    const [petition] = await handle.db
      .select({ id: consentDocuments.id })
      .from(consentDocuments)
      .where(
        and(eq(consentDocuments.caseId, caseRow.id), eq(consentDocuments.kind, 'petition_privacy'), eq(consentDocuments.locale, 'ko')),
      );
    await closeDb();
    await copyCoupangVolume(
      databaseUrl,
      { caseId: caseRow.id, definitionVersion: loaded.version, definition: loaded.definition, petitionDocumentId: petition?.id ?? null },
      volume,
      (message) => log(`  seed: ${message}`),
    );
  } finally {
    await closeDb();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    resetEnvCache();
  }
  const name = new URL(databaseUrl).pathname.slice(1);
  await adminQuery(`comment on database "${name}" is '${completeMark(volume)}'`);
  log(
    `seeded ${volume.claimants.toLocaleString('en')} claimants and ${volume.supporters.toLocaleString('en')} supporters in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

async function coupangServer(context: BenchContext): Promise<TestServer> {
  const isReady = await isPrepared(context.size);
  if (!isReady) context.log(`seeding ${databaseName(context.size)} with COPY (kept for later runs)…`);
  return benchServer(databaseName(context.size), {
    fresh: !isReady,
    prepare: (url) => prepare(url, context.size, context.log),
    env: BENCH_SECRETS,
  });
}

/** Every sort and status, the dimension filters, searches drawn from the data, and pages deep into long lists. */
async function buildRequestMix(server: TestServer, cookie: string, context: BenchContext): Promise<string[]> {
  const get = async (query: string) =>
    (await (await fetch(`${server.baseUrl}${QUEUE}?${query}`, { headers: { cookie } })).json()) as {
      rows: { legalName: string | null; referenceNumber: string | null }[];
      nextCursor: string | null;
    };
  const filters = [
    '',
    'status=all',
    'status=verified&sort=activity_desc',
    'status=all&sort=amount_desc',
    'status=all&sort=name',
    'status=all&sort=reference',
    'region=jeju',
    'status=needs_info&region=busan',
    'status=all&completeness=missing_evidence',
    'assignee=none&sort=amount_desc',
    'status=rejected',
    'completeness=incomplete&status=all&sort=name',
    ...DIMENSION_FILTERS,
  ];
  const sample = (await get('status=all&sort=amount_desc')).rows.filter((row) => row.legalName);
  const names = sample.map((row) => row.legalName!.replace(/\s/g, ''));
  const searches = [
    ...names.slice(0, 6).map((name) => `q=${encodeURIComponent(name)}`),
    ...names.slice(6, 12).map((name) => `q=${encodeURIComponent(name.slice(1))}`),
    ...names.slice(12, 18).map((name) => `q=${encodeURIComponent(hangulInitials(name))}`),
    ...['김', '박'].map((char) => `q=${encodeURIComponent(char)}`),
    ...sample.slice(18, 24).map((row) => `q=${row.referenceNumber}`),
    `q=${encodeURIComponent('010-2025-1129')}`,
    `q=${encodeURIComponent('c42@bench.test')}`,
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

const fixed = (value: number) => value.toFixed(1);

export const scenarios: BenchScenario[] = [
  {
    name: 'review-queue-coupang',
    description: `The lawyers' queue on coupang-2025 (--size full: ${VOLUMES.full.claimants.toLocaleString('en')} claimants, ${VOLUMES.full.supporters.toLocaleString('en')} supporters): filters, dimension filters, searches, sorts, deep pages.`,
    run: async (context): Promise<BenchResult> => {
      const volume = VOLUMES[context.size];
      const server = await coupangServer(context);
      const cookie = await signInAs(server, 'lawyer@joinder.test');
      const requests = await buildRequestMix(server, cookie, context);
      context.log(`${requests.length} distinct queue requests; warming up`);
      await measure(server, cookie, requests, 3_000);
      const loadBefore = os.loadavg()[0];
      const rss = trackProcessRss(server.pid);
      const result = await measure(server, cookie, requests, Math.max(5_000, 20_000 * context.scale));
      const peakRssMb = rss.stop();
      const ok = result.errors === 0 && result.statuses[200] === result.n;
      context.log(
        `client p95 ${fixed(result.p95Ms)} ms; server (Server-Timing) p95 ${fixed(result.serverP95Ms)} ms, queries ${fixed(result.queueP95Ms)} ms`,
      );
      return {
        name: 'review-queue-coupang',
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
        target: `p95 ≤ ${REVIEW_TARGET_P95_MS} ms at ${volume.claimants.toLocaleString('en')} claimants`,
        pass: ok && result.p95Ms <= REVIEW_TARGET_P95_MS,
        notes: `size ${context.size}: ${volume.claimants} claimants, ${volume.supporters} supporters; 2 concurrent lawyers; server p95 ${fixed(result.serverP95Ms)} ms, queries p95 ${fixed(result.queueP95Ms)} ms; load average ${loadBefore.toFixed(1)} on ${os.cpus().length} cores; statuses ${JSON.stringify(result.statuses)}`,
      };
    },
  },
  {
    name: 'dashboard-coupang',
    description: `The organizer dashboard of coupang-2025 (--size full: ${VOLUMES.full.supporters.toLocaleString('en')} supporters, ${VOLUMES.full.claimants.toLocaleString('en')} claimants): summary and growth, p95 server time.`,
    run: async (context): Promise<BenchResult> => {
      const volume = VOLUMES[context.size];
      const server = await coupangServer(context);
      const cookie = await signInOverHttp(server.baseUrl, 'organizer@joinder.test');
      await measureEndpoint(server.baseUrl, cookie, METRICS, 30);
      await measureEndpoint(server.baseUrl, cookie, `${METRICS}/growth`, 30);
      const rounds = Math.max(50, Math.round(300 * Math.min(1, context.scale)));
      const cpuBefore = await processCpuMs(server.pid);
      const summary = await measureEndpoint(server.baseUrl, cookie, METRICS, rounds);
      const cpuPerSummary = ((await processCpuMs(server.pid)) - cpuBefore) / rounds;
      const growth = await measureEndpoint(server.baseUrl, cookie, `${METRICS}/growth?range=30d&interval=day`, rounds);
      const growthAll = await measureEndpoint(server.baseUrl, cookie, `${METRICS}/growth?range=all&interval=day`, rounds);
      const hourly = await measureEndpoint(server.baseUrl, cookie, `${METRICS}/growth?range=7d&interval=hour`, rounds);
      const loadAverage = os.loadavg()[0];
      const serverP95 = Math.max(summary.server.p95Ms, growth.server.p95Ms, growthAll.server.p95Ms, hourly.server.p95Ms);
      context.log(
        `server p95: summary ${fixed(summary.server.p95Ms)} ms (session+role ${fixed(summary.auth.p95Ms)}), growth 30d ${fixed(growth.server.p95Ms)}, all ${fixed(growthAll.server.p95Ms)}, 7d/hour ${fixed(hourly.server.p95Ms)} ms`,
      );
      return {
        name: 'dashboard-coupang',
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
        target: `p95 server time ≤ ${DASHBOARD_TARGET_P95_MS} ms at ${volume.supporters.toLocaleString('en')} supporters`,
        pass: serverP95 <= DASHBOARD_TARGET_P95_MS,
        notes:
          `size ${context.size}: ${volume.supporters} supporters, ${volume.claimants} claimants. Server p95: summary ${fixed(summary.server.p95Ms)}, ` +
          `growth 30d/day ${fixed(growth.server.p95Ms)}, all/day ${fixed(growthAll.server.p95Ms)}, 7d/hour ${fixed(hourly.server.p95Ms)} ms; ` +
          `client p95 summary ${fixed(summary.client.p95Ms)} ms; server CPU ${fixed(cpuPerSummary)} ms/request; load average ${loadAverage.toFixed(1)}.`,
      };
    },
  },
];
