import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type ClaimantStatus, cases, claimantMessages, claimants, reviews, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { type StatusChange, recordStatusChange } from '@/lib/claimants/record';
import { AppError } from '@/lib/errors';
import { toLocale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';
import { queueMail } from '@/lib/mail/outbox';
import { forgetStatusCounts } from './status-counts';

export type Decision = 'verify' | 'reject' | 'request_info';

/** Which statuses each decision may start from; drafts and withdrawals are not the lawyer's to decide. */
export const DECISION_FROM: Record<Decision, readonly ClaimantStatus[]> = {
  verify: ['submitted', 'needs_info', 'rejected'],
  reject: ['submitted', 'needs_info', 'verified'],
  request_info: ['submitted', 'needs_info', 'verified'],
};
const DECISION_TO: Record<Decision, StatusChange['status']> = { verify: 'verified', reject: 'rejected', request_info: 'needs_info' };
const AUDIT_ACTION = { verify: 'review.verified', reject: 'review.rejected', request_info: 'review.info_requested' } as const;

export type DecisionInput = {
  caseId: string;
  claimantId: string;
  /** The claimant's `version` the lawyer was looking at when deciding. */
  expectedVersion: number;
  decision: Decision;
  /** Rejection reason or the message asking for information (shown to the claimant). */
  text?: string;
  actorId: string;
  ip: string | null;
  appUrl: string;
  /** Set by bulk actions so the audit trail tells one decision per file from a batch. */
  batchSize?: number;
  /** False when the caller mails its own notice in the same transaction (a deficiency notice). */
  sendsMail?: boolean;
};

export type DecisionResult = { claimantId: string; status: ClaimantStatus; version: number };

/** One decision, in one transaction with its review row, audit row, message and mail. */
export async function decideClaimant(db: Database, input: DecisionInput): Promise<DecisionResult> {
  const result = await db.transaction((tx) => applyDecision(tx, input));
  forgetStatusCounts(input.caseId);
  return result;
}

/**
 * The decision itself, inside the caller's transaction. The row is locked first, so of two
 * lawyers deciding at once the second waits, then sees the version the first one wrote and gets
 * `stale` — nothing of the first decision is overwritten.
 */
export async function applyDecision(tx: Database, input: DecisionInput): Promise<DecisionResult> {
  const [row] = await tx
    .select({
      claimant: claimants,
      email: users.email,
      userName: users.name,
      userLocale: users.locale,
      caseSlug: cases.slug,
      caseTitleKo: cases.titleKo,
      caseTitleEn: cases.titleEn,
    })
    .from(claimants)
    .innerJoin(users, eq(users.id, claimants.userId))
    .innerJoin(cases, eq(cases.id, claimants.caseId))
    .where(and(eq(claimants.id, input.claimantId), eq(claimants.caseId, input.caseId)))
    .for('update', { of: claimants });
  if (!row) throw new AppError('not_found');
  const { claimant } = row;
  if (claimant.version !== input.expectedVersion)
    throw new AppError('stale', { messageKey: 'review.errors.stale', fieldErrors: { version: 'review.errors.stale' } });
  if (!DECISION_FROM[input.decision].includes(claimant.status))
    throw new AppError('conflict', { messageKey: 'review.errors.notDecidable' });
  if (input.decision === 'reject' && claimant.isOnFiling) throw new AppError('conflict', { messageKey: 'review.errors.onFiling' });
  const text = (input.text ?? '').trim();
  if (input.decision !== 'verify' && !text) throw new AppError('invalid_input', { fieldErrors: { text: 'validation.required' } });

  const now = new Date();
  const to = DECISION_TO[input.decision];
  const updated = await recordStatusChange(tx, {
    caseId: input.caseId,
    claimantId: claimant.id,
    expectedVersion: input.expectedVersion,
    status: to,
    at: now,
    rejectionReason: text,
  });
  if (!updated) throw new AppError('stale', { messageKey: 'review.errors.stale', fieldErrors: { version: 'review.errors.stale' } });

  const [review] = await tx
    .insert(reviews)
    .values({
      claimantId: claimant.id,
      caseId: input.caseId,
      reviewerId: input.actorId,
      fromStatus: claimant.status,
      toStatus: to,
      reason: text,
    })
    .returning({ id: reviews.id });
  let messageId: string | null = null;
  if (input.decision === 'request_info') {
    const [message] = await tx
      .insert(claimantMessages)
      .values({ claimantId: claimant.id, caseId: input.caseId, direction: 'to_claimant', authorId: input.actorId, body: text })
      .returning({ id: claimantMessages.id });
    messageId = message.id;
  }
  await recordAudit(tx, {
    action: AUDIT_ACTION[input.decision],
    actorUserId: input.actorId,
    caseId: input.caseId,
    subjectType: 'claimant',
    subjectId: claimant.id,
    ip: input.ip,
    // Ids and statuses only: the reason and the message are personal correspondence.
    details: {
      reviewId: review.id,
      from: claimant.status,
      to,
      version: updated.version,
      ...(messageId ? { messageId } : {}),
      ...(input.batchSize ? { batchSize: input.batchSize } : {}),
    },
  });

  if (input.sendsMail === false) return { claimantId: claimant.id, status: to, version: updated.version };
  const locale = toLocale(row.userLocale ?? claimant.locale);
  const reference = claimant.referenceNumber ?? '';
  const name = claimant.legalName ?? row.userName;
  const link = `${input.appUrl}/my/cases/${row.caseSlug}`;
  if (input.decision === 'request_info') {
    await queueMail(tx, { to: row.email, locale, template: 'infoRequested', params: { name, reference, message: text, link } });
  } else {
    const t = getTranslator(locale);
    await queueMail(tx, {
      to: row.email,
      locale,
      template: 'claimDecision',
      params: {
        name,
        reference,
        caseTitle: locale === 'ko' ? row.caseTitleKo : row.caseTitleEn,
        status: t(`common.statuses.${to}`),
        reason: text,
        link,
      },
    });
  }
  return { claimantId: claimant.id, status: to, version: updated.version };
}
