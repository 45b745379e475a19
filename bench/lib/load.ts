import fs from 'node:fs';
import { Pool } from 'undici';
import { summarize, trackPeakRss } from './stats';

export type LoadRequest = { method?: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };

export type LoadResult = ReturnType<typeof summarize> & { statuses: Record<number, number>; errors: number; wallMs: number; peakRssMb: number };

/**
 * A closed-loop HTTP load: `concurrency` clients each send the next request as soon as the last
 * answered, for `durationMs` or until `total` requests. Every latency is kept, so percentiles
 * are exact. `makeRequest(i)` lets each request differ (a new email per signature).
 */
export async function runLoad(options: {
  baseUrl: string;
  concurrency: number;
  durationMs?: number;
  total?: number;
  makeRequest: (index: number) => LoadRequest;
}): Promise<LoadResult> {
  const pool = new Pool(options.baseUrl, { connections: options.concurrency, pipelining: 1 });
  const durations: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let issued = 0;
  const rss = trackPeakRss();
  const started = performance.now();
  const deadline = options.durationMs ? started + options.durationMs : Number.POSITIVE_INFINITY;
  const limit = options.total ?? Number.POSITIVE_INFINITY;

  const client = async () => {
    while (issued < limit && performance.now() < deadline) {
      const index = issued++;
      const request = options.makeRequest(index);
      const sentAt = performance.now();
      try {
        const response = await pool.request({
          method: request.method ?? 'GET',
          path: request.path,
          body: request.body,
          headers: { ...(request.body ? { 'content-type': 'application/json' } : {}), ...request.headers },
        });
        await response.body.dump();
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
      } catch {
        errors++;
      }
      durations.push(performance.now() - sentAt);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const wallMs = performance.now() - started;
  await pool.close();
  return { ...summarize(durations, wallMs), statuses, errors, wallMs, peakRssMb: rss.stop() };
}

/** Peak RSS of another process (the server under test), sampled from /proc. */
export function trackProcessRss(pid: number, intervalMs = 100): { stop: () => number } {
  let peakKb = 0;
  const sample = () => {
    try {
      const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // process gone
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return Math.round(peakKb / 1024);
    },
  };
}
