import { Pool } from 'undici';

export type SoakRequest = { method?: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };
export type SoakResponse = {
  index: number;
  status: number;
  retryAfter: string | null;
  body: string;
  startedAt: number;
  endedAt: number;
  error?: string;
};

/**
 * Sends `total` requests with `concurrency` in flight (each client sends its next as soon as the
 * last answered) and keeps every answer: the soak's checks are about each response, not averages.
 */
export async function sendAll(options: {
  baseUrl: string;
  total: number;
  concurrency: number;
  makeRequest: (index: number) => SoakRequest;
  keepBody?: (status: number) => boolean;
  /** Called after each answer with how many have come in (the cluster soak kills a server mid-surge). */
  onResponse?: (answered: number) => void;
}): Promise<SoakResponse[]> {
  const pool = new Pool(options.baseUrl, { connections: options.concurrency, pipelining: 1, headersTimeout: 60_000, bodyTimeout: 60_000 });
  const responses: SoakResponse[] = [];
  let next = 0;
  const client = async () => {
    while (next < options.total) {
      const index = next++;
      const request = options.makeRequest(index);
      const startedAt = Date.now();
      try {
        const answer = await pool.request({
          method: request.method ?? 'GET',
          path: request.path,
          body: request.body,
          headers: { ...(request.body ? { 'content-type': 'application/json' } : {}), ...request.headers },
        });
        const body = options.keepBody?.(answer.statusCode) === false ? (await answer.body.dump(), '') : await answer.body.text();
        const retryAfter = answer.headers['retry-after'];
        responses.push({
          index,
          status: answer.statusCode,
          retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
          body,
          startedAt,
          endedAt: Date.now(),
        });
      } catch (error) {
        responses.push({ index, status: 0, retryAfter: null, body: '', startedAt, endedAt: Date.now(), error: (error as Error).message });
      }
      options.onResponse?.(responses.length);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  await pool.close();
  return responses.sort((a, b) => a.index - b.index);
}

/** Runs `work` repeatedly with `concurrency` in flight until `until()` says stop. */
export async function keepSending<T>(concurrency: number, until: () => boolean, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let index = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!until()) results.push(await work(index++));
    }),
  );
  return results;
}

export function countBy<T>(items: T[], key: (item: T) => string | number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
