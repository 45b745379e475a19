import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  type CourtFiling,
  type Filing,
  type FilingAttachment,
  type FilingPart,
  auditLog,
  courtFilings,
  filingAttachments,
  filingClaimants,
  filingParts,
  filings,
  users,
} from '@/db/schema';
import type { PreflightResult } from '@/lib/pdf/types';
import type { FilingOptions } from './options';
import type { RenderedPartMeta } from './render-result';

export type FilingRow = Omit<Filing, 'options'> & { options: FilingOptions };
export type CourtFilingSummary = Pick<CourtFiling, 'filedOn' | 'court' | 'courtCaseNumber'>;
export type FilingListItem = FilingRow & {
  createdByName: string | null;
  claimantCount: number;
  partCount: number;
  /** Set once a lawyer recorded that this packet was filed; a draft until then. */
  courtFiling: CourtFilingSummary | null;
};

/** What each stored part carries besides its bytes (see generate-job.ts). */
export type PartPreflight = PreflightResult & {
  documents: string[];
  group: RenderedPartMeta['group'];
  exhibit?: RenderedPartMeta['exhibit'];
};
export type FilingPartRow = Omit<FilingPart, 'preflight'> & { preflight: PartPreflight | null };

const claimantCount = sql<number>`(select count(*)::int from ${filingClaimants} where ${filingClaimants.filingId} = ${filings.id})`;
const partCount = sql<number>`(select count(*)::int from ${filingParts} where ${filingParts.filingId} = ${filings.id})`;
const courtFiling = { filedOn: courtFilings.filedOn, court: courtFilings.court, courtCaseNumber: courtFilings.courtCaseNumber };

type ListRow = {
  filing: Filing;
  createdByName: string | null;
  claimantCount: number;
  partCount: number;
  courtFiling: CourtFilingSummary | null;
};

function toListItem(row: ListRow): FilingListItem {
  return {
    ...(row.filing as FilingRow),
    createdByName: row.createdByName,
    claimantCount: row.claimantCount,
    partCount: row.partCount,
    courtFiling: row.courtFiling?.filedOn ? row.courtFiling : null,
  };
}

/** Every version of the case's filings, newest first. */
export async function listFilings(db: Database, caseId: string): Promise<FilingListItem[]> {
  const rows = await db
    .select({ filing: filings, createdByName: users.name, claimantCount, partCount, courtFiling })
    .from(filings)
    .leftJoin(users, eq(users.id, filings.createdBy))
    .leftJoin(courtFilings, eq(courtFilings.filingId, filings.id))
    .where(eq(filings.caseId, caseId))
    .orderBy(desc(filings.version));
  return rows.map(toListItem);
}

/** One version of the case's filings; the case id in the WHERE clause keeps other cases' filings out. */
export async function findFiling(db: Database, caseId: string, version: number): Promise<FilingListItem | null> {
  const [row] = await db
    .select({ filing: filings, createdByName: users.name, claimantCount, partCount, courtFiling })
    .from(filings)
    .leftJoin(users, eq(users.id, filings.createdBy))
    .leftJoin(courtFilings, eq(courtFilings.filingId, filings.id))
    .where(and(eq(filings.caseId, caseId), eq(filings.version, version)));
  return row ? toListItem(row) : null;
}

export type FilingProgress = Pick<Filing, 'status' | 'progressDone' | 'progressTotal' | 'error'>;

/** The small record the progress bar polls. */
export async function findFilingProgress(db: Database, caseId: string, version: number): Promise<FilingProgress | null> {
  const [row] = await db
    .select({ status: filings.status, progressDone: filings.progressDone, progressTotal: filings.progressTotal, error: filings.error })
    .from(filings)
    .where(and(eq(filings.caseId, caseId), eq(filings.version, version)));
  return row ?? null;
}

export async function listFilingParts(db: Database, filingId: string): Promise<FilingPartRow[]> {
  const rows = await db.select().from(filingParts).where(eq(filingParts.filingId, filingId)).orderBy(asc(filingParts.partNumber));
  return rows as FilingPartRow[];
}

/** The files generated beside the parts (the proof of authority annex and manifest …), in kind order, each kind's parts in order. */
export async function listFilingAttachments(db: Database, filingId: string): Promise<FilingAttachment[]> {
  return db
    .select()
    .from(filingAttachments)
    .where(eq(filingAttachments.filingId, filingId))
    .orderBy(asc(filingAttachments.kind), asc(filingAttachments.part));
}

export type FilingClaimantLine = {
  position: number;
  claimantId: string;
  referenceNumber: string;
  legalName: string;
  locality: string;
  totalKrw: number;
  evidenceCount: number;
  hasStatement: boolean;
};

/** A page of the claimants a version holds, read from the frozen snapshots (not today's records). */
export async function listFilingClaimants(
  db: Database,
  filingId: string,
  page: { offset: number; limit: number },
): Promise<{ total: number; lines: FilingClaimantLine[] }> {
  const snapshot = filingClaimants.snapshot;
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(filingClaimants).where(eq(filingClaimants.filingId, filingId)),
    db
      .select({
        position: filingClaimants.position,
        claimantId: filingClaimants.claimantId,
        referenceNumber: sql<string>`${snapshot}->>'referenceNumber'`,
        legalName: sql<string>`${snapshot}->>'legalName'`,
        locality: sql<string>`${snapshot}->>'locality'`,
        totalKrw: sql<string>`${snapshot}->'damages'->>'totalKrw'`,
        evidenceCount: sql<number>`jsonb_array_length(coalesce(${snapshot}->'evidence', '[]'::jsonb))`,
        hasStatement: sql<boolean>`(${snapshot} ? 'statement')`,
      })
      .from(filingClaimants)
      .where(eq(filingClaimants.filingId, filingId))
      .orderBy(asc(filingClaimants.position))
      .offset(page.offset)
      .limit(page.limit),
  ]);
  return {
    total,
    lines: rows.map((row) => ({
      ...row,
      totalKrw: Number(row.totalKrw ?? 0),
      evidenceCount: Number(row.evidenceCount),
      hasStatement: Boolean(row.hasStatement),
    })),
  };
}

export type CourtFilingCorrection = {
  id: number;
  occurredAt: Date;
  actorName: string | null;
  reason: string;
  before: CourtFilingSummary;
  after: CourtFilingSummary;
};

/**
 * The corrections of a recorded filing, newest first, as correct-court-filing.ts wrote them to the
 * audit log (the court_filings row holds only the current values). The case id keeps the lookup
 * inside the caller's case; the subject index finds the filing's entries.
 */
export async function listCourtFilingCorrections(db: Database, caseId: string, filingId: string): Promise<CourtFilingCorrection[]> {
  const rows = await db
    .select({ id: auditLog.id, occurredAt: auditLog.occurredAt, actorName: users.name, details: auditLog.details })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.subjectType, 'filing'),
        eq(auditLog.subjectId, filingId),
        eq(auditLog.caseId, caseId),
        eq(auditLog.action, 'filing.record_corrected'),
      ),
    )
    .orderBy(desc(auditLog.id));
  return rows.map(({ details, ...row }) => {
    const written = details as Pick<CourtFilingCorrection, 'reason' | 'before' | 'after'>;
    return { ...row, reason: written.reason, before: written.before, after: written.after };
  });
}
