import { measureInsertCeiling } from '../lib/ceiling';
import { proxyPool, runLoad, runOpenLoad, trackProcessRss } from '../lib/load';
import { benchServer } from '../lib/server';
import type { BenchResult, BenchScenario } from '../lib/types';

const CONCURRENCY = 50;
/** Latency is judged at this share of the ceiling's rate, with open-loop arrivals (see support-surge). */
const HELD_SHARE = 0.8;

export const scenarios: BenchScenario[] = [
  {
    name: 'ceiling',
    description: 'A bare Next.js route doing one insert on PostgreSQL: what other scenarios are held against.',
    run: async ({ scale }): Promise<BenchResult> => {
      const server = await benchServer('base', { fresh: true });
      const rss = trackProcessRss(server.pid);
      const load = await measureInsertCeiling(server, Math.max(3_000, 8_000 * scale));
      load.peakRssMb = rss.stop();
      return {
        name: 'ceiling',
        ...pick(load),
        value: Math.round(load.throughput),
        unit: 'req/s',
        ceiling: null,
        ratio: null,
        target: 'reference (no target)',
        pass: load.errors === 0 && (load.statuses[201] ?? 0) === load.n,
        notes: `${CONCURRENCY} concurrent`,
      };
    },
  },
  {
    name: 'health',
    description: 'GET /api/health (a database round trip) under 50 concurrent clients.',
    run: async ({ scale }): Promise<BenchResult> => {
      const server = await benchServer('base', { fresh: true });
      const ceiling = await measureInsertCeiling(server);
      // One warm keep-alive pool for every phase, as a reverse proxy holds (see support-surge).
      const pool = proxyPool(server.baseUrl);
      await runLoad({
        baseUrl: server.baseUrl,
        pool,
        concurrency: CONCURRENCY,
        durationMs: 1_000,
        makeRequest: () => ({ path: '/api/health' }),
      });
      const rss = trackProcessRss(server.pid);
      const durationMs = Math.max(3_000, 8_000 * scale);
      const load = await runLoad({
        baseUrl: server.baseUrl,
        pool,
        concurrency: CONCURRENCY,
        durationMs,
        makeRequest: () => ({ path: '/api/health' }),
      });
      const held = await runOpenLoad({
        baseUrl: server.baseUrl,
        pool,
        ratePerSecond: HELD_SHARE * ceiling.throughput,
        durationMs,
        makeRequest: () => ({ path: '/api/health' }),
      });
      await pool.close();
      load.peakRssMb = rss.stop();
      const ratio = load.throughput / ceiling.throughput;
      const isAllOk = (result: typeof load) => result.errors === 0 && (result.statuses[200] ?? 0) === result.n;
      return {
        name: 'health',
        ...pick(load),
        medianMs: held.medianMs,
        p95Ms: held.p95Ms,
        p99Ms: held.p99Ms,
        value: Math.round(load.throughput),
        unit: 'req/s',
        ceiling: Math.round(ceiling.throughput),
        ratio,
        target: `≥ 1.0× ceiling; p99 ≤ 100 ms at ${HELD_SHARE}× its rate`,
        pass: isAllOk(load) && isAllOk(held) && ratio >= 1 && held.throughput >= 0.97 * held.offeredRate && held.p99Ms <= 100,
        notes: `saturation ${CONCURRENCY} concurrent: ${load.throughput.toFixed(0)} req/s, closed-loop p99 ${load.p99Ms.toFixed(0)} ms; open loop at ${held.offeredRate.toFixed(0)} req/s: held ${held.throughput.toFixed(0)} req/s, p99 ${held.p99Ms.toFixed(1)} ms`,
      };
    },
  },
];

function pick(load: Awaited<ReturnType<typeof runLoad>>) {
  return {
    n: load.n,
    medianMs: load.medianMs,
    p95Ms: load.p95Ms,
    p99Ms: load.p99Ms,
    throughput: load.throughput,
    peakRssMb: load.peakRssMb,
  };
}
