import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { measureInsertCeiling } from '../lib/ceiling';
import { runLoad } from '../lib/load';
import { benchServer } from '../lib/server';
import type { BenchResult, BenchScenario } from '../lib/types';

const CONCURRENCY = 50;
const P99_TARGET_MS = 250;
const RATIO_TARGET = 0.8;

async function countSignatures(databaseUrl: string, prefix: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('select count(*) as n from supporters where email like $1', [`${prefix}%`]);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/**
 * A petition surge through the whole stack (proxy, route, validation, one transaction with the
 * supporter row, its confirmation mail and the rollup triggers) on PostgreSQL, held against the
 * bare-insert route measured on the same server in the same run. Every signature is a new
 * address, so every answer should be a 201 — and the table must hold exactly that many rows.
 */
export const scenarios: BenchScenario[] = [
  {
    name: 'support-surge',
    description: `Petition signatures (POST /api/cases/{slug}/support, JSON) at ${CONCURRENCY} concurrent clients vs the bare-route ceiling.`,
    run: async ({ scale, log }): Promise<BenchResult> => {
      const server = await benchServer('base', { fresh: true });
      const ceiling = await measureInsertCeiling(server);
      log(`ceiling ${ceiling.throughput.toFixed(0)} req/s`);
      const run = randomBytes(4).toString('hex');
      const prefix = `surge-${run}-`;
      const request = (index: number, emailPrefix = prefix) => ({
        method: 'POST' as const,
        path: '/api/cases/slammer-2003/support',
        body: JSON.stringify({ name: `서명자 ${index}`, email: `${emailPrefix}${index}@bench.test`, privacyConsent: true, region: 'seoul', source: 'bench' }),
        headers: { 'accept-language': 'ko' },
      });
      await runLoad({ baseUrl: server.baseUrl, concurrency: CONCURRENCY, durationMs: 1_500, makeRequest: (index) => request(index, `warm-${run}-`) });
      const load = await runLoad({ baseUrl: server.baseUrl, concurrency: CONCURRENCY, durationMs: Math.max(3_000, 10_000 * scale), makeRequest: request });
      const created = load.statuses[201] ?? 0;
      const rows = await countSignatures(server.databaseUrl!, prefix);
      const ratio = load.throughput / ceiling.throughput;
      const serverErrors = Object.entries(load.statuses).filter(([status]) => Number(status) >= 500).reduce((sum, [, n]) => sum + n, 0);
      log(`statuses ${JSON.stringify(load.statuses)}, rows ${rows}`);
      return {
        name: 'support-surge',
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
        target: `≥ ${RATIO_TARGET}× ceiling, p99 ≤ ${P99_TARGET_MS} ms, rows = 201s`,
        pass: load.errors === 0 && serverErrors === 0 && created === load.n && rows === created && ratio >= RATIO_TARGET && load.p99Ms <= P99_TARGET_MS,
        notes: `${CONCURRENCY} concurrent; ${created} × 201, ${rows} rows, ${serverErrors} × 5xx, ${load.errors} socket errors`,
      };
    },
  },
];
