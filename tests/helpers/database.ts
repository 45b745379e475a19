import { randomBytes } from 'node:crypto';
import { type DatabaseHandle, getDatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { resetEnvCache } from '@/lib/env';

const ADMIN_URL_KEY = 'JOINDER_TEST_ADMIN_DATABASE_URL';
let createdDatabase: string | undefined;

/**
 * Test files never share a database: with DATABASE_URL set each gets a fresh one on that server,
 * otherwise an in-memory PGlite. Secrets are fixed per process so encrypted fields round-trip.
 */
export function prepareTestEnvironment(): void {
  process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');
  process.env.JOINDER_ENCRYPTION_KEYS ??= `t1:${randomBytes(32).toString('base64')}`;
  process.env.JOINDER_BLIND_INDEX_KEY ??= randomBytes(32).toString('base64');
  process.env.JOINDER_AUDIT_KEYS ??= `ta1:${randomBytes(32).toString('base64')}`;
  process.env.JOINDER_JOBS = 'off';
  if (process.env.DATABASE_URL && !process.env[ADMIN_URL_KEY]) {
    process.env[ADMIN_URL_KEY] = process.env.DATABASE_URL;
    const name = `joinder_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    createdDatabase = name;
  } else if (!process.env.DATABASE_URL) {
    process.env.JOINDER_DATA_DIR = 'memory://';
  }
  resetEnvCache();
}

/** Creates (on PostgreSQL) and migrates this test file's database, and returns it; `migrate: false` leaves it empty. */
export async function setupTestDatabase(options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const handle = await createTestDatabase({ empty: options.migrate === false });
  if (options.migrate !== false) {
    await migrateDatabase(handle);
    // Started before any test opens a transaction that enqueues (lib/jobs/boss.ts says why).
    const { getJobQueue } = await import('@/lib/jobs/boss');
    await getJobQueue();
  }
  return handle;
}

/**
 * This test file's database, created but not migrated: `empty` skips the pre-migrated PGlite
 * snapshot, for a test of a migration that migrates it itself.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<DatabaseHandle> {
  if (options.empty) delete process.env.JOINDER_PGLITE_TEMPLATE;
  if (createdDatabase) await adminQuery(`create database "${createdDatabase}"`);
  return getDatabaseHandle();
}

export async function dropTestDatabase(): Promise<void> {
  if (!createdDatabase) return;
  await adminQuery(`drop database if exists "${createdDatabase}" with (force)`).catch(() => {});
}

async function adminQuery(statement: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: process.env[ADMIN_URL_KEY] });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
