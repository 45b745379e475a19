import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type CommMessage, commMessages } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { getApprovalThreshold, parseStoredSegment } from './messages';
import { countSegment, segmentRows } from './segments';

/** Deliberately loose: what a mail server could route at all. Anything else is `failed` at once. */
const EMAIL_PATTERN = '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$';

export type FreezeOutcome = { status: 'frozen'; recipients: number } | { status: 'held'; reason: string } | { status: 'already' };

/**
 * Evaluates the segment now and writes the recipient list, once: the message row is locked and
 * `frozen_at` set in the same transaction, and the idempotency key (message, person) is unique,
 * so a retried or concurrent job cannot add anyone twice. A list that grew past the approved
 * count, or that is empty now, holds the message instead of sending part of it.
 */
export async function freezeRecipients(db: Database, messageId: string, now = new Date()): Promise<FreezeOutcome> {
  return db.transaction(async (tx) => {
    const [message] = await tx.select().from(commMessages).where(eq(commMessages.id, messageId)).for('update');
    if (!message || message.frozenAt || message.status !== 'scheduled') return { status: 'already' } as const;
    const segment = parseStoredSegment(message);
    const scope = { caseId: message.caseId, channel: message.channel, kind: message.kind };
    const count = await countSegment(tx, segment, scope);
    const threshold = await getApprovalThreshold(tx, message.caseId);
    const reason =
      count.reachable === 0
        ? 'empty_segment'
        : count.reachable > threshold && (message.approvedCount ?? 0) < count.reachable
          ? 'needs_approval'
          : null;
    if (reason) {
      await tx
        .update(commMessages)
        .set({ status: reason === 'needs_approval' ? 'awaiting_approval' : 'held', holdReason: reason, approvedAt: null, approvedBy: null })
        .where(eq(commMessages.id, message.id));
      return { status: 'held', reason } as const;
    }
    const checksAddress = message.channel === 'email';
    await tx.execute(sql`
      insert into comm_recipients (message_id, case_id, person_id, idempotency_key, address, locale, params, status, error, sent_at)
      select ${message.id}::uuid, ${message.caseId}::uuid, r.person_id, ${message.id}::text || ':' || r.person_id::text, r.address, r.locale,
        jsonb_build_object('name', r.name, 'reference', r.reference, 'missing', r.missing),
        (case when r.is_suppressed then 'suppressed'
              when ${checksAddress} and r.address !~ ${EMAIL_PATTERN} then 'failed'
              else 'queued' end)::comm_recipient_status,
        case when r.is_suppressed then 'suppressed' when ${checksAddress} and r.address !~ ${EMAIL_PATTERN} then 'malformed_address' end,
        null
      from (${segmentRows(segment, scope)}) r
      where r.address is not null and not r.lacks_consent
      on conflict (idempotency_key) do nothing`);
    const [{ total }] = (
      (await tx.execute(sql`select count(*)::int as total from comm_recipients where message_id = ${message.id}::uuid`)) as unknown as {
        rows: { total: number }[];
      }
    ).rows;
    await tx
      .update(commMessages)
      .set({ status: 'sending', frozenAt: now, recipientCount: total, holdReason: null })
      .where(eq(commMessages.id, message.id));
    await recordAudit(tx, {
      action: 'communication.frozen',
      actorUserId: null,
      caseId: message.caseId,
      subjectType: 'communication',
      subjectId: message.id,
      details: { recipients: total, suppressed: count.suppressed, segment, approvedBy: message.approvedBy, author: message.createdBy },
    });
    return { status: 'frozen', recipients: total } as const;
  });
}

export type { CommMessage };
