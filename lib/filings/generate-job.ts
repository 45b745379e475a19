import { MessageChannel } from 'node:worker_threads';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, filingClaimants, filings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { defineJob } from '@/lib/jobs/define';
import { getJobState } from '@/lib/jobs/boss';
import { type JobContext, PermanentJobError, type QueuedJob } from '@/lib/jobs/types';
import { WorkerTaskError, runInWorker } from '@/lib/jobs/worker-thread';
import { numberExhibits } from '@/lib/pdf/exhibits/numbering';
import type { ClaimantSnapshot } from '@/lib/pdf/types';
import { type BuiltAttachment, type RenderAnnex, buildAuthorityAttachments } from './authority-attachments';
import { findDamagedBlobs, serveEvidence } from './evidence-channel';
import { exhibitListAttachments } from './exhibit-list-attachment';
import { filingGenerateKind } from './job-kind';
import type { FilingOptions } from './options';
import { partyListAttachment } from './party-list-attachment';
import type { RenderPacketTaskInput } from './render/render-packet';
import { FilingFailure, type RenderFailure, type RenderedAttachmentPart, unpackRenderResult } from './render-result';
import { RunMonitor } from './run-monitor';
import { type RunnableFiling, storeRenderedParts } from './store-parts';

export const RENDER_MODULE = 'lib/filings/render/render-packet.ts';
/** Rendering runs in a worker with a heap cap, so one runaway packet cannot take the server down. */
export const RENDER_HEAP_MB = 1_536;

/** Time budget grows with the work: a base plus a little per claimant and per evidence file. */
export function renderTimeoutMs(claimants: number, files: number): number {
  return Math.min(60 * 60_000, 5 * 60_000 + 100 * claimants + 200 * files);
}

/** The proof of authority annex, drawn in a worker of its own like the packet. */
const renderAnnexInWorker: RenderAnnex = (manifest, info, options, maxBytes, signal) =>
  runInWorker<RenderedAttachmentPart[]>({
    module: RENDER_MODULE,
    exportName: 'renderAuthorityAnnexTask',
    // The manifest's chunks are shared memory: the worker reads them where they are.
    input: { manifest: { chunks: manifest.chunks, rows: manifest.rows, slices: manifest.slices }, info, options, maxBytes },
    timeoutMs: renderTimeoutMs(manifest.rows, 0),
    maxHeapMb: RENDER_HEAP_MB,
    signal,
  });

export function failureMessage(failure: Pick<RenderFailure, 'messageKey' | 'params'>): string {
  return Object.keys(failure.params).length ? `${failure.messageKey}|${JSON.stringify(failure.params)}` : failure.messageKey;
}

/**
 * Marks the filing running (again, after a crash: progress starts over); null when there is
 * nothing to do. Only the filing's own job (filings.job_id) may run it: a stray or duplicated
 * job for the same filing changes nothing.
 */
async function startRun(
  db: Database,
  filingId: string,
  jobId: string,
): Promise<(RunnableFiling & { options: FilingOptions; caseSlug: string }) | null> {
  const [filing] = await db
    .update(filings)
    .set({ status: 'running', startedAt: new Date(), progressDone: 0, error: null })
    .where(and(eq(filings.id, filingId), eq(filings.jobId, jobId), inArray(filings.status, ['queued', 'running'])))
    .returning({
      id: filings.id,
      caseId: filings.caseId,
      version: filings.version,
      createdBy: filings.createdBy,
      options: filings.options,
      // The stored files are named after the case.
      caseSlug: sql<string>`(select ${cases.slug} from ${cases} where ${cases.id} = ${filings.caseId})`,
    });
  return filing ? { ...filing, options: filing.options as FilingOptions } : null;
}

const SNAPSHOT_SLICE = 2_000;

/**
 * The filing's snapshots as JSON bytes, comma-separated, in slices for the render worker, read a
 * slice at a time in packet order. This thread never parses them: 100,000 snapshots are hundreds
 * of megabytes as objects, and parsing them here would stall the web server it also serves; the
 * slices are transferred and the worker parses them itself. The database joins each slice into
 * one text: a row's string per claimant, 300 MB of short-lived strings at 100,000, kept the
 * collector busy enough to delay the server's answers.
 */
async function loadSnapshotSlices(db: Database, filingId: string): Promise<{ count: number; json: Uint8Array[] }> {
  const json: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let count = 0;
  for (let after = -1; ;) {
    const slice = db
      .select({ position: filingClaimants.position, snapshot: filingClaimants.snapshot })
      .from(filingClaimants)
      .where(and(eq(filingClaimants.filingId, filingId), gt(filingClaimants.position, after)))
      .orderBy(asc(filingClaimants.position))
      .limit(SNAPSHOT_SLICE)
      .as('slice');
    const [joined] = await db
      .select({
        rows: sql<number>`count(*)::int`,
        last: sql<number | null>`max(${slice.position})`,
        json: sql<string | null>`string_agg(${slice.snapshot}::text, ',' order by ${slice.position})`,
      })
      .from(slice);
    if (!joined || joined.rows === 0 || joined.last === null || joined.json === null) break;
    json.push(encoder.encode(joined.json));
    count += joined.rows;
    after = joined.last;
  }
  return { count, json };
}

/** Every claimant's snapshot, parsed: only to name the exhibit of a damaged file, which stops the build anyway. */
async function loadSnapshots(db: Database, filingId: string): Promise<ClaimantSnapshot[]> {
  const rows = await db
    .select({ snapshot: filingClaimants.snapshot })
    .from(filingClaimants)
    .where(eq(filingClaimants.filingId, filingId))
    .orderBy(asc(filingClaimants.position));
  return rows.map((row) => row.snapshot as ClaimantSnapshot);
}

/**
 * Before anything is drawn: every evidence file must still hash to the SHA-256 recorded at
 * upload (checked inside the database). A file that changed in storage stops the filing, naming
 * the exhibit and the file; the worker later gets each file again, re-checked, as it needs it.
 */
async function checkEvidence(db: Database, filingId: string, options: FilingOptions): Promise<Set<string>> {
  const result = await db.execute(sql`
    select distinct file->>'sha256' as sha256
    from ${filingClaimants}, jsonb_array_elements(${filingClaimants.snapshot}->'evidence') as file
    where ${filingClaimants.filingId} = ${filingId}`);
  const hashes = new Set((result as unknown as { rows: { sha256: string }[] }).rows.map((row) => row.sha256));
  const { missing, mismatched } = await findDamagedBlobs(db, [...hashes]);
  const damaged = mismatched[0] ?? missing[0];
  if (damaged) {
    const claimants = await loadSnapshots(db, filingId);
    const items = claimants.flatMap((claimant) => claimant.evidence.map((evidence) => ({ claimant, evidence })));
    const { item, label } = numberExhibits(items, (entry) => entry.claimant.id, options.language).find(
      (exhibit) => exhibit.item.evidence.sha256 === damaged,
    )!;
    const params = { exhibit: label, file: `${item.evidence.originalFilename} (${item.claimant.referenceNumber})` };
    throw new FilingFailure(
      mismatched.length
        ? {
            code: 'exhibit_hash_mismatch',
            messageKey: 'filings.errors.hashMismatch',
            params,
            detail: `stored file ${damaged} no longer matches its hash`,
          }
        : { code: 'exhibit_missing', messageKey: 'filings.errors.evidenceMissing', params, detail: `blob ${damaged} not found` },
    );
  }
  return hashes;
}

async function markFailed(db: Database, filing: RunnableFiling, failure: RenderFailure): Promise<void> {
  await db.transaction(async (tx) => {
    const [failed] = await tx
      .update(filings)
      .set({ status: 'failed', finishedAt: new Date(), error: failureMessage(failure) })
      .where(and(eq(filings.id, filing.id), eq(filings.status, 'running')))
      .returning({ id: filings.id });
    if (!failed) return;
    await recordAudit(tx, {
      action: 'filing.failed',
      actorUserId: filing.createdBy,
      caseId: filing.caseId,
      subjectType: 'filing',
      subjectId: filing.id,
      details: { version: filing.version, code: failure.code },
    });
  });
}

/** When the job itself was cancelled (not through cancelFiling), the filing must not stay "running". */
async function markCancelled(db: Database, filing: RunnableFiling): Promise<void> {
  await db.transaction(async (tx) => {
    const now = new Date();
    const [cancelled] = await tx
      .update(filings)
      .set({ status: 'cancelled', cancelledAt: now, finishedAt: now })
      .where(and(eq(filings.id, filing.id), eq(filings.status, 'running')))
      .returning({ id: filings.id });
    if (cancelled)
      await recordAudit(tx, {
        action: 'filing.cancelled',
        actorUserId: null,
        caseId: filing.caseId,
        subjectType: 'filing',
        subjectId: filing.id,
        details: { version: filing.version, via: 'job' },
      });
  });
}

function toFailure(error: unknown): { failure: RenderFailure; isPermanent: boolean } {
  if (error instanceof FilingFailure) return { failure: error.failure, isPermanent: true };
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof WorkerTaskError && (error.reason === 'timeout' || error.reason === 'crashed')) {
    // The same input would hit the same wall again: no retry.
    return {
      failure: { code: `worker_${error.reason}`, messageKey: `filings.errors.worker_${error.reason}`, params: {}, detail },
      isPermanent: true,
    };
  }
  return { failure: { code: 'internal', messageKey: 'filings.errors.renderFailed', params: {}, detail }, isPermanent: false };
}

/**
 * The `filing.generate` job. Idempotent: a finished filing is left alone; a re-run (the queue
 * reclaims the job of a killed process) starts the render over, and nothing is stored until the
 * whole packet is done, in one transaction.
 */
export async function generateFiling(filingId: string, job: QueuedJob, context: JobContext): Promise<void> {
  const { db } = context;
  const filing = await startRun(db, filingId, job.id);
  if (!filing) return;
  const monitor = new RunMonitor(db, filing.id, context);
  let stopServing = () => {};
  const authorityAbort = new AbortController();
  monitor.signal.addEventListener('abort', () => authorityAbort.abort(), { once: true });
  let authority: Promise<BuiltAttachment[]> | undefined;
  try {
    const { options } = filing;
    const { count, json } = await loadSnapshotSlices(db, filing.id);
    const hashes = options.documents.exhibits ? await checkEvidence(db, filing.id, options) : new Set<string>();
    const channel = hashes.size ? new MessageChannel() : null;
    stopServing = channel ? serveEvidence(db, channel.port1, hashes) : () => {};
    const input: RenderPacketTaskInput = {
      caseInfo: options.caseInfo,
      claimantsJson: json,
      documents: options.documents,
      format: options.format,
      language: options.language,
      bates: options.bates,
      maxPartBytes: options.maxPartBytes,
      documentDate: options.documentDate,
      representativeClaimantIds: options.representativeClaimantIds,
      filingVersion: filing.version,
      evidencePort: channel?.port2,
    };
    monitor.start();
    // The proof of authority is read while the packet is drawn (this thread reads, the worker
    // draws), then drawn in a worker of its own once the packet's is done: the two renders of a
    // round each hold hundreds of megabytes, and side by side they took the server past 1.5 GB.
    // It is read as the build starts; the snapshots it names were frozen when the filing was requested.
    let packetDone = () => {};
    const packetRendered = new Promise<void>((resolve) => {
      packetDone = resolve;
    });
    const renderAnnexAfterPacket: RenderAnnex = async (...args) => {
      await packetRendered;
      return renderAnnexInWorker(...args);
    };
    authority = buildAuthorityAttachments(db, filing.id, options, new Date(), renderAnnexAfterPacket, authorityAbort.signal);
    // Awaited below; a failure before then must not surface as an unhandled rejection.
    authority.catch(() => {});
    const packed = await runInWorker<Uint8Array>({
      module: RENDER_MODULE,
      exportName: 'renderFilingPacketTask',
      input,
      // The worker's end of the evidence channel and the snapshots' bytes move to it.
      transferList: [...json.map((slice) => slice.buffer as ArrayBuffer), ...(channel ? [channel.port2] : [])],
      timeoutMs: renderTimeoutMs(count, hashes.size),
      maxHeapMb: RENDER_HEAP_MB,
      signal: monitor.signal,
      onProgress: monitor.update,
    }).finally(packetDone);
    stopServing();
    const result = unpackRenderResult(packed);
    if (!result.ok) throw new FilingFailure(result.failure);
    const attachments = await authority;
    monitor.stop();
    // A job cancelled in pg-boss while the render ran may not have been noticed yet (its heartbeat
    // is seconds apart): ask once more before storing anything.
    if ((await getJobState(db, job.kind, job.id)) === 'cancelled') return markCancelled(db, filing);
    const named = { caseSlug: filing.caseSlug, version: filing.version };
    // The spreadsheet goes with the printed party list, never without it (the worker writes both).
    for (const xlsx of result.attachments.filter((file) => file.kind === 'party_list_xlsx'))
      attachments.unshift(partyListAttachment(xlsx, named));
    const exhibitList = result.attachments.filter((file) => file.kind === 'exhibit_list');
    attachments.push(...exhibitListAttachments(exhibitList, named, options.maxPartBytes));
    await storeRenderedParts(db, filing, result, attachments);
  } catch (error) {
    monitor.stop();
    stopServing();
    // Whichever failed first, the other render stops too, and is over before the filing is marked.
    authorityAbort.abort();
    await authority?.catch(() => {});
    // Cancelled by a lawyer (the filing says so already), the job cancelled in pg-boss directly
    // (the filing follows), or the server shutting down (the job fails and pg-boss retries it).
    if (monitor.signal.aborted) {
      if (monitor.wasCancelled) return;
      if ((await getJobState(db, job.kind, job.id)) === 'cancelled') return markCancelled(db, filing);
      throw error;
    }
    const { failure, isPermanent } = toFailure(error);
    if (isPermanent || job.attempt >= job.maxAttempts) {
      await markFailed(db, filing, failure);
      throw new PermanentJobError(failure.detail);
    }
    throw error;
  }
}

/** The registered job (lib/server/job-registry.ts); generateFiling reads the filing id from the checked payload. */
export const filingGenerateJob = defineJob(filingGenerateKind, ({ filingId }, job, context) => generateFiling(filingId, job, context));
