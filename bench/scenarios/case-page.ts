import { Pool } from 'undici';
import { runLoad } from '../lib/load';
import { benchServer } from '../lib/server';
import type { BenchResult, BenchScenario } from '../lib/types';

const CONCURRENCY = 50;
const TARGET_RPS = 2_000;
/** Counts on the page may be this old at most (the micro-cache's two seconds). */
const MAX_STALENESS_MS = 2_000;
const SLUG = 'slammer-2003';
const VISITORS = [{ 'accept-language': 'ko-KR,ko;q=0.9' }, { 'accept-language': 'en-US,en;q=0.9' }];

/** The supporters figure as rendered on the page (data-testid="count-supporters"). */
function supportersOnPage(html: string): number | null {
  const match = /data-testid="count-supporters"[\s\S]*?<dd[^>]*>([^<]+)<\/dd>/.exec(html);
  return match ? Number(match[1].replace(/[^0-9]/g, '')) : null;
}

/**
 * While the load runs, signs the petition now and then and watches the page (as one more
 * visitor) until it shows the new count: the longest wait is how old the counts on a cached page
 * can be under load.
 */
async function measureStaleness(baseUrl: string, until: () => boolean): Promise<{ worstMs: number; samples: number }> {
  const pool = new Pool(baseUrl, { connections: 2 });
  const read = async () => {
    const response = await pool.request({ method: 'GET', path: `/cases/${SLUG}`, headers: VISITORS[0] });
    return supportersOnPage(await response.body.text());
  };
  let worstMs = 0;
  let samples = 0;
  let serial = 0;
  // Only this sampler signs, so once the cache has expired the page shows the true count; after
  // that each signature raises it by exactly one.
  await new Promise((resolve) => setTimeout(resolve, MAX_STALENESS_MS + 100));
  let known = (await read()) ?? 0;
  while (until()) {
    await new Promise((resolve) => setTimeout(resolve, 700));
    const response = await pool.request({
      method: 'POST',
      path: `/api/cases/${SLUG}/support`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '부하 확인', email: `case-page-${process.pid}-${++serial}@example.test`, privacyConsent: true }),
    });
    await response.body.dump();
    if (response.statusCode !== 201) continue;
    const committedAt = performance.now();
    const expected = known + 1;
    while (((await read()) ?? 0) < expected && performance.now() - committedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    worstMs = Math.max(worstMs, performance.now() - committedAt);
    known = expected;
    samples++;
  }
  await pool.close();
  return { worstMs, samples };
}

/**
 * The public case page under a surge of anonymous visitors, half reading Korean, half English,
 * served from the per-instance two-second caches (case text, petition notice, counts). The
 * ceiling is the health route on the same server in the same run.
 */
export const scenarios: BenchScenario[] = [
  {
    name: 'case-page',
    description: `GET /cases/{slug} (ko and en, anonymous) under ${CONCURRENCY} concurrent clients vs GET /api/health.`,
    run: async ({ scale, log }): Promise<BenchResult> => {
      const server = await benchServer('case-page');
      // Long enough for the freshness sampler (2 s to settle, then a signature every ~0.7 s).
      const durationMs = Math.max(6_000, 10_000 * scale);
      const page = (index: number) => ({ path: `/cases/${SLUG}`, headers: VISITORS[index % 2] });
      await runLoad({ baseUrl: server.baseUrl, concurrency: CONCURRENCY, durationMs: 2_000, makeRequest: page });
      const ceiling = await runLoad({
        baseUrl: server.baseUrl,
        concurrency: CONCURRENCY,
        durationMs,
        makeRequest: () => ({ path: '/api/health' }),
      });
      let isLoading = true;
      const staleness = measureStaleness(server.baseUrl, () => isLoading);
      const load = await runLoad({ baseUrl: server.baseUrl, concurrency: CONCURRENCY, durationMs, makeRequest: page });
      isLoading = false;
      const fresh = await staleness;
      const ratio = load.throughput / ceiling.throughput;
      const isAllOk = load.errors === 0 && (load.statuses[200] ?? 0) === load.n;
      log(
        `case page ${load.throughput.toFixed(0)} req/s (p99 ${load.p99Ms.toFixed(0)} ms), health ${ceiling.throughput.toFixed(0)} req/s → ${ratio.toFixed(2)}×; ` +
          `a new signature showed on the page after ${fresh.worstMs.toFixed(0)} ms at worst (${fresh.samples} samples)`,
      );
      return {
        name: 'case-page',
        n: load.n,
        medianMs: load.medianMs,
        p95Ms: load.p95Ms,
        p99Ms: load.p99Ms,
        throughput: load.throughput,
        peakRssMb: load.peakRssMb,
        value: Math.round(load.throughput),
        unit: 'req/s',
        ceiling: Math.round(ceiling.throughput),
        ratio,
        target: `≥ ${TARGET_RPS} req/s, counts ≤ ${MAX_STALENESS_MS / 1000} s old`,
        pass: isAllOk && load.throughput >= TARGET_RPS && fresh.samples > 0 && fresh.worstMs <= MAX_STALENESS_MS,
        notes:
          `${CONCURRENCY} concurrent, ko/en alternating; statuses ${JSON.stringify(load.statuses)}; health ${ceiling.throughput.toFixed(0)} req/s; ` +
          `counts at most ${fresh.worstMs.toFixed(0)} ms old over ${fresh.samples} signatures`,
      };
    },
  },
];
