import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type CommMessage, commCaseSettings, commMessages } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { enqueue } from '@/lib/jobs/define';
import { deliverMessageKind } from './delivery-kind';
import { type MessageInput, checkMessage } from './message-schema';
import { countSegment, segmentSchema } from './segments';

/** Approval threshold when a case has not set one. */
export const DEFAULT_APPROVAL_THRESHOLD = 100;

export type Author = { userId: string; caseId: string; role: string };

export async function getApprovalThreshold(db: Database, caseId: string): Promise<number> {
  const [settings] = await db.select().from(commCaseSettings).where(eq(commCaseSettings.caseId, caseId));
  return settings?.approvalThreshold ?? DEFAULT_APPROVAL_THRESHOLD;
}

/** Organizers write to supporters, lawyers to claimants; case admins to both. */
export function canWriteTo(role: string, audience: 'supporters' | 'claimants'): boolean {
  if (role === 'admin' || role === 'platform_admin') return true;
  return audience === 'supporters' ? role === 'organizer' : role === 'lawyer';
}

/** Saves a draft; refused whole (nothing stored) when any language has a problem. */
export async function createMessage(db: Database, author: Author, input: MessageInput): Promise<CommMessage> {
  if (!canWriteTo(author.role, input.segment.audience)) throw new AppError('forbidden');
  const fieldErrors = checkMessage(input);
  if (Object.keys(fieldErrors).length > 0) throw new AppError('invalid_input', { fieldErrors });
  return db.transaction(async (tx) => {
    const [message] = await tx
      .insert(commMessages)
      .values({
        caseId: author.caseId,
        audience: input.segment.audience,
        channel: input.channel,
        kind: input.kind,
        segment: input.segment as unknown as Record<string, unknown>,
        subjectKo: input.subjectKo,
        subjectEn: input.subjectEn,
        bodyKo: input.bodyKo,
        bodyEn: input.bodyEn,
        createdBy: author.userId,
      })
      .returning();
    await recordAudit(tx, {
      action: 'communication.created',
      actorUserId: author.userId,
      caseId: author.caseId,
      subjectType: 'communication',
      subjectId: message.id,
      details: { audience: message.audience, channel: message.channel, kind: message.kind, segment: input.segment },
    });
    return message;
  });
}

/** The case's message, or not found: an id from the client never reaches another case's row. */
export async function getMessage(db: Database, caseId: string, messageId: string): Promise<CommMessage> {
  const [message] = await db
    .select()
    .from(commMessages)
    .where(and(eq(commMessages.caseId, caseId), eq(commMessages.id, messageId)));
  if (!message) throw new AppError('not_found');
  return message;
}

export function parseStoredSegment(message: CommMessage) {
  return segmentSchema.parse(message.segment);
}

export type SendOutcome =
  { status: 'scheduled'; count: number; sendAt: Date } | { status: 'awaiting_approval'; count: number; threshold: number };

/**
 * Asks for a message to go out now or at `sendAt`. Refused when the time is past, the segment is
 * empty, or the message was already sent; a send to more people than the case's threshold waits
 * for a second staff member (approveMessage). The segment is evaluated again, and frozen, when
 * the delivery job starts.
 */
export async function requestSend(
  db: Database,
  author: Author,
  input: { messageId: string; sendAt?: Date },
  now = new Date(),
): Promise<SendOutcome> {
  const message = await getMessage(db, author.caseId, input.messageId);
  if (!canWriteTo(author.role, message.audience)) throw new AppError('forbidden');
  if (message.status !== 'draft' && message.status !== 'awaiting_approval')
    throw new AppError('conflict', { messageKey: 'communications.errors.alreadySent' });
  if (input.sendAt && input.sendAt.getTime() < now.getTime() - 60_000)
    throw new AppError('invalid_input', { fieldErrors: { sendAt: 'communications.errors.sendAtPast' } });
  const count = await countSegment(db, parseStoredSegment(message), {
    caseId: message.caseId,
    channel: message.channel,
    kind: message.kind,
  });
  if (count.reachable === 0) throw new AppError('invalid_input', { messageKey: 'communications.errors.emptySegment' });
  const threshold = await getApprovalThreshold(db, message.caseId);
  const sendAt = input.sendAt ?? now;
  const isApproved = message.approvedAt !== null && (message.approvedCount ?? 0) >= count.reachable;
  return db.transaction(async (tx) => {
    if (count.reachable > threshold && !isApproved) {
      await tx
        .update(commMessages)
        .set({ status: 'awaiting_approval', sendAt })
        .where(and(eq(commMessages.id, message.id), eq(commMessages.caseId, message.caseId)));
      await recordAudit(tx, {
        action: 'communication.approval_requested',
        actorUserId: author.userId,
        caseId: message.caseId,
        subjectType: 'communication',
        subjectId: message.id,
        details: { count: count.reachable, threshold },
      });
      return { status: 'awaiting_approval', count: count.reachable, threshold };
    }
    await scheduleInTransaction(tx, message, sendAt, author.userId, count.reachable);
    return { status: 'scheduled', count: count.reachable, sendAt };
  });
}

async function scheduleInTransaction(tx: Database, message: CommMessage, sendAt: Date, actorUserId: string, count: number) {
  const updated = await tx
    .update(commMessages)
    .set({ status: 'scheduled', sendAt })
    .where(and(eq(commMessages.id, message.id), sql`${commMessages.status} in ('draft', 'awaiting_approval')`))
    .returning({ id: commMessages.id });
  if (updated.length === 0) throw new AppError('conflict', { messageKey: 'communications.errors.alreadySent' });
  await enqueue(tx, deliverMessageKind, { messageId: message.id }, { runAt: sendAt });
  await recordAudit(tx, {
    action: 'communication.scheduled',
    actorUserId,
    caseId: message.caseId,
    subjectType: 'communication',
    subjectId: message.id,
    details: { count, sendAt: sendAt.toISOString(), approvedBy: message.approvedBy },
  });
}

/**
 * A second staff member approves a large send: never its author. The approval covers the count
 * they saw; if the segment has grown past it by send time, the job holds the message instead.
 */
export async function approveMessage(db: Database, approver: Author, messageId: string, now = new Date()): Promise<SendOutcome> {
  const message = await getMessage(db, approver.caseId, messageId);
  if (!canWriteTo(approver.role, message.audience)) throw new AppError('forbidden');
  if (message.createdBy === approver.userId) throw new AppError('forbidden', { messageKey: 'communications.errors.selfApproval' });
  if (message.status !== 'awaiting_approval') throw new AppError('conflict', { messageKey: 'communications.errors.notAwaitingApproval' });
  const count = await countSegment(db, parseStoredSegment(message), {
    caseId: message.caseId,
    channel: message.channel,
    kind: message.kind,
  });
  if (count.reachable === 0) throw new AppError('invalid_input', { messageKey: 'communications.errors.emptySegment' });
  const sendAt = message.sendAt && message.sendAt > now ? message.sendAt : now;
  return db.transaction(async (tx) => {
    const [approved] = await tx
      .update(commMessages)
      .set({ approvedBy: approver.userId, approvedAt: now, approvedCount: count.reachable })
      .where(and(eq(commMessages.id, message.id), eq(commMessages.status, 'awaiting_approval')))
      .returning();
    if (!approved) throw new AppError('conflict', { messageKey: 'communications.errors.notAwaitingApproval' });
    await recordAudit(tx, {
      action: 'communication.approved',
      actorUserId: approver.userId,
      caseId: message.caseId,
      subjectType: 'communication',
      subjectId: message.id,
      details: { count: count.reachable, author: message.createdBy },
    });
    await scheduleInTransaction(tx, approved, sendAt, approver.userId, count.reachable);
    return { status: 'scheduled', count: count.reachable, sendAt };
  });
}
