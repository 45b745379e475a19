/**
 * Runs once before all test files. With DATABASE_URL set, every test file gets its own fresh
 * database on that server (tests/helpers/database.ts); here we only check the server answers, so
 * a stopped PostgreSQL fails loudly at the start instead of in every file.
 */
export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`DATABASE_URL is set but PostgreSQL does not answer (${(error as Error).message}).`);
  } finally {
    await client.end().catch(() => {});
  }
}
