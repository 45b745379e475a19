import fs from 'node:fs';
import { Pool } from 'undici';
import { summarize, trackPeakRss } from './stats';

export type LoadRequest = { method?: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };

export type LoadResult = ReturnType<typeof summarize> & {
  statuses: Record<number, number>;
  errors: number;
  wallMs: number;
  peakRssMb: number;
};

/**
 * The connections a reverse proxy keeps to the app: one pool shared by every phase of a scenario,
 * so connections opened once stay open (the server keeps idle ones 65 s) instead of each phase
 * starting cold. Phases given no pool open and close their own.
 */
export function proxyPool(baseUrl: string, connections = 256): Pool {
  return new Pool(baseUrl, { connections, pipelining: 1 });
}

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
  pool?: Pool;
  makeRequest: (index: number) => LoadRequest;
}): Promise<LoadResult> {
  const pool = options.pool ?? new Pool(options.baseUrl, { connections: options.concurrency, pipelining: 1 });
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
      if (!(await sendAndTally(pool, request, statuses))) errors++;
      durations.push(performance.now() - sentAt);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const wallMs = performance.now() - started;
  if (!options.pool) await pool.close();
  return { ...summarize(durations, wallMs), statuses, errors, wallMs, peakRssMb: rss.stop() };
}

/** Sends one request, drains its body and tallies its status (or a socket error). */
async function sendAndTally(pool: Pool, request: LoadRequest, statuses: Record<number, number>): Promise<boolean> {
  try {
    const response = await pool.request({
      method: request.method ?? 'GET',
      path: request.path,
      body: request.body,
      headers: { ...(request.body ? { 'content-type': 'application/json' } : {}), ...request.headers },
    });
    await response.body.dump();
    statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
    return true;
  } catch {
    return false;
  }
}

/** Peak RSS of another process (the server under test), sampled from /proc. */
/** Resident memory of a process in kB, from /proc; null once it is gone. */
export function processRssKb(pid: number): number | null {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export function trackProcessRss(pid: number, intervalMs = 100): { stop: () => number } {
  let peakKb = 0;
  const sample = () => {
    peakKb = Math.max(peakKb, processRssKb(pid) ?? 0);
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

/**
 * An open-loop HTTP load: requests arrive at `ratePerSecond` whether or not earlier ones have
 * answered, as people do. Latency counts from each request's scheduled time, so a stalled
 * server shows in the percentiles instead of slowing the arrivals (no coordinated omission).
 */
export async function runOpenLoad(options: {
  baseUrl: string;
  ratePerSecond: number;
  durationMs: number;
  maxConnections?: number;
  pool?: Pool;
  makeRequest: (index: number) => LoadRequest;
}): Promise<LoadResult & { offeredRate: number }> {
  const pool = options.pool ?? new Pool(options.baseUrl, { connections: options.maxConnections ?? 256, pipelining: 1 });
  const durations: number[] = [];
  const statuses: Record<number, number> = {};
  const intervalMs = 1000 / options.ratePerSecond;
  const total = Math.max(1, Math.round((options.durationMs / 1000) * options.ratePerSecond));
  let errors = 0;
  const rss = trackPeakRss();
  const started = performance.now();
  const inFlight: Promise<void>[] = [];

  const send = async (index: number, scheduledAt: number) => {
    if (!(await sendAndTally(pool, options.makeRequest(index), statuses))) errors++;
    durations.push(performance.now() - scheduledAt);
  };

  for (let index = 0; index < total; index++) {
    const scheduledAt = started + index * intervalMs;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(index, scheduledAt));
  }
  await Promise.all(inFlight);
  const wallMs = performance.now() - started;
  if (!options.pool) await pool.close();
  return { ...summarize(durations, wallMs), statuses, errors, wallMs, peakRssMb: rss.stop(), offeredRate: options.ratePerSecond };
}

/** One result from several load rounds: counts and statuses added, rates over the summed time, percentiles the worst round's. */
export function mergeLoads(rounds: Awaited<ReturnType<typeof runLoad>>[]) {
  const statuses: Record<number, number> = {};
  for (const round of rounds)
    for (const [status, count] of Object.entries(round.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + count;
  const wallMs = rounds.reduce((total, round) => total + round.wallMs, 0);
  const n = rounds.reduce((total, round) => total + round.n, 0);
  const worst = (pick: (round: (typeof rounds)[number]) => number) => Math.max(...rounds.map(pick));
  return {
    n,
    statuses,
    errors: rounds.reduce((total, round) => total + round.errors, 0),
    throughput: (n / wallMs) * 1000,
    medianMs: rounds.reduce((total, round) => total + round.medianMs * round.n, 0) / Math.max(1, n),
    p95Ms: worst((round) => round.p95Ms),
    p99Ms: worst((round) => round.p99Ms),
    peakRssMb: worst((round) => round.peakRssMb),
  };
}
