import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { isBuildStale } from '@/lib/server/build-freshness';
import { databaseExists, databaseUrlFor, recreateDatabase } from '../lib/database';
import { percentile } from '../lib/stats';
import type { BenchResult, BenchScenario } from '../lib/types';

const TARGET_MS = 5_000;
const DATABASE = 'joinder_bench_cold_start';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Fixed secrets for the bench database: every start in a run is the same deployment. */
const SECRETS = {
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  JOINDER_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
  JOINDER_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  JOINDER_AUDIT_KEYS: `a1:${randomBytes(32).toString('base64')}`,
};

/**
 * `npm start` exactly as a deployment runs it (node scripts/start.mjs → dist/server/start.js →
 * dist/server/serve.js), on an existing build and an existing database: milliseconds from the
 * spawn to the first 200 of /api/health (a database round trip), and to the first 200 of the
 * public case page.
 */
/**
 * CPU seconds the launcher and the server it started have used (Linux /proc): on a machine busy
 * with other work the wall time mostly waits for a core, this is the start's own cost.
 */
function cpuSecondsOfTree(pid: number): number {
  const ticks = (id: number) => {
    try {
      const fields = fs.readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  let children: number[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // not Linux, or gone
  }
  return (ticks(pid) + children.reduce((sum, child) => sum + ticks(child), 0)) / 100;
}

async function coldStart(
  databaseUrl: string,
): Promise<{ healthMs: number; pageMs: number; listeningMs: number; readyMs: number; cpuSeconds: number; output: string }> {
  const port = await freePort();
  let output = '';
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [path.join(process.cwd(), 'scripts', 'start.mjs')], {
    env: {
      ...process.env,
      ...SECRETS,
      DATABASE_URL: databaseUrl,
      APP_URL: `http://127.0.0.1:${port}`,
      HOSTNAME: '127.0.0.1',
      PORT: String(port),
      JOINDER_SEED_DEMO: 'always',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let listeningMs = 0;
  let readyMs = 0;
  child.stdout?.on('data', (chunk) => {
    output += chunk;
    if (!listeningMs && output.includes('listening on')) listeningMs = Date.now() - started;
    if (!readyMs && output.includes('] ready on')) readyMs = Date.now() - started;
  });
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const firstOk = async (target: string) => {
    for (const deadline = Date.now() + 180_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 25))) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output.slice(-2_000)}`);
      const response = await fetch(`http://127.0.0.1:${port}${target}`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
      await response?.arrayBuffer().catch(() => null);
      if (response?.status === 200) return Date.now() - started;
    }
    throw new Error(`no 200 from ${target} within 3 minutes:\n${output.slice(-2_000)}`);
  };
  try {
    const healthMs = await firstOk('/api/health');
    const cpuSeconds = cpuSecondsOfTree(child.pid ?? 0);
    const pageMs = await firstOk('/cases/slammer-2003');
    return { healthMs, pageMs, listeningMs, readyMs, cpuSeconds, output };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export const scenarios: BenchScenario[] = [
  {
    name: 'cold-start',
    description: 'npm start on an existing build and database: spawn to the first 200 (compiled server, no tsx).',
    run: async ({ scale, log }): Promise<BenchResult> => {
      if (isBuildStale())
        throw new Error('the build is missing or stale: run npm run build first (a cold start is measured on an existing build)');
      let databaseUrl = databaseUrlFor(DATABASE);
      // The first start migrates and seeds; only starts on the migrated database are measured.
      if (!(await databaseExists(DATABASE))) databaseUrl = await recreateDatabase(DATABASE);
      const first = await coldStart(databaseUrl);
      log(`first start (migrations and seed if new): ${first.healthMs} ms`);
      const runs = Math.max(3, Math.round(5 * scale));
      const health: number[] = [];
      const page: number[] = [];
      const cpu: number[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await coldStart(databaseUrl);
        health.push(result.healthMs);
        page.push(result.pageMs);
        cpu.push(result.cpuSeconds);
        log(
          `start ${run + 1}: listening after ${result.listeningMs} ms, booted (migrations checked) after ${result.readyMs} ms, first 200 from /api/health after ${result.healthMs} ms (${result.cpuSeconds.toFixed(2)} CPU s), from the case page after ${result.pageMs} ms`,
        );
      }
      const sorted = [...health].sort((a, b) => a - b);
      const worst = sorted.at(-1)!;
      return {
        name: 'cold-start',
        n: runs,
        medianMs: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        p99Ms: percentile(sorted, 99),
        throughput: 0,
        peakRssMb: 0,
        value: worst,
        unit: 'ms',
        ceiling: null,
        ratio: null,
        target: `every start ≤ ${TARGET_MS} ms to the first 200`,
        pass: worst <= TARGET_MS,
        notes: `worst of ${runs} starts; ${Math.max(...cpu).toFixed(2)} CPU s at most to the first 200 (launcher + server); the case page's first 200 after ${Math.max(...page)} ms at worst (its first render)`,
      };
    },
  },
];
