import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { claimantSelections, claimants } from '@/db/schema';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { ClaimantChoice } from './options';
import { MAX_FILING_CLAIMANTS } from './options';
import { listReferences, splitReferences } from './schemas';

export type ClaimantRequest =
  | { source: 'all_verified' }
  | { source: 'selection'; selectionId: string }
  | { source: 'references'; references: string; selectionName: string };

export type ResolvedClaimants = { ids: string[]; choice: ClaimantChoice };

const SLICE = 5_000;

function invalid(field: string, key: string, params?: Record<string, string | number>): AppError {
  return new AppError('invalid_input', { fieldErrors: { [field]: params ? `${key}|${JSON.stringify(params)}` : key } });
}

async function statusesOf(db: Database, caseId: string, ids: readonly string[]) {
  const rows: { id: string; status: string; referenceNumber: string | null }[] = [];
  for (let start = 0; start < ids.length; start += SLICE) {
    const slice = ids.slice(start, start + SLICE);
    rows.push(
      ...(await db
        .select({ id: claimants.id, status: claimants.status, referenceNumber: claimants.referenceNumber })
        .from(claimants)
        .where(and(eq(claimants.caseId, caseId), inArray(claimants.id, slice)))),
    );
  }
  return rows;
}

async function byReference(db: Database, caseId: string, references: readonly string[]) {
  const rows: { id: string; status: string; referenceNumber: string | null }[] = [];
  for (let start = 0; start < references.length; start += SLICE) {
    const slice = references.slice(start, start + SLICE);
    rows.push(
      ...(await db
        .select({ id: claimants.id, status: claimants.status, referenceNumber: claimants.referenceNumber })
        .from(claimants)
        .where(and(eq(claimants.caseId, caseId), inArray(claimants.referenceNumber, slice)))),
    );
  }
  return rows;
}

/**
 * Which claimants a filing takes, in filing order. Filings take verified claimants of this case
 * only; a saved selection or a pasted list that names anyone else is refused with the reference
 * numbers at fault, rather than quietly filing fewer people than the lawyer asked for. A pasted
 * list is saved as a new selection (in the caller's transaction).
 */
export async function resolveClaimants(db: Database, caseId: string, userId: string, request: ClaimantRequest): Promise<ResolvedClaimants> {
  if (request.source === 'all_verified') {
    const rows = await db
      .select({ id: claimants.id })
      .from(claimants)
      .where(and(eq(claimants.caseId, caseId), eq(claimants.status, 'verified')))
      .orderBy(asc(claimants.referenceNumber), asc(claimants.id))
      .limit(MAX_FILING_CLAIMANTS + 1);
    if (rows.length === 0) throw invalid('claimantSource', 'filings.validation.noVerified');
    if (rows.length > MAX_FILING_CLAIMANTS)
      throw invalid('claimantSource', 'filings.validation.tooManyClaimants', { max: MAX_FILING_CLAIMANTS });
    return { ids: rows.map((row) => row.id), choice: { source: 'all_verified' } };
  }

  if (request.source === 'selection') {
    const [selection] = await db
      .select()
      .from(claimantSelections)
      .where(and(eq(claimantSelections.caseId, caseId), eq(claimantSelections.id, request.selectionId)));
    if (!selection) throw invalid('selectionId', 'validation.choose');
    const ids = [...new Set(selection.claimantIds)];
    if (ids.length === 0) throw invalid('selectionId', 'filings.validation.emptySelection');
    if (ids.length > MAX_FILING_CLAIMANTS)
      throw invalid('selectionId', 'filings.validation.tooManyClaimants', { max: MAX_FILING_CLAIMANTS });
    const rows = await statusesOf(db, caseId, ids);
    const verified = new Set(rows.filter((row) => row.status === 'verified').map((row) => row.id));
    const notVerified = rows.filter((row) => row.status !== 'verified').map((row) => row.referenceNumber ?? row.id);
    const gone = ids.length - rows.length;
    if (notVerified.length || gone)
      throw invalid('selectionId', 'filings.validation.selectionNotVerified', {
        count: notVerified.length + gone,
        refs: listReferences(notVerified),
      });
    return {
      ids: ids.filter((id) => verified.has(id)),
      choice: { source: 'selection', selectionId: selection.id, selectionName: selection.name },
    };
  }

  const references = splitReferences(request.references);
  if (references.length > MAX_FILING_CLAIMANTS)
    throw invalid('references', 'filings.validation.tooManyClaimants', { max: MAX_FILING_CLAIMANTS });
  const rows = await byReference(db, caseId, references);
  const found = new Map(rows.map((row) => [row.referenceNumber ?? '', row]));
  const unknown = references.filter((reference) => !found.has(reference));
  if (unknown.length)
    throw invalid('references', 'filings.validation.unknownReferences', { count: unknown.length, refs: listReferences(unknown) });
  const notVerified = references.filter((reference) => found.get(reference)?.status !== 'verified');
  if (notVerified.length)
    throw invalid('references', 'filings.validation.referencesNotVerified', {
      count: notVerified.length,
      refs: listReferences(notVerified),
    });
  const ids = references.map((reference) => found.get(reference)!.id);
  try {
    const [selection] = await db
      .insert(claimantSelections)
      .values({ caseId, name: request.selectionName, claimantIds: ids, createdBy: userId })
      .returning({ id: claimantSelections.id });
    return { ids, choice: { source: 'references', selectionId: selection.id, selectionName: request.selectionName } };
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid('selectionName', 'filings.validation.selectionNameTaken');
    throw error;
  }
}

/** Saved selections of the case for the builder's list, with how many claimants each holds. */
export async function listSelections(db: Database, caseId: string) {
  const rows = await db
    .select({
      id: claimantSelections.id,
      name: claimantSelections.name,
      ids: claimantSelections.claimantIds,
      createdAt: claimantSelections.createdAt,
    })
    .from(claimantSelections)
    .where(eq(claimantSelections.caseId, caseId))
    .orderBy(asc(claimantSelections.name));
  return rows.map((row) => ({ id: row.id, name: row.name, size: row.ids.length, createdAt: row.createdAt }));
}

export async function countVerifiedClaimants(db: Database, caseId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(claimants)
    .where(and(eq(claimants.caseId, caseId), eq(claimants.status, 'verified')));
  return row?.n ?? 0;
}
