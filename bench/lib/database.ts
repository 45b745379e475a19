import { Client } from 'pg';

/** Benchmarks run on a real PostgreSQL server; this is its admin connection. */
export function benchAdminUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrlFor(name: string): string {
  const url = new URL(benchAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery<T = unknown>(statement: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: benchAdminUrl() });
  await client.connect();
  try {
    return (await client.query(statement, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  return (await adminQuery('select 1 from pg_database where datname = $1', [name])).length > 0;
}

export async function recreateDatabase(name: string): Promise<string> {
  await adminQuery(`drop database if exists "${name}" with (force)`);
  await adminQuery(`create database "${name}"`);
  return databaseUrlFor(name);
}
