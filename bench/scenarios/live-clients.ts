import http from 'node:http';
import { runLoad } from '../lib/load';
import { benchServer } from '../lib/server';
import type { BenchResult, BenchScenario } from '../lib/types';

const TARGET_CLIENTS = 2_000;
const HEALTH_P99_MS = 100;
const DELIVERY_MS = 2_000;
const SLUG = 'slammer-2003';

type SseClient = { events: () => number; close: () => void };

/** One browser tab with the case page open: its own connection to the public counts stream. */
function openSseClient(baseUrl: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    let events = 0;
    const request = http.get(`${baseUrl}/api/cases/${SLUG}/stats/events`, { agent: false }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`stream answered ${response.statusCode}`));
        return;
      }
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        events += chunk.split('event: counts').length - 1;
      });
      response.on('error', () => {});
      resolve({ events: () => events, close: () => request.destroy() });
    });
    request.on('error', reject);
  });
}

/**
 * Many open case pages held by one instance: N event-stream clients connected at once, then a
 * signature that must reach every one of them within 2 s, and /api/health's latency while they
 * are held (an instance busy with streams must still answer its load balancer).
 */
export const scenarios: BenchScenario[] = [
  {
    name: 'live-clients',
    description: `N concurrent SSE clients on /api/cases/{slug}/stats/events (N = ${TARGET_CLIENTS} × scale), /api/health p99 meanwhile.`,
    run: async ({ scale, log }): Promise<BenchResult> => {
      const server = await benchServer('live-clients');
      const count = Math.max(50, Math.round(TARGET_CLIENTS * scale));
      const clients: SseClient[] = [];
      for (let index = 0; index < count; index += 50) {
        const batch = await Promise.all(Array.from({ length: Math.min(50, count - index) }, () => openSseClient(server.baseUrl)));
        clients.push(...batch);
      }
      while (clients.some((client) => client.events() < 1)) await new Promise((resolve) => setTimeout(resolve, 50));
      const health = await runLoad({
        baseUrl: server.baseUrl,
        concurrency: 10,
        durationMs: Math.max(3_000, 10_000 * scale),
        makeRequest: () => ({ path: '/api/health' }),
      });
      const signed = await fetch(`${server.baseUrl}/api/cases/${SLUG}/support`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: '실시간 확인', email: `live-${process.pid}-${Date.now()}@example.test`, privacyConsent: true }),
      });
      const signedAt = performance.now();
      while (clients.some((client) => client.events() < 2) && performance.now() - signedAt < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const deliveryMs = performance.now() - signedAt;
      const reached = clients.filter((client) => client.events() >= 2).length;
      for (const client of clients) client.close();
      log(
        `${count} SSE clients held; /api/health p99 ${health.p99Ms.toFixed(1)} ms (${health.throughput.toFixed(0)} req/s); ` +
          `a signature (${signed.status}) reached ${reached}/${count} clients in ${deliveryMs.toFixed(0)} ms`,
      );
      const isHealthOk = health.errors === 0 && (health.statuses[200] ?? 0) === health.n;
      return {
        name: 'live-clients',
        n: health.n,
        medianMs: health.medianMs,
        p95Ms: health.p95Ms,
        p99Ms: health.p99Ms,
        throughput: health.throughput,
        peakRssMb: health.peakRssMb,
        value: Number(health.p99Ms.toFixed(1)),
        unit: 'ms',
        ceiling: null,
        ratio: null,
        target: `${TARGET_CLIENTS} clients: health p99 ≤ ${HEALTH_P99_MS} ms, every client updated ≤ ${DELIVERY_MS / 1000} s`,
        pass:
          count >= TARGET_CLIENTS &&
          isHealthOk &&
          health.p99Ms <= HEALTH_P99_MS &&
          signed.status === 201 &&
          reached === count &&
          deliveryMs <= DELIVERY_MS,
        notes: `${count} clients (scale ${scale}); signature reached ${reached}/${count} in ${deliveryMs.toFixed(0)} ms; health ${health.throughput.toFixed(0)} req/s`,
      };
    },
  },
];
