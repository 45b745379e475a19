import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, claimantMessages, claimants, deficiencyNotices, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { toLocale } from '@/lib/i18n/config';
import { queueMail } from '@/lib/mail/outbox';
import { applyDecision } from '@/lib/reviews/decisions';
import { forgetStatusCounts } from '@/lib/reviews/status-counts';
import { endOfKoreanDay, formatCureBy, koreanDay } from '@/lib/deficiencies/calendar';
import { listReasons } from '@/lib/deficiencies/reasons';

export type DeficiencyInput = {
  caseId: string;
  claimantId: string;
  expectedVersion: number;
  reasonCode: string;
  message: string;
  /** YYYY-MM-DD, Korea's calendar: the last day to cure. */
  cureBy: string;
  actorId: string;
  ip: string | null;
  appUrl: string;
  now?: Date;
};

/**
 * "Request information" as a deficiency notice (here, above both lib/reviews and lib/deficiencies,
 * so neither imports the other's upper half): the review decision (status `needs_info`, review,
 * message and audit rows) and the notice with its reason and cure deadline, in one transaction,
 * with the deficiency mail instead of the plain request mail. An earlier notice still open is
 * closed: the newest one says what is missing now.
 */
export async function sendDeficiencyNotice(db: Database, input: DeficiencyInput): Promise<{ noticeId: string; version: number }> {
  const now = input.now ?? new Date();
  if (input.cureBy < koreanDay(now)) throw new AppError('invalid_input', { fieldErrors: { cureBy: 'rounds.deficiency.deadlinePast' } });
  const reasons = await listReasons(db, input.caseId);
  const reason = reasons.find((choice) => choice.code === input.reasonCode);
  if (!reason) throw new AppError('invalid_input', { fieldErrors: { reasonCode: 'validation.choose' } });

  const result = await db.transaction(async (tx) => {
    const decided = await applyDecision(tx, {
      caseId: input.caseId,
      claimantId: input.claimantId,
      expectedVersion: input.expectedVersion,
      decision: 'request_info',
      text: input.message,
      actorId: input.actorId,
      ip: input.ip,
      appUrl: input.appUrl,
      sendsMail: false,
    });
    const [message] = await tx
      .select({ id: claimantMessages.id })
      .from(claimantMessages)
      .where(and(eq(claimantMessages.claimantId, input.claimantId), eq(claimantMessages.direction, 'to_claimant')))
      .orderBy(desc(claimantMessages.createdAt))
      .limit(1);
    await tx
      .update(deficiencyNotices)
      .set({ status: 'closed', closedAt: now })
      .where(and(eq(deficiencyNotices.claimantId, input.claimantId), eq(deficiencyNotices.status, 'open')));
    const [notice] = await tx
      .insert(deficiencyNotices)
      .values({
        caseId: input.caseId,
        claimantId: input.claimantId,
        reasonCode: reason.code,
        message: input.message.trim(),
        cureBy: input.cureBy,
        deadlineAt: endOfKoreanDay(input.cureBy),
        messageId: message?.id ?? null,
        sentBy: input.actorId,
        createdAt: now,
      })
      .returning({ id: deficiencyNotices.id });
    await recordAudit(tx, {
      action: 'deficiency.sent',
      actorUserId: input.actorId,
      caseId: input.caseId,
      subjectType: 'claimant',
      subjectId: input.claimantId,
      ip: input.ip,
      details: { noticeId: notice.id, reason: reason.code, cureBy: input.cureBy },
    });

    const [recipient] = await tx
      .select({
        email: users.email,
        userName: users.name,
        userLocale: users.locale,
        locale: claimants.locale,
        legalName: claimants.legalName,
        reference: claimants.referenceNumber,
        caseSlug: cases.slug,
      })
      .from(claimants)
      .innerJoin(users, eq(users.id, claimants.userId))
      .innerJoin(cases, eq(cases.id, claimants.caseId))
      .where(and(eq(claimants.id, input.claimantId), eq(claimants.caseId, input.caseId)));
    const locale = toLocale(recipient.userLocale ?? recipient.locale);
    await queueMail(tx, {
      to: recipient.email,
      locale,
      template: 'deficiencyNotice',
      params: {
        name: recipient.legalName ?? recipient.userName,
        reference: recipient.reference ?? '',
        reason: locale === 'ko' ? reason.labelKo : reason.labelEn,
        message: input.message.trim(),
        cureBy: formatCureBy(input.cureBy, locale),
        link: `${input.appUrl}/my/cases/${recipient.caseSlug}`,
      },
    });
    return { noticeId: notice.id, version: decided.version };
  });
  forgetStatusCounts(input.caseId);
  return result;
}
