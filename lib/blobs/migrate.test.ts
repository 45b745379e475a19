import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabaseAt } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { blobs } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { stopTestS3, useTestBlobStore } from '@/tests/helpers/blob-stores';
import { putBlob, readVerifiedBlob } from './blobs';
import { createObjectStore, getBlobStores, setBlobStores } from './config';
import { migrateBlobs, sweepOrphanObjects } from './migrate';
import { blobKey, type ObjectStore } from './object-store';

let handle: DatabaseHandle;
const files = Array.from({ length: 6 }, (_, index) => Buffer.from(`%PDF-1.4 갑 제${index + 1}호증 ${'.'.repeat(index * 1000)}`));
let hashes: string[];
let damaged: string;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await useTestBlobStore('postgres');
  hashes = [];
  for (const bytes of files) hashes.push(await putBlob(handle.db, bytes, 'application/pdf'));
  damaged = await putBlob(handle.db, Buffer.from('%PDF-1.4 will rot'), 'application/pdf');
  await handle.db
    .update(blobs)
    .set({ bytes: Buffer.from('%PDF-1.4 has rot') })
    .where(eq(blobs.sha256, damaged));
});
afterAll(async () => {
  setBlobStores(undefined);
  await stopTestS3();
});

const storeOf = async (sha256: string) =>
  (await handle.db.select({ store: blobs.store }).from(blobs).where(eq(blobs.sha256, sha256)))[0].store;

/** The same bucket, except that it stops taking writes after `allowed` of them succeeded: a run cut off midway. */
function failingAfter(store: ObjectStore, allowed: number): ObjectStore {
  let writes = 0;
  return {
    ...store,
    async put(key, body) {
      if (writes >= allowed) {
        body.destroy();
        throw new Error('connection reset by peer');
      }
      await store.put(key, body);
      writes++;
    },
  };
}

describe('npm run blobs:migrate', () => {
  it('moves files from the database to S3 resumably: a cut-off run leaves nothing broken, the next run finishes', async () => {
    const s3 = (await useTestBlobStore('s3'))!;
    setBlobStores({ current: 's3', objects: { s3: failingAfter(s3, 2) } });
    const cut = await migrateBlobs(handle.db, { target: 's3' });
    expect(cut.moved).toBe(2);
    // The rest failed (the damaged file too, unless it was read before the cut).
    expect(cut.failed.length + cut.damaged.length).toBe(files.length + 1 - 2);
    // Every file is readable wherever it is now, moved or not.
    for (const [index, sha256] of hashes.entries())
      expect(Buffer.from((await readVerifiedBlob(handle.db, sha256))!).equals(files[index])).toBe(true);

    setBlobStores({ current: 's3', objects: { s3 } });
    const resumed = await migrateBlobs(handle.db, { target: 's3' });
    expect(resumed).toMatchObject({ moved: files.length - 2, failed: [], damaged: [damaged] });
    for (const [index, sha256] of hashes.entries()) {
      const [row] = await handle.db.select().from(blobs).where(eq(blobs.sha256, sha256));
      expect([row.store, row.bytes]).toEqual(['s3', null]);
      expect(await s3.size(blobKey(sha256))).toBe(files[index].byteLength);
      expect(Buffer.from((await readVerifiedBlob(handle.db, sha256))!).equals(files[index])).toBe(true);
    }
    // The damaged file was not copied: it stays, reported, where it was.
    expect(await storeOf(damaged)).toBe('postgres');
    expect(await s3.size(blobKey(damaged))).toBeNull();

    const again = await migrateBlobs(handle.db, { target: 's3' });
    expect(again).toMatchObject({ moved: 0, failed: [], damaged: [damaged] });
  });

  it('moves from S3 to a folder and back to the database, removing each source object after the move commits', async () => {
    const s3 = getBlobStores().objects.s3!;
    const folder = createObjectStore({ kind: 'fs', root: fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-migrate-')) });
    setBlobStores({ current: 'fs', objects: { s3, fs: folder } });
    expect((await migrateBlobs(handle.db, { target: 'fs' })).moved).toBe(files.length);
    for (const sha256 of hashes) {
      expect(await storeOf(sha256)).toBe('fs');
      expect(await s3.size(blobKey(sha256))).toBeNull();
    }
    setBlobStores({ current: 'postgres', objects: { fs: folder } });
    expect((await migrateBlobs(handle.db, { target: 'postgres' })).moved).toBe(files.length);
    for (const [index, sha256] of hashes.entries()) {
      const [row] = await handle.db.select().from(blobs).where(eq(blobs.sha256, sha256));
      expect(row.store).toBe('postgres');
      expect(Buffer.from(row.bytes!).equals(files[index])).toBe(true);
      expect(await folder.size(blobKey(sha256))).toBeNull();
    }
  });

  it('sweeps objects no row claims and keeps the ones that are claimed', async () => {
    const folder = (await useTestBlobStore('fs'))!;
    const kept = await putBlob(handle.db, Buffer.from('claimed file'), 'image/png');
    const orphan = 'a'.repeat(64);
    await folder.put(blobKey(orphan), Readable.from([Buffer.from('left by a rolled-back upload')]));
    const swept = await sweepOrphanObjects(handle.db, 'fs');
    expect(swept.removed).toEqual([orphan]);
    expect(await folder.size(blobKey(orphan))).toBeNull();
    expect(await folder.size(blobKey(kept))).not.toBeNull();
  });

  it('runs from the command line against an embedded database', async () => {
    if (process.env.JOINDER_TEST_ADMIN_DATABASE_URL) return; // the command's own wiring; the moves are covered above on both databases
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-migrate-cli-'));
    const folder = path.join(dataDir, 'files');
    setBlobStores({ current: 'postgres', objects: {} });
    const seeded = await openDatabaseAt({ dataDir });
    await migrateDatabase(seeded);
    const sha256 = await putBlob(seeded.db, Buffer.from('%PDF-1.4 from the command line'), 'application/pdf');
    await seeded.close();
    const run = () =>
      spawnSync(process.execPath, [require.resolve('tsx/cli'), 'lib/blobs/migrate-cli.ts', '--to', `fs:${folder}`], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '', JOINDER_DATA_DIR: dataDir, BLOB_STORE: 'postgres' },
      });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('1 files moved and verified, 0 already there.');
    expect(first.stdout).toContain(`Now set BLOB_STORE=fs:${folder}`);
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('0 files moved and verified');
    expect(fs.readFileSync(path.join(folder, 'blobs', sha256.slice(0, 2), sha256), 'utf8')).toBe('%PDF-1.4 from the command line');
  });
});
