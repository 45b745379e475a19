import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { type Case, cases, commCaseSettings, commMessages, commReminders } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { configuredAppOrigin } from '@/lib/env';
import { koreanDay } from '@/lib/deficiencies/calendar';
import { toLocale } from '@/lib/i18n/config';
import { defineCron, defineJobKind, enqueue } from '@/lib/jobs/define';
import { queueMail } from '@/lib/mail/outbox';
import { deliverMessageKind } from './delivery-kind';
import { segmentRows, segmentSchema } from './segments';

/** Proca's rule, which the issue adopts: at most 3 reminders per person and kind, at least 2 days apart. */
export const MAX_REMINDERS_PER_PERSON = 3;
export const REMINDER_SPACING_MS = 2 * 24 * 60 * 60_000;
/** How long after signing, after the claim last moved, or after a deficiency notice, the first reminder waits. */
export const FIRST_REMINDER_AFTER_MS = 2 * 24 * 60 * 60_000;
/** A deficiency's cure deadline is "approaching" within this many days of its end. */
export const DEADLINE_APPROACHING_MS = 7 * 24 * 60 * 60_000;
/** An unfinished claim is reminded while the case's next filing round closes within this many days. */
export const CUTOFF_APPROACHING_MS = 14 * 24 * 60 * 60_000;

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();
const ahead = (now: Date, ms: number) => ago(now, -ms);
/** People reminded per case and kind in one tick: a backlog goes out over a few ticks. */
const TICK_LIMIT = 5_000;

export type ReminderKind = 'unconfirmed' | 'incomplete' | 'deficiency';

/**
 * The claim reminders' texts in our placeholder syntax (lib/communications/placeholders) and when
 * each is due. An incomplete claim is an update (an unsubscribe stops it); an open deficiency is a
 * notice the claimant must get, so it is transactional. Each keys on the date it warns of, named in
 * the text as {deadline}: an unfinished claim on the case's next round cut-off (`next_cutoff`; a
 * case without rounds has no cut-off to warn of), a deficiency on its notice's own cure deadline
 * (`next_deadline`, the nearest open one), so a claimant hears while there is still time.
 */
const CLAIM_REMINDERS = {
  incomplete: {
    kind: 'update',
    statuses: ['draft'],
    isDue: (now: Date) =>
      sql`c.last_activity_at < ${ago(now, FIRST_REMINDER_AFTER_MS)}::timestamptz
        and next_cutoff.cutoff_on <= ${koreanDay(new Date(ahead(now, CUTOFF_APPROACHING_MS)))}::date`,
    deadline: sql`next_cutoff.cutoff_on`,
    subjectKo: '{name}님, 참여 신청이 아직 끝나지 않았습니다',
    subjectEn: '{name}, your claim is not finished yet',
    bodyKo:
      '{name}님, 소송 참여 신청서를 아직 제출하지 않으셨습니다. 이번 차수의 접수 마감은 {deadline}입니다. 빠진 항목: {missingItems}\n이어서 작성하기: {homeLink}',
    bodyEn:
      'Dear {name}, you have not submitted your claim yet. This round closes on {deadline}. Still missing: {missingItems}\nContinue here: {homeLink}',
  },
  deficiency: {
    kind: 'transactional',
    statuses: ['needs_info'],
    isDue: (now: Date) =>
      sql`next_deadline.deadline_at <= ${ahead(now, DEADLINE_APPROACHING_MS)}::timestamptz
        and next_deadline.created_at < ${ago(now, FIRST_REMINDER_AFTER_MS)}::timestamptz`,
    deadline: sql`next_deadline.cure_by`,
    subjectKo: '[{reference}] 보완 요청에 답해 주세요',
    subjectEn: '[{reference}] Please answer the request for information',
    bodyKo:
      '{name}님, 담당 변호사가 신청서({reference})의 보완을 요청했습니다. 보완 기한은 {deadline}까지이며, 기한 안에 답하지 않으면 소송에 포함되지 않을 수 있습니다.\n답하기: {homeLink}',
    bodyEn:
      'Dear {name}, your lawyers asked for more information about your claim ({reference}). The deadline is {deadline}; if it is not answered in time, the claim may be left out of the filing.\nAnswer here: {homeLink}',
  },
} as const;

/** Who may be reminded of `kind` now: under the cap, and the last reminder at least 2 days ago. */
const underCap = (kind: ReminderKind, personColumn: ReturnType<typeof sql>, now: Date) => sql`
  (select count(*) from comm_reminders m where m.kind = ${kind} and m.person_id = ${personColumn}) < ${MAX_REMINDERS_PER_PERSON}
  and not exists (select 1 from comm_reminders m where m.kind = ${kind} and m.person_id = ${personColumn}
    and m.created_at > ${new Date(now.getTime() - REMINDER_SPACING_MS).toISOString()}::timestamptz)`;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Unconfirmed signatures: the confirmation mail again, with a fresh link (the sweeper mints it). */
async function remindUnconfirmed(db: Database, target: Case, now: Date): Promise<number> {
  const firstBefore = ago(now, FIRST_REMINDER_AFTER_MS);
  return db.transaction(async (tx) => {
    const due = rowsOf<{ id: string; name: string; email: string; locale: string }>(
      await tx.execute(sql`
        select s.id, s.name, s.email, s.locale from supporters s
        where s.case_id = ${target.id}::uuid and s.confirmed_at is null and s.withdrawn_at is null and s.created_at < ${firstBefore}::timestamptz
          and ${underCap('unconfirmed', sql`s.id`, now)}
        order by s.created_at limit ${TICK_LIMIT}`),
    );
    if (due.length === 0) return 0;
    const base = `${configuredAppOrigin()}/cases/${target.slug}/support`;
    for (const supporter of due) {
      const locale = toLocale(supporter.locale);
      await queueMail(tx, {
        to: supporter.email,
        locale,
        template: 'petitionConfirm',
        params: { name: supporter.name, caseTitle: locale === 'ko' ? target.titleKo : target.titleEn },
        token: { kind: 'supporter', id: supporter.id, links: { link: `${base}/confirm`, withdrawLink: `${base}/withdraw` } },
      });
    }
    await tx
      .insert(commReminders)
      .values(due.map((supporter) => ({ caseId: target.id, kind: 'unconfirmed', personId: supporter.id, createdAt: now })));
    await recordAudit(tx, {
      action: 'communication.frozen',
      actorUserId: null,
      caseId: target.id,
      subjectType: 'reminder',
      subjectId: null,
      details: { reminder: 'unconfirmed', recipients: due.length },
    });
    return due.length;
  });
}

/**
 * Claim reminders go through the ordinary delivery (its rate, states and report): one message per
 * case, kind and tick, its recipient list written here with the cap applied per person.
 */
async function remindClaimants(db: Database, target: Case, kind: 'incomplete' | 'deficiency', now: Date): Promise<number> {
  const reminder = CLAIM_REMINDERS[kind];
  const segment = segmentSchema.parse({ audience: 'claimants', statuses: [...reminder.statuses] });
  return db.transaction(async (tx) => {
    const [message] = await tx
      .insert(commMessages)
      .values({
        caseId: target.id,
        audience: 'claimants',
        channel: 'email',
        kind: reminder.kind,
        segment: segment as unknown as Record<string, unknown>,
        subjectKo: reminder.subjectKo,
        subjectEn: reminder.subjectEn,
        bodyKo: reminder.bodyKo,
        bodyEn: reminder.bodyEn,
        status: 'sending',
        reminderKind: kind,
        frozenAt: now,
      })
      .returning();
    const inserted = rowsOf<{ person_id: string }>(
      await tx.execute(sql`
        insert into comm_recipients (message_id, case_id, person_id, idempotency_key, address, locale, params, status, error)
        select ${message.id}::uuid, ${target.id}::uuid, r.person_id, ${message.id}::text || ':' || r.person_id::text, r.address, r.locale,
          jsonb_build_object('name', r.name, 'reference', r.reference, 'missing', r.missing, 'deadline',
            -- As lib/deficiencies/calendar formatCureBy writes a day: 2026년 12월 10일, 10 December 2026.
            case when r.locale = 'ko' then to_char(${reminder.deadline}, 'YYYY"년" FMMM"월" FMDD"일"')
              else to_char(${reminder.deadline}, 'FMDD FMMonth YYYY') end),
          (case when r.is_suppressed then 'suppressed' else 'queued' end)::comm_recipient_status,
          case when r.is_suppressed then 'suppressed' end
        from (${segmentRows(segment, { caseId: target.id, channel: 'email', kind: reminder.kind })}) r
        join claimants c on c.id = r.person_id
        left join lateral (
          select d.cure_by, d.deadline_at, d.created_at from deficiency_notices d
          where d.claimant_id = c.id and d.status = 'open' and d.deadline_at > ${now.toISOString()}::timestamptz
          order by d.deadline_at limit 1
        ) next_deadline on true
        left join lateral (
          select fr.cutoff_on from filing_rounds fr
          where fr.case_id = c.case_id and fr.cutoff_on >= ${koreanDay(now)}::date
          order by fr.cutoff_on limit 1
        ) next_cutoff on true
        where ${reminder.isDue(now)} and ${underCap(kind, sql`r.person_id`, now)}
        limit ${TICK_LIMIT}
        returning person_id`),
    );
    if (inserted.length === 0) {
      await tx.delete(commMessages).where(eq(commMessages.id, message.id));
      return 0;
    }
    await tx.update(commMessages).set({ recipientCount: inserted.length }).where(eq(commMessages.id, message.id));
    await tx.insert(commReminders).values(inserted.map((row) => ({ caseId: target.id, kind, personId: row.person_id, createdAt: now })));
    await recordAudit(tx, {
      action: 'communication.frozen',
      actorUserId: null,
      caseId: target.id,
      subjectType: 'communication',
      subjectId: message.id,
      details: { reminder: kind, recipients: inserted.length },
    });
    await enqueue(tx, deliverMessageKind, { messageId: message.id });
    return inserted.length;
  });
}

export type ReminderRun = Record<ReminderKind, number>;

/** One pass over every case with a reminder switched on. */
export async function runReminders(db: Database, now = new Date()): Promise<ReminderRun> {
  const run: ReminderRun = { unconfirmed: 0, incomplete: 0, deficiency: 0 };
  const targets = await db
    .select({ target: cases, settings: commCaseSettings })
    .from(commCaseSettings)
    .innerJoin(cases, eq(cases.id, commCaseSettings.caseId))
    .where(sql`${commCaseSettings.remindUnconfirmed} or ${commCaseSettings.remindIncomplete} or ${commCaseSettings.remindDeadline}`);
  for (const { target, settings } of targets) {
    if (settings.remindUnconfirmed) run.unconfirmed += await remindUnconfirmed(db, target, now);
    if (settings.remindIncomplete) run.incomplete += await remindClaimants(db, target, 'incomplete', now);
    if (settings.remindDeadline) run.deficiency += await remindClaimants(db, target, 'deficiency', now);
  }
  return run;
}

/**
 * The reminder tick: pg-boss runs it at the top of every hour (a cron schedule in
 * lib/server/job-registry.ts). A case with every reminder off costs one empty settings read.
 */
export const REMINDER_TICK_JOB = 'communications.reminders';
export const reminderTickKind = defineJobKind({
  id: REMINDER_TICK_JOB,
  payload: z.object({}),
  maxAttempts: 3,
  policy: 'stately',
});

export const reminderTickCron = defineCron(reminderTickKind, { cron: '0 * * * *', payload: {} }, async (_payload, _job, { db }) => {
  await runReminders(db, new Date());
});
