import { measureInsertCeiling } from '../lib/ceiling';
import { runLoad, trackProcessRss } from '../lib/load';
import { benchServer } from '../lib/server';
import type { BenchResult, BenchScenario } from '../lib/types';

const CONCURRENCY = 50;

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
      await runLoad({ baseUrl: server.baseUrl, concurrency: CONCURRENCY, durationMs: 1_000, makeRequest: () => ({ path: '/api/health' }) });
      const rss = trackProcessRss(server.pid);
      const load = await runLoad({ baseUrl: server.baseUrl, concurrency: CONCURRENCY, durationMs: Math.max(3_000, 8_000 * scale), makeRequest: () => ({ path: '/api/health' }) });
      load.peakRssMb = rss.stop();
      const ratio = load.throughput / ceiling.throughput;
      return {
        name: 'health',
        ...pick(load),
        value: Math.round(load.throughput),
        unit: 'req/s',
        ceiling: Math.round(ceiling.throughput),
        ratio,
        target: '≥ 1.0× ceiling and p99 ≤ 100 ms',
        pass: load.errors === 0 && (load.statuses[200] ?? 0) === load.n && ratio >= 1 && load.p99Ms <= 100,
      };
    },
  },
];

function pick(load: Awaited<ReturnType<typeof runLoad>>) {
  return { n: load.n, medianMs: load.medianMs, p95Ms: load.p95Ms, p99Ms: load.p99Ms, throughput: load.throughput, peakRssMb: load.peakRssMb };
}
