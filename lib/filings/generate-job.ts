import { MessageChannel } from 'node:worker_threads';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { filingClaimants, filings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { defineJob } from '@/lib/jobs/define';
import { getJobState } from '@/lib/jobs/boss';
import { type JobContext, PermanentJobError, type QueuedJob } from '@/lib/jobs/types';
import { WorkerTaskError, runInWorker } from '@/lib/jobs/worker-thread';
import { numberExhibits } from '@/lib/pdf/exhibits/numbering';
import type { ClaimantSnapshot } from '@/lib/pdf/types';
import { type RenderAnnex, buildAuthorityAttachments } from './authority-attachments';
import { findDamagedBlobs, serveEvidence } from './evidence-channel';
import { type RenderExhibitList, buildExhibitListAttachment } from './exhibit-list-attachment';
import { filingGenerateKind } from './job-kind';
import type { FilingOptions } from './options';
import { type RenderPartyListXlsx, buildPartyListAttachment } from './party-list-attachment';
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
const renderAnnexInWorker: RenderAnnex = (annex, options, maxBytes) =>
  runInWorker<RenderedAttachmentPart[]>({
    module: RENDER_MODULE,
    exportName: 'renderAuthorityAnnexTask',
    input: { annex, options, maxBytes },
    timeoutMs: renderTimeoutMs(annex.rows.length, 0),
    maxHeapMb: RENDER_HEAP_MB,
  });

const renderPartyListXlsxInWorker: RenderPartyListXlsx = (list, options) =>
  runInWorker<Uint8Array>({
    module: RENDER_MODULE,
    exportName: 'renderPartyListXlsxTask',
    input: { list, options },
    timeoutMs: renderTimeoutMs(list.rows.length, 0),
    maxHeapMb: RENDER_HEAP_MB,
  });

/** The exhibit list (증거목록), drawn in a worker like the annex: one row per file of the packet. */
const renderExhibitListInWorker: RenderExhibitList = (list, options, maxBytes) =>
  runInWorker<RenderedAttachmentPart[]>({
    module: RENDER_MODULE,
    exportName: 'renderExhibitListTask',
    input: { list, options, maxBytes },
    timeoutMs: renderTimeoutMs(0, list.exhibits.length),
    maxHeapMb: RENDER_HEAP_MB,
  });

export function failureMessage(failure: Pick<RenderFailure, 'messageKey' | 'params'>): string {
  return Object.keys(failure.params).length ? `${failure.messageKey}|${JSON.stringify(failure.params)}` : failure.messageKey;
}

/**
 * Marks the filing running (again, after a crash: progress starts over); null when there is
 * nothing to do. Only the filing's own job (filings.job_id) may run it: a stray or duplicated
 * job for the same filing changes nothing.
 */
async function startRun(db: Database, filingId: string, jobId: string): Promise<(RunnableFiling & { options: FilingOptions }) | null> {
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
    });
  return filing ? { ...filing, options: filing.options as FilingOptions } : null;
}

const PARSE_SLICE = 2_000;

/**
 * The filing's snapshots, parsed for this thread, and the same rows as JSON bytes in slices for
 * the render worker. Handing the worker parsed objects would copy them on this thread in one go
 * (0.7 s of a stalled web server at 100,000 claimants); the slices are made a turn of the event
 * loop apart and transferred, and the worker parses them itself.
 */
async function loadSnapshots(db: Database, filingId: string): Promise<{ claimants: ClaimantSnapshot[]; json: Uint8Array[] }> {
  const rows = await db
    .select({ snapshot: sql<string>`${filingClaimants.snapshot}::text` })
    .from(filingClaimants)
    .where(eq(filingClaimants.filingId, filingId))
    .orderBy(asc(filingClaimants.position));
  const claimants: ClaimantSnapshot[] = [];
  const json: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for (let start = 0; start < rows.length; start += PARSE_SLICE) {
    // The web requests this thread also serves go first.
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const texts = rows.slice(start, start + PARSE_SLICE).map((row) => row.snapshot);
    for (const text of texts) claimants.push(JSON.parse(text) as ClaimantSnapshot);
    json.push(encoder.encode(texts.join(',')));
  }
  return { claimants, json };
}

/**
 * Before anything is drawn: every evidence file must still hash to the SHA-256 recorded at
 * upload (checked inside the database). A file that changed in storage stops the filing, naming
 * the exhibit and the file; the worker later gets each file again, re-checked, as it needs it.
 */
async function checkEvidence(db: Database, claimants: readonly ClaimantSnapshot[], options: FilingOptions): Promise<Set<string>> {
  const items = claimants.flatMap((claimant) => claimant.evidence.map((evidence) => ({ claimant, evidence })));
  const hashes = new Set(items.map((item) => item.evidence.sha256));
  const { missing, mismatched } = await findDamagedBlobs(db, [...hashes]);
  const damaged = mismatched[0] ?? missing[0];
  if (damaged) {
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
  try {
    const { options } = filing;
    const { claimants, json } = await loadSnapshots(db, filing.id);
    const hashes = options.documents.exhibits ? await checkEvidence(db, claimants, options) : new Set<string>();
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
      evidencePort: channel?.port2,
    };
    monitor.start();
    const packed = await runInWorker<Uint8Array>({
      module: RENDER_MODULE,
      exportName: 'renderFilingPacketTask',
      input,
      // The worker's end of the evidence channel and the snapshots' bytes move to it.
      transferList: [...json.map((slice) => slice.buffer as ArrayBuffer), ...(channel ? [channel.port2] : [])],
      timeoutMs: renderTimeoutMs(claimants.length, hashes.size),
      maxHeapMb: RENDER_HEAP_MB,
      signal: monitor.signal,
      onProgress: monitor.update,
    });
    stopServing();
    monitor.stop();
    const result = unpackRenderResult(packed);
    if (!result.ok) throw new FilingFailure(result.failure);
    // A job cancelled in pg-boss while the render ran may not have been noticed yet (its heartbeat
    // is seconds apart): ask once more before storing anything.
    if ((await getJobState(db, job.kind, job.id)) === 'cancelled') return markCancelled(db, filing);
    // Read after the render, just before storing: the audit entries it names are the chain as it
    // stands when the packet is recorded as built.
    const builtAt = new Date();
    const attachments = await buildAuthorityAttachments(db, filing.id, options, builtAt, renderAnnexInWorker);
    // The spreadsheet goes with the printed party list, never without it.
    if (options.documents.partyList)
      attachments.unshift(await buildPartyListAttachment(db, filing.id, claimants, options, renderPartyListXlsxInWorker));
    attachments.push(...(await buildExhibitListAttachment(db, filing, claimants, options, builtAt, renderExhibitListInWorker)));
    await storeRenderedParts(db, filing, result, attachments);
  } catch (error) {
    monitor.stop();
    stopServing();
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
