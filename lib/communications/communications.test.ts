import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, commMessages, commRecipients, commSuppressions, supporters } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { setupTestDatabase } from '@/tests/helpers/database';
import { countJobs } from '@/tests/helpers/jobs';
import { type LoopbackSmtp, startLoopbackSmtp } from '@/tests/helpers/smtp-server';
import { createTestCase, createTestUser } from '@/tests/helpers/users';
import { type ChannelProvider, createSmtpProvider } from './channels';
import { recordUpdatesConsent, withdrawUpdatesConsent } from './consents';
import { deliverSlice } from './delivery';
import { freezeRecipients } from './freeze';
import { messageInputSchema } from './message-schema';
import { approveMessage, createMessage, requestSend } from './messages';
import { deliveryReportCsv, summarizeDelivery } from './report';
import { countSegment, segmentSchema } from './segments';
import { unsubscribe } from './unsubscribe';

let db: Database;
let smtp: LoopbackSmtp;
let provider: ChannelProvider;
let caseId: string;
let organizer: { userId: string; caseId: string; role: string };
let secondOrganizer: { userId: string; caseId: string; role: string };

const UNCONFIRMED = { audience: 'supporters', confirmed: 'no' } as const;

const notice = (overrides: Record<string, unknown> = {}) =>
  messageInputSchema.parse({
    subjectKo: '{name}님, 서명을 확인해 주세요',
    subjectEn: '{name}, please confirm your signature',
    bodyKo: '안녕하세요 {name}님. 서명 확인이 아직 안 되었습니다: {homeLink}',
    bodyEn: 'Hello {name}. Your signature is not confirmed yet: {homeLink}',
    segment: UNCONFIRMED,
    ...overrides,
  });

async function addSupporter(email: string, options: { locale?: 'ko' | 'en'; confirmed?: boolean; consent?: boolean } = {}) {
  const [supporter] = await db
    .insert(supporters)
    .values({
      caseId,
      name: `서명자 ${email.split('@')[0]}`,
      email,
      locale: options.locale ?? 'ko',
      consentVersion: 1,
      confirmedAt: options.confirmed ? new Date() : null,
    })
    .returning();
  if (options.consent !== false) await recordUpdatesConsent(db, { caseId, supporterId: supporter.id, consentText: 'petition.updates@1' });
  return supporter;
}

async function sendAll(messageId: string) {
  expect(await countJobs(db, 'communications.deliver')).toBeGreaterThan(0);
  await freezeRecipients(db, messageId);
  return deliverSlice(db, messageId, { provider, budgetMs: 10_000 });
}

const receivedBy = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  smtp = await startLoopbackSmtp({ refuse: ['gone@refused.test'] });
  provider = createSmtpProvider(smtp.url, { from: 'Joinder <no-reply@joinder.test>', ratePerSecond: 1_000 });
  ({ id: caseId } = await createTestCase(db));
  const [author, approver] = [await createTestUser(db), await createTestUser(db)];
  organizer = { userId: author.id, caseId, role: 'organizer' };
  secondOrganizer = { userId: approver.id, caseId, role: 'organizer' };
  await addSupporter('ko-one@example.com');
  await addSupporter('en-one@example.com', { locale: 'en' });
  await addSupporter('gone@refused.test');
  await addSupporter('broken@@example', { locale: 'en' });
  await addSupporter('no-consent@example.com', { consent: false });
  await addSupporter('confirmed@example.com', { confirmed: true });
});

afterAll(async () => {
  provider?.close();
  await smtp?.stop();
});

describe('communications over a real SMTP server', () => {
  it('counts a segment live, leaving out who did not agree to updates', async () => {
    const count = await countSegment(db, segmentSchema.parse(UNCONFIRMED), { caseId, channel: 'email', kind: 'update' });
    expect(count).toMatchObject({ matched: 5, reachable: 4, withoutConsent: 1, suppressed: 0 });
    const [supporter] = await db.select().from(supporters).where(eq(supporters.email, 'no-consent@example.com'));
    await recordUpdatesConsent(db, { caseId, supporterId: supporter.id, consentText: 'petition.updates@2' });
    expect(await countSegment(db, segmentSchema.parse(UNCONFIRMED), { caseId, channel: 'email', kind: 'update' })).toMatchObject({
      reachable: 5,
    });
    await withdrawUpdatesConsent(db, caseId, supporter.id);
    expect(await countSegment(db, segmentSchema.parse(UNCONFIRMED), { caseId, channel: 'email', kind: 'update' })).toMatchObject({
      reachable: 4,
    });
  });

  it('refuses a placeholder unknown in one language and stores nothing', async () => {
    const before = await db.$count(commMessages);
    const error = await createMessage(db, organizer, notice({ bodyEn: 'Hello {nmae}' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual({ bodyEn: 'communications.errors.unknownPlaceholder|{"name":"{nmae}"}' });
    expect(await db.$count(commMessages)).toBe(before);
  });

  it('refuses an SMS over 90 EUC-KR bytes, naming the count', async () => {
    const error = await createMessage(db, organizer, notice({ channel: 'sms', bodyKo: '가'.repeat(46), bodyEn: 'short' })).catch(
      (caught: unknown) => caught,
    );
    expect((error as AppError).fieldErrors?.bodyKo).toBe('communications.errors.smsTooLong|{"bytes":92,"limit":90,"channel":"SMS"}');
  });

  it('refuses an empty segment and a time in the past', async () => {
    const empty = await createMessage(db, organizer, notice({ segment: { audience: 'supporters', source: 'nowhere' } }));
    await expect(requestSend(db, organizer, { messageId: empty.id })).rejects.toMatchObject({
      messageKey: 'communications.errors.emptySegment',
    });
    const message = await createMessage(db, organizer, notice());
    await expect(requestSend(db, organizer, { messageId: message.id, sendAt: new Date(Date.now() - 3_600_000) })).rejects.toMatchObject({
      fieldErrors: { sendAt: 'communications.errors.sendAtPast' },
    });
    expect(await countJobs(db, 'communications.deliver')).toBe(0);
  });

  it('needs a second staff member above the threshold, then delivers each language once with unsubscribe headers', async () => {
    await db.execute(`insert into comm_case_settings (case_id, approval_threshold) values ('${caseId}', 2)`);
    const message = await createMessage(db, organizer, notice());
    expect(await requestSend(db, organizer, { messageId: message.id })).toMatchObject({ status: 'awaiting_approval', count: 4 });
    await expect(approveMessage(db, organizer, message.id)).rejects.toMatchObject({ messageKey: 'communications.errors.selfApproval' });
    expect(await approveMessage(db, secondOrganizer, message.id)).toMatchObject({ status: 'scheduled', count: 4 });

    const slice = await sendAll(message.id);
    expect(slice).toMatchObject({ sent: 2, bounced: 1, remaining: 0 });
    const [ko] = receivedBy('ko-one@example.com');
    const [en] = receivedBy('en-one@example.com');
    expect(ko.subject).toBe('서명자 ko-one님, 서명을 확인해 주세요');
    expect(en.subject).toBe('서명자 en-one, please confirm your signature');
    expect(en.text).toContain('To stop receiving updates');
    expect(ko.headers['list-unsubscribe']).toMatch(/^<http.+\/api\/communications\/unsubscribe\?r=[0-9a-f-]+&t=.+>$/);
    expect(ko.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(receivedBy('broken@@example')).toHaveLength(0);

    const summary = await summarizeDelivery(db, caseId, message.id);
    expect(summary).toMatchObject({ total: 4, sent: 2, bounced: 1, failed: 1, queued: 0 });
    const csv = await deliveryReportCsv(db, caseId, message.id);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(csv).toContain('malformed_address');
    expect(csv).not.toContain('ko-one@example.com');
    expect(await db.$count(auditLog, and(eq(auditLog.action, 'communication.approved'), eq(auditLog.subjectId, message.id)))).toBe(1);
    expect(await db.$count(commMessages, and(eq(commMessages.id, message.id), eq(commMessages.status, 'sent')))).toBe(1);

    // Running the job again sends nothing: every recipient has left `queued`.
    expect(await freezeRecipients(db, message.id)).toEqual({ status: 'already' });
    expect(receivedBy('ko-one@example.com')).toHaveLength(1);
  });

  it('skips, on the next send, whoever unsubscribed and the address that bounced', async () => {
    const [first] = receivedBy('en-one@example.com');
    const link = new URL(first.headers['list-unsubscribe'].slice(1, -1));
    expect(await unsubscribe(db, link.searchParams.get('r')!, 'forged')).toBe(false);
    expect(await unsubscribe(db, link.searchParams.get('r')!, link.searchParams.get('t')!)).toBe(true);
    expect(await db.$count(commSuppressions, eq(commSuppressions.caseId, caseId))).toBe(3); // e-mail + person + bounce

    const message = await createMessage(db, secondOrganizer, notice());
    await requestSend(db, secondOrganizer, { messageId: message.id });
    await approveMessage(db, organizer, message.id).catch(() => undefined);
    await sendAll(message.id);
    expect(receivedBy('en-one@example.com')).toHaveLength(1);
    expect(receivedBy('ko-one@example.com')).toHaveLength(2);
    const rows = await db.select().from(commRecipients).where(eq(commRecipients.messageId, message.id));
    expect(rows.filter((row) => row.status === 'suppressed')).toHaveLength(2);
  });

  it('resends after a crash only what was never recorded as sent', async () => {
    const message = await createMessage(db, organizer, notice({ segment: { audience: 'supporters', confirmed: 'yes' } }));
    await requestSend(db, organizer, { messageId: message.id });
    await freezeRecipients(db, message.id);
    // A worker claimed the recipient and died before sending: its lease runs out, another sends it once.
    await db
      .update(commRecipients)
      .set({ status: 'sending', lockedUntil: new Date(Date.now() - 1_000) })
      .where(eq(commRecipients.messageId, message.id));
    await deliverSlice(db, message.id, { provider, budgetMs: 5_000 });
    await deliverSlice(db, message.id, { provider, budgetMs: 5_000 });
    expect(receivedBy('confirmed@example.com')).toHaveLength(1);
  });
});
