import fs from 'node:fs';
import os from 'node:os';
import { runLoad } from '../lib/load';
import { benchServer } from '../lib/server';
import type { BenchResult, BenchScenario } from '../lib/types';

const CONCURRENCY = 50;
const TARGET_RPS = 2_000;
const SLUG = 'slammer-2003';

/** CPU time (user + system, ms) a process has used so far. */
function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * The public counter under embed traffic: the stats JSON and the badge, each answered from the
 * per-instance 2-second cache (one rollup read per case per 2 s whatever the request rate). The
 * demo seed the server makes on a fresh database is enough: the cache, not the data size, is what
 * is measured here (dashboard-1m measures the rollup reads at a million rows).
 */
export const scenarios: BenchScenario[] = [
  {
    name: 'stats-public',
    description: `GET /api/cases/{slug}/stats and /badge.svg under ${CONCURRENCY} concurrent clients, from cache.`,
    run: async ({ scale, log }): Promise<BenchResult> => {
      const server = await benchServer('stats-public');
      const durationMs = Math.max(3_000, 8_000 * scale);
      const paths = {
        stats: `/api/cases/${SLUG}/stats`,
        badge: `/api/cases/${SLUG}/badge.svg`,
        badgeEn: `/api/cases/${SLUG}/badge.svg?lang=en`,
      };
      await runLoad({
        baseUrl: server.baseUrl,
        concurrency: CONCURRENCY,
        durationMs: 1_500,
        makeRequest: (index) => ({ path: index % 2 ? paths.stats : paths.badge }),
      });
      let cpu = processCpuMs(server.pid);
      const stats = await runLoad({
        baseUrl: server.baseUrl,
        concurrency: CONCURRENCY,
        durationMs,
        makeRequest: () => ({ path: paths.stats }),
      });
      const statsCpu = (processCpuMs(server.pid) - cpu) / stats.n;
      cpu = processCpuMs(server.pid);
      const badge = await runLoad({
        baseUrl: server.baseUrl,
        concurrency: CONCURRENCY,
        durationMs,
        makeRequest: (index) => ({ path: index % 2 ? paths.badge : paths.badgeEn }),
      });
      const badgeCpu = (processCpuMs(server.pid) - cpu) / badge.n;
      const [loadAverage] = os.loadavg();
      const isAllOk = (load: typeof stats) => load.errors === 0 && (load.statuses[200] ?? 0) === load.n;
      const slowest = stats.throughput < badge.throughput ? stats : badge;
      log(
        `stats JSON ${stats.throughput.toFixed(0)} req/s (p95 ${stats.p95Ms.toFixed(1)} ms); badge ${badge.throughput.toFixed(0)} req/s (p95 ${badge.p95Ms.toFixed(1)} ms)`,
      );
      // What one core of the server can do when nobody else needs it (the machine may be shared).
      log(
        `server CPU per request: stats ${statsCpu.toFixed(3)} ms, badge ${badgeCpu.toFixed(3)} ms → ${(1000 / statsCpu).toFixed(0)} / ${(1000 / badgeCpu).toFixed(0)} req/s per free core; load average ${loadAverage.toFixed(1)} on ${os.cpus().length} cores`,
      );
      return {
        name: 'stats-public',
        n: stats.n + badge.n,
        medianMs: slowest.medianMs,
        p95Ms: slowest.p95Ms,
        p99Ms: slowest.p99Ms,
        throughput: slowest.throughput,
        peakRssMb: Math.max(stats.peakRssMb, badge.peakRssMb),
        value: Math.round(slowest.throughput),
        unit: 'req/s',
        ceiling: null,
        ratio: null,
        target: `≥ ${TARGET_RPS} req/s each`,
        pass: isAllOk(stats) && isAllOk(badge) && slowest.throughput >= TARGET_RPS,
        notes:
          `${CONCURRENCY} concurrent; stats JSON ${stats.throughput.toFixed(0)} req/s p95 ${stats.p95Ms.toFixed(1)} ms; badge (ko/en) ${badge.throughput.toFixed(0)} req/s p95 ${badge.p95Ms.toFixed(1)} ms; ` +
          `server CPU/request stats ${statsCpu.toFixed(3)} ms, badge ${badgeCpu.toFixed(3)} ms; load average ${loadAverage.toFixed(1)}`,
      };
    },
  },
];
