import { parseArgs } from 'node:util';
import { getDatabaseHandle } from '@/db/client';
import { runCli } from '@/db/run-cli';
import { resetEnvCache } from '@/lib/env';
import { checkAuditAnchor, verifyAuditChain } from './verify';

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
  const handle = await getDatabaseHandle();
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

runCli(main);
