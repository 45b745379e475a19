import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { type Database, getDatabaseHandle } from '@/db/client';
import { runCli } from '@/db/run-cli';
import { isEmbeddedDatabase, resetEnvCache, resolveDataDir } from '@/lib/env';
import { anchorAuditHeads, auditAnchorFile, readAuditAnchors } from './anchors';
import { type AuditChainBreak, verifyAuditChains } from './verify';

const NOTHING_TO_VERIFY = 2;

/**
 * `npm run audit:verify` walks every audit chain of the configured database (DATABASE_URL, else
 * the embedded data folder — stop the server first, PGlite allows one process), recomputing each
 * keyed hash here with the key from the environment (or the data folder's secrets), and checks
 * every head recorded in the anchor log outside the database. Exits 1 naming the first broken
 * entry of each broken chain; after a clean check it anchors the current heads (`--no-anchor`
 * skips that).
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'anchor-file': { type: 'string' },
      'no-anchor': { type: 'boolean', default: false },
    },
  });
  if (values['database-url']) process.env.DATABASE_URL = values['database-url'];
  if (values['data-dir']) {
    process.env.JOINDER_DATA_DIR = values['data-dir'];
    delete process.env.DATABASE_URL;
  }
  if (values['anchor-file']) process.env.JOINDER_AUDIT_ANCHOR_FILE = values['anchor-file'];
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
  const anchorFile = auditAnchorFile();
  const anchorLog = readAuditAnchors(anchorFile);
  console.log(
    `Verifying the audit chains on ${handle.driver === 'pglite' ? 'the embedded database' : 'PostgreSQL'} against ${anchorLog.anchors.length.toLocaleString('en')} anchors${anchorFile ? ` in ${anchorFile}` : ''}…`,
  );
  const report = await verifyAuditChains(handle.db, {
    anchorLog,
    onProgress: (checked) => process.stdout.write(`\r  ${checked.toLocaleString('en')} entries checked`),
  });
  process.stdout.write('\n');
  for (const line of report.badAnchorLines)
    console.error(`BROKEN: line ${line} of the anchor log fails its MAC: the log was edited, or written with another key.`);
  for (const chain of report.chains) {
    if (chain.ok || !chain.broken) continue;
    const { broken } = chain;
    const where = broken.id
      ? `entry ${broken.seq} (audit_log row ${broken.id}, ${broken.action}, ${broken.occurredAt?.toISOString()})`
      : `entry ${broken.seq}`;
    console.error(`BROKEN chain ${chain.chain} at ${where}:`);
    console.error(`  ${BREAK_EXPLANATIONS[broken.reason]} (expected ${broken.expected || '(empty)'}, found ${broken.found || '(empty)'}).`);
    console.error(`  ${chain.checked.toLocaleString('en')} entries before it are intact.`);
  }
  if (!report.ok) return 1;
  console.log(`OK: ${report.checked.toLocaleString('en')} entries in ${report.chains.length} chains, every chain intact.`);
  if (!values['no-anchor'] && anchorFile) {
    const anchored = await anchorAuditHeads(handle.db, anchorFile);
    console.log(`Anchored ${anchored} moved head(s) in ${anchorFile}. Keep a copy of that file off this host.`);
  } else if (!anchorFile) {
    console.log('No anchor file (in-memory database): set JOINDER_AUDIT_ANCHOR_FILE to anchor heads.');
  }
  return 0;
}

const BREAK_EXPLANATIONS: Record<AuditChainBreak['reason'], string> = {
  hash: 'its content no longer matches its keyed hash: the entry was edited, or re-hashed without the key',
  link: 'it does not follow the entry before it: an entry was removed, inserted or re-hashed',
  gap: 'an entry before it is missing',
  key: 'it was signed with a key id this server does not hold (JOINDER_AUDIT_KEYS)',
  head: "the chain's recorded head disagrees with its last entry: the tail was cut off",
  anchor: 'a head recorded in the anchor log is no longer in the chain: it was rewritten or truncated after that anchor',
};

async function hasAuditTrail(db: Database): Promise<boolean> {
  const result = await db.execute<{ found: string | null }>(sql`select to_regclass('audit_log')::text as found`);
  return Boolean((result as unknown as { rows: { found: string | null }[] }).rows[0]?.found);
}

runCli(main);
