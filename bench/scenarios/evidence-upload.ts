import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { Pool } from 'undici';
import { type TestServer, startTestServer } from '@/e2e/support/server';
import { recreateDatabase } from '../lib/database';
import { trackProcessRss } from '../lib/load';
import { BENCH_BUCKET, startS3rver } from '../lib/s3rver';
import { summarize } from '../lib/stats';
import type { BenchContext, BenchResult, BenchScenario } from '../lib/types';
import { signInAs } from './review-queue';

const FILE_BYTES = 5 * 1024 * 1024;
const UPLOADS_PER_CLAIMANT = 5;
const CASE_SLUG = 'slammer-2003';
/** Where the generated files are kept between runs: making 200 distinct 5 MB files takes a minute. */
const FILE_CACHE = path.join(os.tmpdir(), 'joinder-bench-evidence-v1');

type UploadFile = { path: string; filename: string; byteSize: number };
type StoreRun = { wallMs: number; durations: number[]; statuses: Record<number, number>; baselineRssMb: number; peakRssMb: number };

/**
 * Three in four are scans kept as PDFs (one page, a ~5 MB scanned image, stored as sent); one in
 * four a 12-megapixel phone photo (~5 MB JPEG, re-encoded without its metadata). Every file is
 * distinct, so no upload is answered from an earlier identical blob.
 */
async function prepareFiles(count: number, log: (message: string) => void): Promise<UploadFile[]> {
  fs.mkdirSync(FILE_CACHE, { recursive: true });
  const started = performance.now();
  const width = 4000;
  const height = 3000;
  let basePixels: Buffer | undefined;
  const pixels = async () => {
    if (!basePixels) {
      const noise = { type: 'gaussian' as const, mean: 120, sigma: 50 };
      const coarse = await sharp({ create: { width: width / 4, height: height / 4, channels: 3, background: '#000', noise } })
        .png()
        .toBuffer();
      basePixels = await sharp(coarse).resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
    }
    return basePixels;
  };
  let scanJpeg: Buffer | undefined;
  const files: UploadFile[] = [];
  for (let index = 0; index < count; index++) {
    const isPhoto = index % 4 === 3;
    const filename = isPhoto ? `IMG_${String(index).padStart(4, '0')}.jpg` : `scan-${String(index).padStart(4, '0')}.pdf`;
    const file = path.join(FILE_CACHE, filename);
    if (!fs.existsSync(file)) {
      if (isPhoto) {
        // A patch of its own per photo, so the re-encoded bytes (and their hash) differ too.
        const raw = Buffer.from(await pixels());
        for (let row = 0; row < 64; row++)
          raw.fill(index % 256, ((row + (index % 50) * 40) * width + 100) * 3, ((row + (index % 50) * 40) * width + 400) * 3);
        await sharp(raw, { raw: { width, height, channels: 3 } })
          .jpeg({ quality: 92 })
          .toFile(file);
      } else {
        scanJpeg ??= await sharp(await pixels(), { raw: { width, height, channels: 3 } })
          .resize(3300, 2480)
          .jpeg({ quality: 94 })
          .toBuffer();
        const pdf = await PDFDocument.create();
        const page = pdf.addPage([595.28, 841.89]);
        const image = await pdf.embedJpg(scanJpeg);
        page.drawImage(image, { x: 20, y: 20, width: 555, height: 800 });
        page.drawRectangle({ x: 20 + (index % 500), y: 820, width: 10, height: 10, color: rgb(0.2, 0.2, 0.2) });
        pdf.setTitle(`scan ${index}`);
        fs.writeFileSync(file, await pdf.save());
      }
    }
    files.push({ path: file, filename, byteSize: fs.statSync(file).size });
  }
  const total = files.reduce((sum, file) => sum + file.byteSize, 0);
  log(
    `evidence-upload: ${files.length} files, ${(total / 1024 / 1024).toFixed(0)} MB, ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return files;
}

/** Claimants of the demo case, signed in as a browser does; returns their session cookies and an evidence kind. */
async function enrollUploaders(server: TestServer, count: number): Promise<{ cookies: string[]; kind: string }> {
  const [{ openDatabaseAt }, schema, { eq }, { enrollClaimant }, { offeredEvidenceKinds }] = await Promise.all([
    import('@/db/client'),
    import('@/db/schema'),
    import('drizzle-orm'),
    import('@/lib/claimants/enrollment'),
    import('@/lib/claimants/claim-context'),
  ]);
  const handle = await openDatabaseAt({ databaseUrl: server.databaseUrl! });
  const db = handle.db;
  const [demo] = await db
    .select({ passwordHash: schema.users.passwordHash })
    .from(schema.users)
    .where(eq(schema.users.email, 'lawyer@joinder.test'));
  const [caseRow] = await db.select().from(schema.cases).where(eq(schema.cases.slug, CASE_SLUG));
  const emails = Array.from({ length: count }, (_, index) => `uploader-${index}@bench.test`);
  const inserted = await db
    .insert(schema.users)
    .values(
      emails.map((email, index) => ({ email, name: `업로더 ${index}`, passwordHash: demo.passwordHash, emailVerifiedAt: new Date() })),
    )
    .returning({ id: schema.users.id });
  let kind = '';
  for (const user of inserted) {
    const claimant = await enrollClaimant(db, { userId: user.id, caseSlug: CASE_SLUG, locale: 'ko' });
    kind ||= (await offeredEvidenceKinds(db, claimant, caseRow))[0] ?? '';
  }
  await handle.close();
  if (!kind) throw new Error(`${CASE_SLUG} offers a new claimant no evidence kind`);
  const cookies: string[] = [];
  for (const email of emails) cookies.push(await signInAs(server, email));
  return { cookies, kind };
}

async function upload(pool: Pool, server: TestServer, cookie: string, kind: string, file: UploadFile): Promise<number> {
  const query = new URLSearchParams({ kind, label: '증거', filename: file.filename });
  const response = await pool.request({
    method: 'POST',
    path: `/api/evidence/upload/${CASE_SLUG}?${query}`,
    headers: { cookie, origin: server.baseUrl, 'content-type': 'application/octet-stream', 'content-length': String(file.byteSize) },
    body: fs.createReadStream(file.path),
  });
  await response.body.dump();
  return response.statusCode;
}

/** One store: a fresh server on it, a few warm-up uploads, then every file at once. */
async function runAgainstStore(
  label: string,
  env: Record<string, string>,
  files: UploadFile[],
  warmUp: UploadFile[],
  log: (message: string) => void,
): Promise<StoreRun> {
  const databaseUrl = await recreateDatabase(`joinder_bench_evidence_${label}`);
  const server = await startTestServer({ databaseUrl, env: { DATABASE_POOL_MAX: '20', ...env } });
  try {
    const uploaders = Math.ceil(files.length / UPLOADS_PER_CLAIMANT);
    const { cookies, kind } = await enrollUploaders(server, uploaders + warmUp.length);
    const pool = new Pool(server.baseUrl, { connections: files.length, pipelining: 1 });
    const warm = await Promise.all(warmUp.map((file, index) => upload(pool, server, cookies[uploaders + index], kind, file)));
    if (warm.some((status) => status !== 201))
      throw new Error(`${label}: warm-up uploads answered ${warm.join(', ')}\n${server.logs().slice(-2000)}`);
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rss = trackProcessRss(server.pid, 50);
    const baselineRssMb = rss.stop();
    const during = trackProcessRss(server.pid, 50);
    const durations: number[] = [];
    const statuses: Record<number, number> = {};
    const started = performance.now();
    await Promise.all(
      files.map(async (file, index) => {
        const sentAt = performance.now();
        const status = await upload(pool, server, cookies[Math.floor(index / UPLOADS_PER_CLAIMANT)], kind, file).catch(() => 0);
        durations.push(performance.now() - sentAt);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }),
    );
    const wallMs = performance.now() - started;
    const peakRssMb = during.stop();
    await pool.close();
    log(
      `evidence-upload ${label}: ${files.length} uploads in ${(wallMs / 1000).toFixed(1)} s, statuses ${JSON.stringify(statuses)}, server RSS ${baselineRssMb} → ${peakRssMb} MB`,
    );
    if ((statuses[201] ?? 0) !== files.length) log(server.logs().slice(-3000));
    return { wallMs, durations, statuses, baselineRssMb, peakRssMb };
  } finally {
    await server.stop();
  }
}

/** Both servers and this process seal and sign with the same keys, so claimants enrolled here read back there. */
function sharedSecrets(): Record<string, string> {
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    JOINDER_ENCRYPTION_KEYS: `b1:${randomBytes(32).toString('base64')}`,
    JOINDER_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    JOINDER_AUDIT_KEYS: `a1:${randomBytes(32).toString('base64')}`,
  };
  Object.assign(process.env, secrets, { JOINDER_JOBS: 'off' });
  return secrets;
}

async function runEvidenceUpload(context: BenchContext): Promise<BenchResult> {
  const secrets = sharedSecrets();
  const count = Math.max(20, Math.round(200 * context.scale));
  const all = await prepareFiles(count + 4, context.log);
  const files = all.slice(0, count);
  const warmUp = all.slice(count);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-bench-fs-'));
  const s3 = await startS3rver();
  try {
    const fsRun = await runAgainstStore('fs', { ...secrets, BLOB_STORE: `file://${folder}` }, files, warmUp, context.log);
    const s3Run = await runAgainstStore(
      's3',
      {
        ...secrets,
        ...s3.env,
        BLOB_STORE: `s3://${BENCH_BUCKET}`,
      },
      files,
      warmUp,
      context.log,
    );
    const megabytesPerSecond = (run: StoreRun) => files.reduce((sum, file) => sum + file.byteSize, 0) / 1024 / 1024 / (run.wallMs / 1000);
    const value = megabytesPerSecond(s3Run);
    const ceiling = megabytesPerSecond(fsRun);
    const ratio = value / ceiling;
    const growthMb = s3Run.peakRssMb - s3Run.baselineRssMb;
    const fsGrowthMb = fsRun.peakRssMb - fsRun.baselineRssMb;
    const allStored = s3Run.statuses[201] === files.length && fsRun.statuses[201] === files.length;
    return {
      name: 'evidence-upload',
      ...summarize(s3Run.durations, s3Run.wallMs),
      peakRssMb: s3Run.peakRssMb,
      value,
      unit: 'MB/s',
      ceiling,
      ratio,
      target: '≥ 0.8× the filesystem store, server RSS growth ≤ 300 MB, every upload stored',
      pass: allStored && ratio >= 0.8 && growthMb <= 300,
      notes:
        `${files.length} concurrent ${(FILE_BYTES / 1024 / 1024).toFixed(0)} MB uploads (¾ scanned PDFs, ¼ photos re-encoded); ` +
        `S3 (s3rver) ${value.toFixed(1)} MB/s, RSS +${growthMb} MB; filesystem ${ceiling.toFixed(1)} MB/s, RSS +${fsGrowthMb} MB`,
    };
  } finally {
    await s3.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export const scenarios: BenchScenario[] = [
  {
    name: 'evidence-upload',
    description: '200 concurrent 5 MB evidence uploads to S3 (s3rver) against the same to the filesystem store, server RSS growth',
    run: runEvidenceUpload,
  },
];
