import { spawn } from 'node:child_process';
import path from 'node:path';
import { Pool } from 'undici';
import { processRssKb } from './load';
import { percentile as percentileOfSorted } from './stats';

export type HealthSample = { at: number; ms: number; status: number };

/**
 * `/api/health` probed open loop at `ratePerSecond` (a monitor and a few dashboards), every
 * latency kept with the time it was scheduled (epoch milliseconds), so a stall shows in the
 * percentiles and can be placed on a job's timeline. Latency counts from the scheduled time.
 * Runs in a process of its own (probeHealth): probing from the bench's process would count that
 * process's own pauses — collecting a round's garbage, polling the job — as the server's.
 */
export function runHealthProbe(baseUrl: string, ratePerSecond = 20): { stop: () => Promise<HealthSample[]> } {
  const pool = new Pool(baseUrl, { connections: 32, pipelining: 1 });
  const samples: HealthSample[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let index = 0;
  let isStopped = false;
  const send = async (scheduledAt: number) => {
    let status = 0;
    try {
      const response = await pool.request({ method: 'GET', path: '/api/health' });
      await response.body.dump();
      status = response.statusCode;
    } catch {
      status = 0;
    }
    samples.push({ at: performance.timeOrigin + scheduledAt, ms: performance.now() - scheduledAt, status });
  };
  const loop = (async () => {
    while (!isStopped) {
      const scheduledAt = started + index * (1000 / ratePerSecond);
      index++;
      const wait = scheduledAt - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const request = send(scheduledAt).finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
  })();
  return {
    stop: async () => {
      isStopped = true;
      await loop;
      await Promise.all(inFlight);
      await pool.close();
      return samples.sort((a, b) => a.at - b.at);
    },
  };
}

/**
 * runHealthProbe in a child process (health-probe-child.ts), started and stopped from here; the
 * samples come back with `at` on this process's performance.now() clock.
 */
export function probeHealth(baseUrl: string, ratePerSecond = 20): { stop: () => Promise<HealthSample[]> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'health-probe-child.ts'), baseUrl, String(ratePerSecond)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    stop: async () => {
      child.stdin.end('stop\n');
      const code = await exited;
      if (code !== 0) throw new Error(`the health probe exited with ${code}`);
      const samples = JSON.parse(output) as HealthSample[];
      return samples.map((sample) => ({ ...sample, at: sample.at - performance.timeOrigin }));
    },
  };
}

/** Nearest-rank percentile of unsorted samples; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  return values.length === 0
    ? Number.NaN
    : percentileOfSorted(
        [...values].sort((a, b) => a - b),
        p,
      );
}

/** RSS of a process (the server) over time, every `intervalMs`, from /proc. */
export function recordRss(pid: number, intervalMs = 500): { stop: () => { at: number; mb: number }[] } {
  const timeline: { at: number; mb: number }[] = [];
  const sample = () => {
    const kb = processRssKb(pid);
    if (kb !== null) timeline.push({ at: performance.now(), mb: Math.round(kb / 1024) });
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return timeline;
    },
  };
}
