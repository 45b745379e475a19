import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type DatabaseHandle, openDatabaseAt } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { recordAudit } from '@/lib/audit/record';
import { getEnv, resolveDataDir } from '@/lib/env';
import { writeBackup } from './dump';
import { readBackupSummary, restoreBackup } from './restore';
import { verifyRestoredDatabase } from './verify';

/**
 * `npm run backup -- [--out FILE]` writes a logical backup of the configured database (DATABASE_URL,
 * else the embedded data folder — stop the server first: PGlite allows one process).
 * `npm run restore -- --from FILE` loads it into an empty database (DATABASE_URL, or --data-dir for a
 * new embedded folder), then verifies row counts, file hashes, the audit chain and the keys.
 * `npm run restore -- --from FILE --verify-only` checks an already restored database.
 */
const USAGE =
  'usage: backup [--out FILE] [--data-dir DIR | --database-url URL]\n       restore --from FILE [--verify-only] [--data-dir DIR | --database-url URL]';

function openTarget(values: { 'data-dir'?: string; 'database-url'?: string }): Promise<DatabaseHandle> {
  if (values['database-url']) return openDatabaseAt({ databaseUrl: values['database-url'] });
  if (values['data-dir']) return openDatabaseAt({ dataDir: path.resolve(values['data-dir']) });
  const url = getEnv().DATABASE_URL;
  return url ? openDatabaseAt({ databaseUrl: url }) : openDatabaseAt({ dataDir: resolveDataDir() });
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: 'string' },
      from: { type: 'string' },
      'verify-only': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
    },
  });
  if (command !== 'backup' && command !== 'restore') {
    console.error(USAGE);
    return 2;
  }
  const handle = await openTarget(values);
  try {
    if (command === 'backup') {
      const out = path.resolve(values.out ?? path.join('backups', `joinder-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const manifest = await writeBackup(handle.db, out, {
        source: handle.driver,
        onProgress: (table, rows) => process.stdout.write(`\r  ${table}: ${rows} rows   `),
      });
      process.stdout.write('\n');
      const rows = Object.values(manifest.rowCounts).reduce((sum, count) => sum + count, 0);
      console.log(
        `Backup written to ${out} (${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MB): ${rows} rows, ${manifest.blobCount} files, audit head ${manifest.auditHead ? `${manifest.auditHead.id}:${manifest.auditHead.hash}` : 'none'}.`,
      );
      console.log(
        'The encryption keys are not in the backup: keep JOINDER_ENCRYPTION_KEYS (or secrets.json in the keys folder, <data folder>-keys) safe separately.',
      );
      return 0;
    }
    if (!values.from) {
      console.error(USAGE);
      return 2;
    }
    const file = path.resolve(values.from);
    let manifest;
    if (values['verify-only']) {
      manifest = (await readBackupSummary(file)).manifest;
    } else {
      await migrateDatabase(handle);
      manifest = await restoreBackup(handle.db, file, {
        onProgress: (table, rows) => process.stdout.write(`\r  ${table}: ${rows} rows   `),
      });
      process.stdout.write('\n');
      console.log(`Restored ${file} into ${handle.driver === 'pglite' ? 'the embedded database' : 'PostgreSQL'}.`);
    }
    const checks = await verifyRestoredDatabase(handle.db, manifest);
    for (const check of checks) console.log(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
    const isVerified = checks.every((check) => check.ok);
    // The restore itself joins the trail, after the verified head (ids and counts only).
    if (isVerified && !values['verify-only']) {
      const rows = Object.values(manifest.rowCounts).reduce((sum, count) => sum + count, 0);
      await recordAudit(handle.db, {
        action: 'backup.restored',
        actorUserId: null,
        subjectType: 'backup',
        subjectId: path.basename(file),
        details: { rows, files: manifest.blobCount, auditHeadId: manifest.auditHead?.id ?? 0 },
      });
    }
    return isVerified ? 0 : 1;
  } finally {
    await handle.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
