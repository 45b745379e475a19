import { parseArgs } from 'node:util';
import { closeDb, getDatabaseHandle } from '@/db/client';
import { createObjectStore, getBlobStores, parseBlobStoreSpec, setBlobStores } from './config';
import { migrateBlobs, sweepOrphanObjects } from './migrate';

/**
 * `npm run blobs:migrate -- --to s3://bucket[/prefix]` moves every file of the configured database
 * (DATABASE_URL, else the embedded data folder: stop the server first) to that store; `--to
 * postgres` or `--to file:///path` likewise. Files are read from wherever their rows say they are:
 * this database, BLOB_STORE, BLOB_STORE_PREVIOUS, or `--from`. Run it again after a stop or a
 * failure: it continues. `--sweep` then removes objects in the target that no file row claims.
 * Set BLOB_STORE to the target (and BLOB_STORE_PREVIOUS to the old store) before starting the app
 * again, so new files go there and files not yet moved stay readable.
 */
const USAGE = 'usage: blobs:migrate --to postgres|file:///path|fs:PATH|s3://bucket[/prefix] [--from SPEC] [--keep-source] [--sweep]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      to: { type: 'string' },
      from: { type: 'string' },
      'keep-source': { type: 'boolean', default: false },
      sweep: { type: 'boolean', default: false },
    },
  });
  if (!values.to) {
    console.error(USAGE);
    return 2;
  }
  const target = parseBlobStoreSpec(values.to);
  const configured = getBlobStores();
  const objects = { ...configured.objects };
  for (const spec of [values.from ? parseBlobStoreSpec(values.from) : null, target]) {
    if (!spec || spec.kind === 'postgres') continue;
    const store = createObjectStore(spec);
    const known = objects[spec.kind];
    if (known && known.label !== store.label && spec === target) {
      throw new Error(
        `Files are already kept in ${known.label}; one store of each kind at a time (move them to postgres or the other kind first).`,
      );
    }
    objects[spec.kind] ??= store;
  }
  setBlobStores({ current: target.kind, objects });
  if (target.kind !== 'postgres') await objects[target.kind]!.ping();
  const label = target.kind === 'postgres' ? 'the database' : objects[target.kind]!.label;

  const handle = await getDatabaseHandle();
  try {
    console.log(`Moving files to ${label} …`);
    const report = await migrateBlobs(handle.db, {
      target: target.kind,
      keepSource: values['keep-source'],
      onProgress: (progress) => process.stdout.write(`\r  ${progress.moved} moved, ${progress.alreadyThere} already there   `),
    });
    process.stdout.write('\n');
    console.log(`${report.moved} files moved and verified, ${report.alreadyThere} already there.`);
    for (const sha256 of report.damaged) console.error(`  DAMAGED ${sha256}: its bytes do not match its hash; left where it is.`);
    for (const failure of report.failed) console.error(`  FAILED  ${failure.sha256}: ${failure.error} (run again to retry)`);
    if (values.sweep && target.kind !== 'postgres') {
      const swept = await sweepOrphanObjects(handle.db, target.kind);
      console.log(`Sweep: ${swept.checked} objects checked, ${swept.removed.length} unclaimed removed.`);
    }
    if (target.kind !== configured.current) {
      console.log(`Now set BLOB_STORE=${values.to} (and BLOB_STORE_PREVIOUS to the old store until a run moves 0 files).`);
    }
    return report.damaged.length || report.failed.length ? 1 : 0;
  } finally {
    await closeDb();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
