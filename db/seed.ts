import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { closeDb, getDatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import { cases } from './schema';
import { DEMO_CASE_SLUG } from './seed/demo-case';
import { seedDemoCase } from './seed/demo';
import { seedVolume } from './seed/volume';

/**
 * `npm run db:seed` seeds the demo case and accounts (idempotent).
 * `npm run db:seed -- --case slammer-2003 --claimants 100000 --supporters 1000000` adds
 * deterministic synthetic volume to a case. On the embedded database the server must be stopped
 * first (the data folder lock refuses otherwise).
 */
async function main() {
  const { values } = parseArgs({
    options: {
      case: { type: 'string', default: DEMO_CASE_SLUG },
      claimants: { type: 'string', default: '0' },
      supporters: { type: 'string', default: '0' },
      days: { type: 'string', default: '42' },
      seed: { type: 'string', default: '20030125' },
    },
  });
  const started = Date.now();
  const handle = await getDatabaseHandle();
  await migrateDatabase(handle);
  const { db } = handle;
  if (values.case === DEMO_CASE_SLUG) {
    const demo = await seedDemoCase(db);
    console.log(
      demo.created ? `Seeded the demo case ${DEMO_CASE_SLUG} and the demo accounts.` : `The demo case ${DEMO_CASE_SLUG} is already there.`,
    );
  }
  const [target] = await db.select().from(cases).where(eq(cases.slug, values.case!));
  if (!target) throw new Error(`No case with slug "${values.case}".`);
  const claimantCount = Number(values.claimants);
  const supporterCount = Number(values.supporters);
  if (claimantCount > 0 || supporterCount > 0) {
    await seedVolume(db, {
      caseId: target.id,
      referencePrefix: target.referencePrefix,
      claimants: claimantCount,
      supporters: supporterCount,
      days: Number(values.days),
      seed: Number(values.seed),
      reviewFixtures: values.case === DEMO_CASE_SLUG,
      log: (message) => console.log(`  ${message}`),
    });
    console.log(
      `Added ${claimantCount} claimants and ${supporterCount} supporters to ${target.slug} in ${((Date.now() - started) / 1000).toFixed(1)} s (${handle.driver}).`,
    );
  }
  await closeDb();
}

main().catch(async (error) => {
  console.error(
    error instanceof Error ? `${error.message}${error.cause ? `\n${String((error.cause as Error).message ?? error.cause)}` : ''}` : error,
  );
  await closeDb().catch(() => {});
  process.exit(1);
});
