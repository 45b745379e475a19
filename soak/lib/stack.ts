import { randomBytes } from 'node:crypto';
import { type TestServer, startTestServer } from '@/e2e/support/server';
import type { SoakContext } from './types';

export type SoakStack = {
  server: TestServer;
  databaseUrl: string;
  query: <T = Record<string, unknown>>(statement: string, values?: unknown[]) => Promise<T[]>;
  /** Kills the app (SIGKILL, no goodbye) and starts a new one on the same database. */
  killAndRestart: () => Promise<void>;
  stop: () => Promise<void>;
};

async function withClient<T>(url: string, work: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A production server on a fresh database with the demo case: on PostgreSQL (a new database in the
 * soak's cluster) when there is one, else on a fresh embedded folder.
 */
export async function startSoakStack(context: SoakContext, env: Record<string, string> = {}): Promise<SoakStack> {
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    JOINDER_ENCRYPTION_KEYS: `soak:${randomBytes(32).toString('base64')}`,
    JOINDER_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    JOINDER_AUDIT_KEYS: `a1:${randomBytes(32).toString('base64')}`,
  };
  const fullEnv = { ...secrets, DATABASE_POOL_MAX: '20', ...env };
  if (!context.adminDatabaseUrl) {
    const server = await startTestServer({ env: fullEnv });
    return {
      server,
      databaseUrl: '',
      query: async () => {
        throw new Error('direct queries need PostgreSQL');
      },
      killAndRestart: async () => {
        throw new Error('restarting needs PostgreSQL (an embedded data folder dies with its process lock)');
      },
      stop: () => server.stop(),
    };
  }
  const name = `joinder_soak_${randomBytes(4).toString('hex')}`;
  await withClient(context.adminDatabaseUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(context.adminDatabaseUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let server = await startTestServer({ databaseUrl, env: fullEnv });
  return {
    get server() {
      return server;
    },
    databaseUrl,
    query: (statement, values) => withClient(databaseUrl, async (client) => (await client.query(statement, values)).rows),
    killAndRestart: async () => {
      process.kill(server.pid, 'SIGKILL');
      await server.stop();
      server = await startTestServer({ databaseUrl, env: fullEnv });
    },
    stop: async () => {
      await server.stop();
      await withClient(context.adminDatabaseUrl!, (client) => client.query(`drop database if exists "${name}" with (force)`)).catch(
        () => {},
      );
    },
  };
}
