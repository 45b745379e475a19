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

/** Creates (on PostgreSQL) and migrates this test file's database, and returns it. */
export async function setupTestDatabase(): Promise<DatabaseHandle> {
  if (createdDatabase) await adminQuery(`create database "${createdDatabase}"`);
  const handle = await getDatabaseHandle();
  await migrateDatabase(handle);
  return handle;
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
