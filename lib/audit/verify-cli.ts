import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { type Database, getDatabaseHandle } from '@/db/client';
import { runCli } from '@/db/run-cli';
import { isEmbeddedDatabase, resetEnvCache, resolveDataDir } from '@/lib/env';
import { checkAuditAnchor, verifyAuditChain } from './verify';

const NOTHING_TO_VERIFY = 2;

/**
 * `npm run audit:verify` walks the audit chain of the configured database (DATABASE_URL, else the
 * embedded data folder — stop the server first, PGlite allows one process) and exits 1 naming the
 * first broken row. `--anchor ID:HASH` also proves a row recorded earlier is still there unchanged,
 * which catches a truncated tail the chain alone cannot.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, anchor: { type: 'string', multiple: true } },
  });
  if (values['database-url']) process.env.DATABASE_URL = values['database-url'];
  if (values['data-dir']) {
    process.env.JOINDER_DATA_DIR = values['data-dir'];
    delete process.env.DATABASE_URL;
  }
  resetEnvCache();
  // Opening an embedded database creates it: a folder that has none is reported, not filled.
  const dataDir = resolveDataDir();
  if (isEmbeddedDatabase() && !dataDir.startsWith('memory://') && !fs.existsSync(path.join(dataDir, 'pgdata'))) {
    console.error(
      `There is no database in ${path.resolve(dataDir)} yet, so there is no audit trail to verify.\n` +
        `  Pass the folder the server uses (--data-dir DIR, or JOINDER_DATA_DIR), or DATABASE_URL for PostgreSQL.\n` +
        `  A new installation has its trail once the server has started (npm start) or after npm run db:migrate.`,
    );
    return NOTHING_TO_VERIFY;
  }
  const handle = await getDatabaseHandle();
  if (!(await hasAuditTrail(handle.db))) {
    console.error(
      `The ${handle.driver === 'pglite' ? 'embedded database' : 'PostgreSQL database'} has no audit trail yet: it was never migrated.\n` +
        `  Run npm run db:migrate (or start the server once), then verify again.`,
    );
    return NOTHING_TO_VERIFY;
  }
  console.log(`Verifying the audit chain on ${handle.driver === 'pglite' ? 'the embedded database' : 'PostgreSQL'}…`);
  const report = await verifyAuditChain(handle.db, {
    onProgress: (checked) => process.stdout.write(`\r  ${checked.toLocaleString('en')} rows checked`),
  });
  process.stdout.write('\n');
  if (!report.ok && report.broken) {
    const { broken } = report;
    console.error(`BROKEN at audit_log row ${broken.id} (${broken.action}, ${broken.occurredAt.toISOString()}):`);
    console.error(
      broken.reason === 'hash'
        ? `  its content no longer matches its hash (stored ${broken.found}, recomputed ${broken.expected}): the row was edited.`
        : `  it does not follow the row before it (prev_hash ${broken.found || '(empty)'}, expected ${broken.expected || '(empty)'}): a row was removed, inserted or re-hashed.`,
    );
    console.error(`  ${report.checked.toLocaleString('en')} rows before it are intact.`);
    return 1;
  }
  for (const anchor of values.anchor ?? []) {
    const [id, hash] = anchor.split(':');
    if (!(await checkAuditAnchor(handle.db, { id: Number(id), hash }))) {
      console.error(
        `BROKEN: anchor row ${id} is missing or no longer has hash ${hash}: the trail was cut or rewritten after it was recorded.`,
      );
      return 1;
    }
  }
  console.log(`OK: ${report.checked.toLocaleString('en')} rows, chain intact.`);
  if (report.head) console.log(`Head: ${report.head.id}:${report.head.hash}  (keep this; pass it as --anchor next time)`);
  return 0;
}

async function hasAuditTrail(db: Database): Promise<boolean> {
  const result = await db.execute<{ found: string | null }>(sql`select to_regclass('audit_log')::text as found`);
  return Boolean((result as unknown as { rows: { found: string | null }[] }).rows[0]?.found);
}

runCli(main);
