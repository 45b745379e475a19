import { and, asc, desc, eq } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import {
  claimantMessages,
  claimants,
  consentDocuments,
  consents,
  damageItems,
  duplicateFlags,
  evidence,
  reviewNotes,
  reviews,
  statements,
  users,
} from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { ClaimDefinition, ClaimState } from '@/lib/claims';
import { loadPublishedDefinition, openAnswers } from '@/lib/claims/store';
import { decryptField } from '@/lib/crypto/field-encryption';
import { type AnswerChange, type TextPart, diffAnswers, diffWords } from './statement-diff';

/**
 * Everything a claimant gave, for the lawyers of the case: details with the encrypted fields
 * decrypted, the answers with the claim definition version they were given under, damages, every statement version with what changed, consents with their records,
 * evidence, and the review history, notes, messages and flags. Organizers never reach this
 * module; the caller has checked the lawyer role, and the case id scopes every query.
 */
export async function loadClaimantFile(db: Database, caseId: string, claimantId: string) {
  const assignee = alias(users, 'assignee');
  const [row] = await db
    .select({ claimant: claimants, email: users.email, accountName: users.name, assigneeName: assignee.name })
    .from(claimants)
    .innerJoin(users, eq(users.id, claimants.userId))
    .leftJoin(assignee, eq(assignee.id, claimants.assignedLawyerId))
    .where(and(eq(claimants.id, claimantId), eq(claimants.caseId, caseId)));
  if (!row) return null;
  const { claimant } = row;
  const scoped = (table: { claimantId: AnyPgColumn; caseId: AnyPgColumn }) =>
    and(eq(table.claimantId, claimant.id), eq(table.caseId, caseId));

  const [damages, statementRows, consentRows, files, history, notes, messages, flags] = [
    await db.select().from(damageItems).where(scoped(damageItems)).orderBy(asc(damageItems.position)),
    await db.select().from(statements).where(scoped(statements)).orderBy(asc(statements.kind), asc(statements.version)),
    await db
      .select({ consent: consents, title: consentDocuments.title, locale: consentDocuments.locale })
      .from(consents)
      .innerJoin(consentDocuments, eq(consentDocuments.id, consents.documentId))
      .where(scoped(consents))
      .orderBy(asc(consents.kind), asc(consents.documentVersion)),
    await db.select().from(evidence).where(scoped(evidence)).orderBy(asc(evidence.uploadedAt)),
    await db
      .select({ review: reviews, reviewerName: users.name })
      .from(reviews)
      .leftJoin(users, eq(users.id, reviews.reviewerId))
      .where(scoped(reviews))
      .orderBy(desc(reviews.createdAt)),
    await db
      .select({ note: reviewNotes, authorName: users.name })
      .from(reviewNotes)
      .leftJoin(users, eq(users.id, reviewNotes.authorId))
      .where(scoped(reviewNotes))
      .orderBy(asc(reviewNotes.createdAt)),
    await db
      .select({ message: claimantMessages, authorName: users.name })
      .from(claimantMessages)
      .leftJoin(users, eq(users.id, claimantMessages.authorId))
      .where(scoped(claimantMessages))
      .orderBy(asc(claimantMessages.createdAt)),
    await listFlagsOf(db, caseId, claimant.id),
  ];
  const definition = await loadClaimDefinitionOf(db, caseId, claimant.definitionVersion);
  // Sealed free-text answers (a service address, what happened) are opened for the lawyer here only.
  const claim: { definition: ClaimDefinition; state: ClaimState } | null = definition
    ? { definition, state: { category: claimant.category, answers: openAnswers(claimant.answers), hasGuardian: claimant.isMinor } }
    : null;

  return {
    claimant,
    email: row.email,
    accountName: row.accountName,
    assigneeName: row.assigneeName,
    details: {
      phone: decryptField(claimant.phoneEncrypted),
      dateOfBirth: decryptField(claimant.dateOfBirthEncrypted),
      address: decryptField(claimant.addressEncrypted),
    },
    claim,
    damages,
    damagesTotalKrw: damages.reduce((sum, item) => sum + item.amountKrw, 0),
    statements: withChanges(statementRows),
    consents: consentRows,
    evidence: files,
    history,
    notes,
    messages,
    flags,
  };
}

/** The version the claim was saved under: what its answers mean. */
async function loadClaimDefinitionOf(db: Database, caseId: string, version: number | null): Promise<ClaimDefinition | null> {
  if (!version) return null;
  return (await loadPublishedDefinition(db, caseId, version))?.definition ?? null;
}

export type ClaimantFile = NonNullable<Awaited<ReturnType<typeof loadClaimantFile>>>;
export type StatementVersion = ClaimantFile['statements'][number];

/** Opening a file is itself on the record: the load and its audit row in one transaction. */
export async function openClaimantFile(db: Database, input: { caseId: string; claimantId: string; actorId: string; ip: string | null }) {
  return db.transaction(async (tx) => {
    const file = await loadClaimantFile(tx, input.caseId, input.claimantId);
    if (!file) return null;
    await recordAudit(tx, {
      action: 'claimant.viewed',
      actorUserId: input.actorId,
      caseId: input.caseId,
      subjectType: 'claimant',
      subjectId: input.claimantId,
      ip: input.ip,
      details: { version: file.claimant.version },
    });
    return file;
  });
}

/** Each version with its differences from the version of the same kind before it. */
function withChanges(rows: (typeof statements.$inferSelect)[]) {
  return rows.map((statement, index) => {
    const previous = index > 0 && rows[index - 1].kind === statement.kind ? rows[index - 1] : null;
    const changes: { answers: AnswerChange[]; text: TextPart[] } | null = previous
      ? { answers: diffAnswers(previous.answers, statement.answers), text: diffWords(previous.renderedText, statement.renderedText) }
      : null;
    return { statement, changes };
  });
}

/** The file's flags with the other file's reference, name and status, open ones first. */
export async function listFlagsOf(db: Database, caseId: string, claimantId: string) {
  const other = alias(claimants, 'other');
  return db
    .select({ flag: duplicateFlags, otherReference: other.referenceNumber, otherName: other.legalName, otherStatus: other.status })
    .from(duplicateFlags)
    .leftJoin(other, and(eq(other.id, duplicateFlags.otherClaimantId), eq(other.caseId, caseId)))
    .where(and(eq(duplicateFlags.caseId, caseId), eq(duplicateFlags.claimantId, claimantId)))
    .orderBy(asc(duplicateFlags.status), desc(duplicateFlags.createdAt));
}
