import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getEnv, resolveDataDir } from '@/lib/env';
import { preparePrivateDir, tightenTree } from './data-dir';
import * as schema from './schema';

/**
 * The one place a database connection is made. `DATABASE_URL` set → a `pg` Pool on PostgreSQL;
 * unset → PGlite (Postgres in WASM) in `JOINDER_DATA_DIR`. Both give the same Drizzle type, so
 * every query, migration and test runs unchanged on either.
 */
export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseDriver = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Database;
  driver: DatabaseDriver;
  close: () => Promise<void>;
};

// Cached on globalThis: Next.js bundles server code into several module graphs and hot reload
// re-evaluates modules; all of them must share one connection (PGlite allows only one).
const HANDLE_KEY = Symbol.for('joinder.database');
type GlobalWithHandle = typeof globalThis & { [HANDLE_KEY]?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const g = globalThis as GlobalWithHandle;
  let pending = g[HANDLE_KEY];
  if (!pending) {
    pending = openDatabase();
    g[HANDLE_KEY] = pending;
    // A failed start (database down, folder locked) must not be cached: the next call retries.
    pending.catch(() => {
      if (g[HANDLE_KEY] === pending) g[HANDLE_KEY] = undefined;
    });
  }
  return pending;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithHandle;
  const pending = g[HANDLE_KEY];
  g[HANDLE_KEY] = undefined;
  if (pending) await (await pending).close();
}

async function openDatabase(): Promise<DatabaseHandle> {
  const url = getEnv().DATABASE_URL;
  return url ? openPostgres(url) : openPglite(resolveDataDir());
}

/**
 * A second, uncached connection to a database named explicitly — for the tools that move data
 * between two databases (backup, restore) and their tests. The caller closes it.
 */
export function openDatabaseAt(target: { databaseUrl: string } | { dataDir: string }): Promise<DatabaseHandle> {
  return 'databaseUrl' in target ? openPostgres(target.databaseUrl) : openPglite(target.dataDir);
}

async function openPostgres(connectionString: string): Promise<DatabaseHandle> {
  const [{ Pool }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new Pool({
    connectionString,
    max: getEnv().DATABASE_POOL_MAX,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // Idle clients die when PostgreSQL restarts; without a listener that error kills the process.
  pool.on('error', (error) => console.warn('[joinder] idle database connection lost:', error.message));
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  return { db, driver: 'postgres', close: () => pool.end() };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const [{ PGlite }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  const isMemory = dataDir.startsWith('memory://');
  let releaseLock = () => {};
  if (!isMemory) {
    // Created 0700 when missing (PGlite's create fails without it); a folder others may enter is refused.
    preparePrivateDir(dataDir);
    releaseLock = acquireDataDirLock(dataDir);
  }
  try {
    // Tests start every file from a pre-migrated snapshot (tests/setup/global.ts): loading it is
    // three times faster than initialising and migrating an empty cluster.
    const template = isMemory ? process.env.JOINDER_PGLITE_TEMPLATE : undefined;
    const client = template
      ? await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(template)]) })
      : await PGlite.create(isMemory ? undefined : path.join(dataDir, 'pgdata'));
    if (!isMemory) tightenTree(dataDir);
    const db = drizzle({ client, schema }) as unknown as Database;
    return {
      db,
      driver: 'pglite',
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by another Joinder process (pid ${pid}). ` +
        'PGlite cannot be shared between processes: stop that process first (migrations and seeding ' +
        'run inside the server on start), or use PostgreSQL by setting DATABASE_URL.',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * PGlite has no inter-process lock: a second process would silently write data the first never
 * sees. We keep a pid file and refuse to open while another live process holds it.
 */
function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'joinder.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      fs.closeSync(fd);
      const release = () => {
        try {
          const holder = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid: number };
          if (holder.pid === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // Already gone.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holderPid = readLockHolder(lockFile);
      if (holderPid === process.pid) return () => {};
      if (holderPid !== undefined && isProcessAlive(holderPid)) throw new DataDirLockedError(dataDir, holderPid);
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock on ${lockFile}`);
}

function readLockHolder(lockFile: string): number | undefined {
  try {
    const { pid } = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
