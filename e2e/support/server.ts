import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serverCommand } from '@/lib/server/build-freshness';

export type TestServer = {
  baseUrl: string;
  pid: number;
  databaseUrl?: string;
  dataDir?: string;
  stop: () => Promise<void>;
  logs: () => string;
  /** The keys it runs with, for a command-line tool a test runs against the same database. */
  secrets: Record<(typeof SECRET_NAMES)[number], string>;
};

const SECRET_NAMES = ['AUTH_SECRET', 'JOINDER_ENCRYPTION_KEYS', 'JOINDER_BLIND_INDEX_KEY', 'JOINDER_AUDIT_KEYS'] as const;

export type TestServerOptions = {
  env?: Record<string, string>;
  /** Serve an existing PostgreSQL database (kept on stop) instead of a fresh one. */
  databaseUrl?: string;
  /** Serve an existing embedded data folder (kept on stop), e.g. a stopped server's, to restart it. */
  dataDir?: string;
  /** Listen on this port, e.g. a stopped server's, so its open pages reconnect to the new one. */
  port?: number;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function adminQuery(adminUrl: string, statement: string) {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Starts the production build on a fresh database — a new PostgreSQL database when DATABASE_URL
 * is set, otherwise a new embedded data folder — with the demo case seeded, and waits until healthy.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const extraEnv = options.env ?? {};
  const port = options.port ?? (await freePort());
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    PORT: String(port),
    // As npm start runs the server (lib/server/start.ts).
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    JOINDER_ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
    JOINDER_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    JOINDER_AUDIT_KEYS: `a1:${randomBytes(32).toString('base64')}`,
    JOINDER_SEED_DEMO: 'always',
    NEXT_TELEMETRY_DISABLED: '1',
    ...extraEnv,
  };
  let databaseName: string | undefined;
  let dataDir: string | undefined;
  const adminUrl = options.databaseUrl ? undefined : process.env.DATABASE_URL;
  if (options.databaseUrl) {
    env.DATABASE_URL = options.databaseUrl;
  } else if (adminUrl) {
    databaseName = `joinder_e2e_${randomBytes(4).toString('hex')}`;
    await adminQuery(adminUrl, `create database "${databaseName}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${databaseName}`;
    env.DATABASE_URL = url.toString();
  } else if (options.dataDir) {
    env.JOINDER_DATA_DIR = options.dataDir;
    delete env.DATABASE_URL;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-e2e-'));
    env.JOINDER_DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  }
  // On PostgreSQL too the server gets a data folder of its own: the audit anchors file lives
  // there, and one shared by servers of different databases holds heads no single chain has.
  if (env.DATABASE_URL && !env.JOINDER_DATA_DIR) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-e2e-'));
    env.JOINDER_DATA_DIR = dataDir;
  }
  let output = '';
  env.HOSTNAME = extraEnv.HOSTNAME ?? '127.0.0.1';
  const child: ChildProcess = spawn(process.execPath, serverCommand(), {
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The test server exited early:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  if (Date.now() >= deadline) throw new Error(`The test server did not become healthy:\n${output}`);
  return {
    baseUrl,
    pid: child.pid ?? 0,
    databaseUrl: env.DATABASE_URL,
    dataDir: dataDir ?? options.dataDir,
    logs: () => output,
    secrets: Object.fromEntries(SECRET_NAMES.map((name) => [name, env[name]])) as TestServer['secrets'],
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      if (adminUrl && databaseName) await adminQuery(adminUrl, `drop database if exists "${databaseName}" with (force)`).catch(() => {});
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
