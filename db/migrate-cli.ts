import { closeDb, getDatabaseHandle } from './client';
import { migrateDatabase } from './migrate';

/** `npm run db:migrate`: applies pending migrations (the server also does this on start). */
async function main() {
  const handle = await getDatabaseHandle();
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.driver}).`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
