import { renderExhibitBundle } from '@/lib/pdf/exhibits/render-exhibit-bundle';
import type { ExhibitFile } from '@/lib/pdf/types';
import { exhibitFile, makePhoto, makeSamplePdf, makeScreenshot } from '@/lib/pdf/__fixtures__/exhibit-files';
import { SAMPLE_CASE } from '@/lib/pdf/__fixtures__/sample-case';
import { DEMO_NOW, syntheticClaimants } from '@/lib/pdf/__fixtures__/synthetic-claimants';
import { recreateDatabase } from '../lib/database';
import { BENCH_BUCKET, startS3rver } from '../lib/s3rver';
import { summarize, trackPeakRss } from '../lib/stats';
import type { BenchContext, BenchResult, BenchScenario } from '../lib/types';

/**
 * 1,000 evidence files generated in memory, shaped like a real intake: bills and statements as
 * 1–5 page PDFs (60 %), phone photos as JPEG (25 %), photos saved as PNG (10 %, re-encoded to
 * JPEG), screenshots as PNG (5 %, kept lossless); a few photos uploaded twice.
 */
async function generateFiles(count: number, log: (message: string) => void): Promise<ExhibitFile[]> {
  const claimants = syntheticClaimants(Math.ceil(count / 2.5), 2003);
  const files: ExhibitFile[] = [];
  const started = performance.now();
  let lastPhoto: Uint8Array | undefined;
  for (let index = 0; index < count; index++) {
    const claimant = claimants[Math.floor(index / 2.5)];
    const roll = index % 20;
    if (roll < 12) {
      const pages = 1 + (index % 5);
      files.push(
        exhibitFile(await makeSamplePdf({ pages, seed: index, rotate: index % 37 === 0 ? 90 : 0 }), claimant, {
          label: `통신요금 고지서 ${pages}면`,
          filename: `bill-${index}.pdf`,
          mime: 'application/pdf',
        }),
      );
    } else if (roll < 17) {
      const photo = index % 50 === 13 && lastPhoto ? lastPhoto : await makePhoto('jpeg', index, 1280, 960);
      lastPhoto = photo;
      files.push(exhibitFile(photo, claimant, { label: '장애 당시 사진', filename: `IMG_${index}.jpg`, mime: 'image/jpeg' }));
    } else if (roll < 19) {
      files.push(
        exhibitFile(await makePhoto('png', index, 800, 600), claimant, {
          label: '매장 사진 (PNG)',
          filename: `photo-${index}.png`,
          mime: 'image/png',
        }),
      );
    } else {
      files.push(
        exhibitFile(await makeScreenshot(index, index % 40 === 19, 1280, 800), claimant, {
          label: '접속 오류 화면',
          filename: `screen-${index}.png`,
          mime: 'image/png',
        }),
      );
    }
  }
  const megabytes = files.reduce((sum, file) => sum + (file.data as Uint8Array).length, 0) / 1e6;
  log(
    `exhibits-1k: generated ${files.length} files (${megabytes.toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return files;
}

/**
 * Keeps the files in an S3 bucket (s3rver in a process of its own) as a deployment with
 * BLOB_STORE=s3://… does, and hands the renderer loaders that stream each back and prove it
 * against its hash as the page is drawn: the generation job's path (lib/filings/evidence-channel.ts).
 */
async function keepInS3(
  files: ExhibitFile[],
  log: (message: string) => void,
): Promise<{ files: ExhibitFile[]; stop: () => Promise<void> }> {
  const s3 = await startS3rver();
  Object.assign(process.env, s3.env, { JOINDER_JOBS: 'off' });
  const [{ resetEnvCache }, { openDatabaseAt }, { migrateDatabase }, { createObjectStore, setBlobStores }, { putBlob, readVerifiedBlob }] =
    await Promise.all([
      import('@/lib/env'),
      import('@/db/client'),
      import('@/db/migrate'),
      import('@/lib/blobs/config'),
      import('@/lib/blobs/blobs'),
    ]);
  resetEnvCache();
  const handle = await openDatabaseAt({ databaseUrl: await recreateDatabase('joinder_bench_exhibits_s3') });
  await migrateDatabase(handle);
  setBlobStores({ current: 's3', objects: { s3: createObjectStore({ kind: 's3', bucket: BENCH_BUCKET, prefix: '' }) } });
  const started = performance.now();
  const kept: ExhibitFile[] = [];
  for (const file of files) {
    const sha256 = await putBlob(handle.db, file.data as Uint8Array, file.evidence.mime);
    kept.push({ ...file, data: async () => (await readVerifiedBlob(handle.db, sha256))! });
  }
  log(`exhibits-1k-s3: ${files.length} files put in s3rver in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    files: kept,
    stop: async () => {
      await handle.close();
      await s3.stop();
    },
  };
}

async function runExhibits1k(context: BenchContext, source: 'memory' | 's3' = 'memory'): Promise<BenchResult> {
  const name = source === 's3' ? 'exhibits-1k-s3' : 'exhibits-1k';
  const generated = await generateFiles(Math.round(1000 * context.scale), context.log);
  const s3 = source === 's3' ? await keepInS3(generated, context.log) : null;
  const files = s3?.files ?? generated;
  // Only the loaders stay: the bytes are in the bucket, as a deployment's are.
  if (s3) generated.length = 0;
  (globalThis as { gc?: () => void }).gc?.();
  const timer = trackPeakRss(20);
  let sampled = 0;
  const start = performance.now();
  const result = await renderExhibitBundle(
    { case: SAMPLE_CASE, files, bates: { prefix: 'SLM' } },
    { format: 'kr', language: 'ko', now: DEMO_NOW, onProgress: () => (sampled = Math.max(sampled, process.memoryUsage.rss())) },
  );
  const elapsed = performance.now() - start;
  await s3?.stop();
  const peakRssMb = Math.max(timer.stop(), Math.round(sampled / 1024 / 1024));
  const value = elapsed / 1000;
  const jpegs = result.entries.filter((entry) => entry.imageEncoding === 'jpeg').length;
  const notes = `${files.length} files → ${result.pageCount} pages, ${(result.bytes.length / 1e6).toFixed(1)} MB, ${result.batesFirst}–${result.batesLast}; ${jpegs} PNG photos re-encoded as JPEG`;
  context.log(`${name}: ${value.toFixed(1)} s, ${peakRssMb} MB peak; ${notes}`);
  return {
    name,
    ...summarize([elapsed], elapsed),
    peakRssMb,
    value,
    unit: 's',
    ceiling: null,
    ratio: null,
    target: '≤ 60 s, ≤ 1 GB peak RSS',
    pass: value <= 60 && peakRssMb <= 1024,
    notes,
  };
}

export const scenarios: BenchScenario[] = [
  {
    name: 'exhibits-1k',
    description: 'Exhibit bundle (renderer) of 1,000 evidence files: PDFs copied, photos placed, every page stamped',
    run: (context) => runExhibits1k(context),
  },
  {
    name: 'exhibits-1k-s3',
    description: 'The same bundle with every file read back from an S3 bucket (s3rver) and checked against its hash as it is drawn',
    run: (context) => runExhibits1k(context, 's3'),
  },
];
