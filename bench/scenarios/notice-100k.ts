import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { prepareNotice, startCountingSmtp } from '@/tests/helpers/notice-load';
import { proxyPool, runLoad, runOpenLoad, trackProcessRss } from '../lib/load';
import { benchServer } from '../lib/server';
import type { BenchResult, BenchScenario } from '../lib/types';

const RECIPIENTS = 100_000;
const TARGET_PER_SECOND = 300;
const HEALTH_P99_MS = 100;
/** /api/health arrivals while the notice goes out: a monitor and a few dashboards, not a surge. */
const HEALTH_RATE = 20;
const HEALTH_WINDOW_MS = 2_000;

async function deliveryState(client: Client, messageId: string) {
  const { rows } = await client.query<{ sent: number; pending: number; first: Date | null; last: Date | null }>(
    `select count(*) filter (where status = 'sent')::int as sent,
            count(*) filter (where status in ('queued', 'sending', 'deferred'))::int as pending,
            min(sent_at) as first, max(sent_at) as last
     from comm_recipients where message_id = $1`,
    [messageId],
  );
  return rows[0];
}

/**
 * A notice to 100,000 supporters, sent by the server's own job runner over SMTP to a loopback
 * server, with /api/health probed the whole time. Throughput is recipients over the span between
 * the first and the last mail the database records as sent; every address must arrive exactly once.
 */
export const scenarios: BenchScenario[] = [
  {
    name: 'notice-100k',
    description: `A notice to ${RECIPIENTS.toLocaleString('en')} supporters over SMTP (≥ ${TARGET_PER_SECOND}/s) with /api/health p99 ≤ ${HEALTH_P99_MS} ms meanwhile.`,
    run: async ({ scale, log }): Promise<BenchResult> => {
      const count = Math.max(2_000, Math.round(RECIPIENTS * scale));
      const smtp = await startCountingSmtp();
      const server = await benchServer('notice', {
        fresh: true,
        env: { SMTP_URL: smtp.url, JOINDER_EMAIL_RATE: '2000', JOINDER_SMTP_CONNECTIONS: '32' },
      });
      const prefix = `notice-${randomBytes(3).toString('hex')}-`;
      const pool = proxyPool(server.baseUrl);
      await runLoad({ baseUrl: server.baseUrl, pool, concurrency: 4, durationMs: 1_000, makeRequest: () => ({ path: '/api/health' }) });
      const rss = trackProcessRss(server.pid);
      const messageId = await prepareNotice(server.databaseUrl!, prefix, count);
      const started = Date.now();
      const client = new Client({ connectionString: server.databaseUrl });
      await client.connect();
      const healthWindows: { n: number; medianMs: number; p95Ms: number; p99Ms: number }[] = [];
      let healthErrors = 0;
      let state = await deliveryState(client, messageId);
      const deadline = started + Math.max(120_000, (count / 100) * 1_000);
      while (Date.now() < deadline) {
        const window = await runOpenLoad({
          baseUrl: server.baseUrl,
          pool,
          ratePerSecond: HEALTH_RATE,
          durationMs: HEALTH_WINDOW_MS,
          makeRequest: () => ({ path: '/api/health' }),
        });
        // Only windows while mail was going out count: the list is frozen first, then the sends.
        state = await deliveryState(client, messageId);
        if (state.first) {
          healthErrors +=
            window.errors +
            Object.entries(window.statuses)
              .filter(([status]) => Number(status) !== 200)
              .reduce((sum, [, n]) => sum + n, 0);
          healthWindows.push(window);
        }
        if (state.sent >= count && state.pending === 0) break;
      }
      await client.end();
      await pool.close();
      const peakRssMb = rss.stop();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await smtp.stop();
      const spanSeconds = state.first && state.last ? Math.max(0.001, (state.last.getTime() - state.first.getTime()) / 1000) : Infinity;
      const throughput = state.sent / spanSeconds;
      const received = [...smtp.perRecipient.entries()].filter(([address]) => address.startsWith(prefix));
      const twice = received.filter(([, n]) => n > 1).length;
      const exactlyOnce = received.length === count && twice === 0 && smtp.duplicates === 0;
      // As mergeLoads does: the percentiles are the worst window's, so no stall hides in an average.
      const probes = healthWindows.reduce((sum, window) => sum + window.n, 0);
      const worst = (key: 'medianMs' | 'p95Ms' | 'p99Ms') =>
        healthWindows.length ? Math.max(...healthWindows.map((window) => window[key])) : Infinity;
      const p99 = worst('p99Ms');
      log(
        `sent ${state.sent}/${count} in ${spanSeconds.toFixed(1)} s: ${throughput.toFixed(0)} mails/s; ${received.length} addresses received, ${twice} twice`,
      );
      log(
        `/api/health while sending: ${probes} requests, worst window median ${worst('medianMs').toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${healthErrors} not 200`,
      );
      return {
        name: 'notice-100k',
        n: state.sent,
        medianMs: worst('medianMs'),
        p95Ms: worst('p95Ms'),
        p99Ms: p99,
        throughput,
        peakRssMb,
        value: Math.round(throughput),
        unit: 'mails/s',
        ceiling: null,
        ratio: null,
        target: `≥ ${TARGET_PER_SECOND} mails/s, health p99 ≤ ${HEALTH_P99_MS} ms, each once`,
        pass: throughput >= TARGET_PER_SECOND && p99 <= HEALTH_P99_MS && healthErrors === 0 && exactlyOnce,
        notes: `${count} recipients; health p99 ${p99.toFixed(1)} ms over ${probes} probes; ${received.length} received, ${twice} twice`,
      };
    },
  },
];
