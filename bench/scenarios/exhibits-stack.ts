import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { type Database, closeDb, getDb } from '@/db/client';
import { blobs, cases, claimantSelections, claimants, damageItems, evidence, filingParts, filings, users } from '@/db/schema';
import { DEMO_CASE_SLUG } from '@/db/seed/demo-case';
import { hangulInitials, normalizeName } from '@/lib/format/names';
import { encryptField } from '@/lib/crypto/field-encryption';
import { sha256Hex } from '@/lib/crypto/hash';
import { resetEnvCache } from '@/lib/env';
import { createFiling } from '@/lib/filings/create-filing';
import { parseFilingRequest } from '@/lib/filings/schemas';
import { makePhoto, makeSamplePdf, makeScreenshot } from '@/lib/pdf/__fixtures__/exhibit-files';
import { syntheticClaimants } from '@/lib/pdf/__fixtures__/synthetic-claimants';
import { runLoad, trackProcessRss } from '../lib/load';
import { benchServer } from '../lib/server';
import type { BenchContext, BenchResult, BenchScenario } from '../lib/types';

/** Health is polled by a few clients at once, as a load balancer and a couple of browsers would. */
const HEALTH_CONCURRENCY = 4;
const WINDOW_MS = 2_000;
const FILES_PER_CLAIMANT = 2.5;

type SeedFile = {
  bytes: Uint8Array;
  mime: string;
  label: string;
  filename: string;
  kind: 'isp_bill' | 'screenshot' | 'other';
  pageCount: number | null;
};

/** The renderer bench's mix: 1–5 page PDFs (60 %), phone photos (25 %), PNG photos (10 %), screenshots (5 %). */
async function generateFiles(count: number): Promise<SeedFile[]> {
  const files: SeedFile[] = [];
  for (let index = 0; index < count; index++) {
    const roll = index % 20;
    if (roll < 12) {
      const pages = 1 + (index % 5);
      files.push({
        bytes: await makeSamplePdf({ pages, seed: index, rotate: index % 37 === 0 ? 90 : 0 }),
        mime: 'application/pdf',
        label: `통신요금 고지서 ${pages}면`,
        filename: `bill-${index}.pdf`,
        kind: 'isp_bill',
        pageCount: pages,
      });
    } else if (roll < 17) {
      files.push({
        bytes: await makePhoto('jpeg', index, 1280, 960),
        mime: 'image/jpeg',
        label: '장애 당시 사진',
        filename: `IMG_${index}.jpg`,
        kind: 'other',
        pageCount: null,
      });
    } else if (roll < 19) {
      files.push({
        bytes: await makePhoto('png', index, 800, 600),
        mime: 'image/png',
        label: '매장 사진 (PNG)',
        filename: `photo-${index}.png`,
        kind: 'other',
        pageCount: null,
      });
    } else {
      files.push({
        bytes: await makeScreenshot(index, index % 40 === 19, 1280, 800),
        mime: 'image/png',
        label: '접속 오류 화면',
        filename: `screen-${index}.png`,
        kind: 'screenshot',
        pageCount: null,
      });
    }
  }
  return files;
}

/** Verified claimants of the demo case, each with their share of the files; returns their ids in filing order. */
async function seedClaimants(db: Database, caseId: string, files: readonly SeedFile[]): Promise<string[]> {
  const people = syntheticClaimants(Math.ceil(files.length / FILES_PER_CLAIMANT), 2003);
  const now = new Date();
  const ids: string[] = [];
  for (const [index, person] of people.entries()) {
    const [user] = await db
      .insert(users)
      .values({ email: `stack-${index}-${now.getTime()}@bench.test`, name: person.legalName, passwordHash: '!bench' })
      .returning({ id: users.id });
    const [claimant] = await db
      .insert(claimants)
      .values({
        caseId,
        userId: user.id,
        referenceNumber: `STK-${String(index + 1).padStart(6, '0')}`,
        status: 'verified',
        category: person.category?.id,
        legalName: person.legalName,
        nameNormalized: normalizeName(person.legalName),
        nameInitials: hangulInitials(person.legalName),
        dateOfBirthEncrypted: encryptField(person.dateOfBirth),
        addressEncrypted: encryptField(person.address),
        phoneEncrypted: encryptField(person.phone ?? null),
        locality: person.locality,
        claimedTotalKrw: person.damages.totalKrw,
        submittedAt: now,
        verifiedAt: now,
      })
      .returning({ id: claimants.id });
    await db.insert(damageItems).values(
      person.damages.items.map((item, position) => ({
        claimantId: claimant.id,
        caseId,
        position,
        category: 'other' as const,
        description: item.description,
        amountKrw: item.amountKrw,
      })),
    );
    const mine = files.slice(Math.floor(index * FILES_PER_CLAIMANT), Math.floor((index + 1) * FILES_PER_CLAIMANT));
    for (const file of mine) {
      const sha256 = sha256Hex(file.bytes);
      await db.insert(blobs).values({ sha256, bytes: file.bytes, byteSize: file.bytes.length, mime: file.mime }).onConflictDoNothing();
      await db.insert(evidence).values({
        claimantId: claimant.id,
        caseId,
        kind: file.kind,
        label: file.label,
        originalFilename: file.filename,
        detectedMime: file.mime,
        byteSize: file.bytes.length,
        sha256,
        pageCount: file.pageCount,
        uploadedBy: user.id,
      });
    }
    ids.push(claimant.id);
  }
  return ids;
}

/** Polls the filing until it ends; `signal.doneAt` is when that was seen (the load window running then still finishes). */
async function waitForFiling(
  db: Database,
  filingId: string,
  signal: { isDone: boolean; doneAt: number },
): Promise<typeof filings.$inferSelect> {
  for (;;) {
    const [row] = await db.select().from(filings).where(eq(filings.id, filingId));
    if (row.status === 'done' || row.status === 'failed' || row.status === 'cancelled') {
      signal.isDone = true;
      signal.doneAt = performance.now();
      return row;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The whole stack: 1,000 evidence files on verified claimants in PostgreSQL, an exhibit-bundle
 * packet requested through the domain function, built by the server's job runner in a worker
 * thread, stored as parts — while /api/health is polled to prove the server stays responsive.
 */
async function runExhibitsStack(context: BenchContext): Promise<BenchResult> {
  const keys = {
    JOINDER_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    JOINDER_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  };
  const server = await benchServer('exhibits-stack', { fresh: true, env: keys });
  // This process writes the claimants the server will decrypt: same database, same keys.
  Object.assign(process.env, keys, { DATABASE_URL: server.databaseUrl });
  resetEnvCache();
  const db = await getDb();
  try {
    const [found] = await db.select().from(cases).where(eq(cases.slug, DEMO_CASE_SLUG));
    const count = Math.round(1000 * context.scale);
    let started = performance.now();
    const files = await generateFiles(count);
    context.log(
      `exhibits-1k-stack: generated ${files.length} files (${(files.reduce((sum, file) => sum + file.bytes.length, 0) / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    started = performance.now();
    const ids = await seedClaimants(db, found.id, files);
    const [lawyer] = await db.select().from(users).where(eq(users.email, 'lawyer@joinder.test'));
    const [selection] = await db
      .insert(claimantSelections)
      .values({ caseId: found.id, name: `bench ${Date.now()}`, claimantIds: ids })
      .returning();
    context.log(`exhibits-1k-stack: seeded ${ids.length} verified claimants in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    await runLoad({
      baseUrl: server.baseUrl,
      concurrency: HEALTH_CONCURRENCY,
      durationMs: 1_000,
      makeRequest: () => ({ path: '/api/health' }),
    });
    // The same load with nothing rendering: on a shared machine this is the floor the render is held against.
    const idle = await runLoad({
      baseUrl: server.baseUrl,
      concurrency: HEALTH_CONCURRENCY,
      durationMs: 3_000,
      makeRequest: () => ({ path: '/api/health' }),
    });
    const rss = trackProcessRss(server.pid, 50);
    const input = parseFilingRequest({
      docExhibits: 'on',
      powerOfAttorney: 'none',
      claimantSource: 'selection',
      selectionId: selection.id,
      format: 'kr',
      language: 'ko',
      batesPrefix: 'STK',
      batesStart: '1',
      maxPartMb: '50',
    });
    const requestedAt = performance.now();
    const { filingId } = await createFiling(db, { userId: lawyer.id, ip: null }, found, input);
    const requestSeconds = (performance.now() - requestedAt) / 1000;
    const state = { isDone: false, doneAt: 0 };
    const finished = waitForFiling(db, filingId, state);
    const windows: Awaited<ReturnType<typeof runLoad>>[] = [];
    while (!state.isDone)
      windows.push(
        await runLoad({
          baseUrl: server.baseUrl,
          concurrency: HEALTH_CONCURRENCY,
          durationMs: WINDOW_MS,
          makeRequest: () => ({ path: '/api/health' }),
        }),
      );
    const filing = await finished;
    context.log(
      `exhibits-1k-stack: health p99 per ${WINDOW_MS / 1000}-s window: ${windows.map((window) => window.p99Ms.toFixed(0)).join(' ')} ms (idle ${idle.p99Ms.toFixed(0)} ms)`,
    );
    const elapsed = (state.doneAt - requestedAt) / 1000;
    const peakRssMb = rss.stop();
    if (filing.status !== 'done') throw new Error(`filing ended ${filing.status}: ${filing.error}`);

    const parts = await db
      .select()
      .from(filingParts)
      .where(and(eq(filingParts.filingId, filingId)));
    const renderSeconds = (filing.finishedAt!.getTime() - filing.startedAt!.getTime()) / 1000;
    const requests = windows.reduce((sum, window) => sum + window.n, 0);
    const failures = windows.reduce(
      (sum, window) =>
        sum +
        window.errors +
        Object.entries(window.statuses)
          .filter(([status]) => status !== '200')
          .reduce((n, [, c]) => n + c, 0),
      0,
    );
    // Each window's exact p99; the worst window bounds the whole run's p99 from above.
    const p99 = Math.max(...windows.map((window) => window.p99Ms));
    const medians = windows.map((window) => window.medianMs).sort((a, b) => a - b);
    const notes = `${files.length} files on ${ids.length} claimants → ${filing.progressTotal} pages in ${parts.length} part(s), ${(parts.reduce((sum, part) => sum + part.byteSize, 0) / 1e6).toFixed(1)} MB; request ${requestSeconds.toFixed(1)} s, job ${renderSeconds.toFixed(1)} s, ${elapsed.toFixed(1)} s in all; health ${requests} requests at ${HEALTH_CONCURRENCY} concurrent, worst-window p99 ${p99.toFixed(1)} ms (idle p99 ${idle.p99Ms.toFixed(1)} ms), ${failures} failed`;
    context.log(`exhibits-1k-stack: ${notes}; server peak RSS ${peakRssMb} MB`);
    return {
      name: 'exhibits-1k-stack',
      n: requests,
      medianMs: medians[Math.floor(medians.length / 2)] ?? 0,
      p95Ms: Math.max(...windows.map((window) => window.p95Ms)),
      p99Ms: p99,
      throughput: requests / ((performance.now() - requestedAt) / 1000),
      peakRssMb,
      value: Number(elapsed.toFixed(1)),
      unit: 's',
      ceiling: null,
      ratio: null,
      target: '≤ 60 s, server ≤ 1 GB peak RSS, health p99 ≤ 100 ms',
      pass: elapsed <= 60 && peakRssMb <= 1024 && p99 <= 100 && failures === 0,
      notes,
    };
  } finally {
    await closeDb();
  }
}

export const scenarios: BenchScenario[] = [
  {
    name: 'exhibits-1k-stack',
    description:
      'Exhibit-bundle packet of 1,000 evidence files through the job queue and worker thread on PostgreSQL, with /api/health polled meanwhile',
    run: runExhibitsStack,
  },
];
