import type { TestServer } from '@/e2e/support/server';
import { type LoadResult, runLoad } from './load';

export const CEILING_CONCURRENCY = 50;
let measured: Promise<LoadResult> | undefined;

/**
 * The bare-route ceiling (one insert, nothing else) at the given concurrency, measured once per
 * run on the server it is given; scenarios state their throughput as a ratio of it.
 */
export function measureInsertCeiling(server: TestServer, durationMs = 8_000): Promise<LoadResult> {
  measured ??= (async () => {
    await runLoad({
      baseUrl: server.baseUrl,
      concurrency: CEILING_CONCURRENCY,
      durationMs: 1_500,
      makeRequest: () => ({ method: 'POST', path: '/api/bench/insert' }),
    });
    return runLoad({
      baseUrl: server.baseUrl,
      concurrency: CEILING_CONCURRENCY,
      durationMs,
      makeRequest: () => ({ method: 'POST', path: '/api/bench/insert' }),
    });
  })();
  return measured;
}
