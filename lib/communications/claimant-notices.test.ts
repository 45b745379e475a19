import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { type Claimant, cases, claimants, commMessages, commRecipients } from '@/db/schema';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestCase, createTestUser } from '@/tests/helpers/users';
import type { ChannelProvider, OutgoingMessage } from './channels';
import { claimantNoticeLink, listClaimantNotices } from './claimant-notices';
import { deliverSlice } from './delivery';

let db: Database;
let caseId: string;
let slug: string;
let claimant: Claimant;
let other: Claimant;
const HOME = 'http://joinder.test/my/cases/x';

async function notice(values: Partial<typeof commMessages.$inferInsert> = {}) {
  const [message] = await db
    .insert(commMessages)
    .values({
      caseId,
      audience: 'claimants',
      kind: 'transactional',
      segment: { audience: 'claimants' },
      subjectKo: '{name}님, 보완이 필요합니다',
      subjectEn: '{name}, your claim needs more',
      bodyKo: '접수번호 {reference}: {missingItems}을(를) 보내 주세요. {homeLink}',
      bodyEn: 'Reference {reference}: please send your {missingItems}. {homeLink}',
      status: 'sending',
      frozenAt: new Date(),
      ...values,
    })
    .returning();
  return message;
}

async function addRecipient(messageId: string, person: Claimant, status: 'queued' | 'sent' | 'bounced', sentAt?: Date) {
  await db.insert(commRecipients).values({
    messageId,
    caseId,
    personId: person.id,
    idempotencyKey: `${messageId}:${person.id}`,
    address: `${person.id}@example.test`,
    locale: 'ko',
    status,
    sentAt: sentAt ?? (status === 'sent' ? new Date() : null),
  });
}

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  ({ id: caseId } = await createTestCase(db));
  [{ slug }] = await db.select({ slug: cases.slug }).from(cases).where(eq(cases.id, caseId));
  const [user, otherUser] = [await createTestUser(db, { name: '김원고' }), await createTestUser(db, { name: '다른사람' })];
  [claimant, other] = await db
    .insert(claimants)
    .values([
      { caseId, userId: user.id, status: 'needs_info', referenceNumber: 'TST-000777', hasSignedStatement: true, hasSignedConsent: true },
      { caseId, userId: otherUser.id, status: 'draft' },
    ])
    .returning();
});

describe("the claimant's notices (issue 13, item 7)", () => {
  it('lists only the notices that reached this claimant, newest first, in the language asked, transactional ones marked', async () => {
    const deficiency = await notice();
    await addRecipient(deficiency.id, claimant, 'sent', new Date('2026-11-01T00:00:00Z'));
    await addRecipient(deficiency.id, other, 'sent');
    const update = await notice({
      kind: 'update',
      subjectKo: '소식',
      subjectEn: 'News',
      bodyKo: '소장을 냈습니다',
      bodyEn: 'The suit is filed',
    });
    await addRecipient(update.id, claimant, 'sent', new Date('2026-11-02T00:00:00Z'));
    const bounced = await notice({ subjectKo: '반송', subjectEn: 'Bounced' });
    await addRecipient(bounced.id, claimant, 'bounced');
    const onlyOther = await notice({ subjectKo: '남의 것', subjectEn: 'Not theirs' });
    await addRecipient(onlyOther.id, other, 'sent');

    const ko = await listClaimantNotices(db, claimant, 'ko', HOME);
    expect(ko.map((item) => [item.id, item.isTransactional])).toEqual([
      [update.id, false],
      [deficiency.id, true],
    ]);
    expect(ko[1]).toMatchObject({
      subject: '김원고님, 보완이 필요합니다',
      body: `접수번호 TST-000777: 증거 자료을(를) 보내 주세요. ${HOME}`,
      sentAt: new Date('2026-11-01T00:00:00Z'),
    });
    const en = await listClaimantNotices(db, claimant, 'en', HOME);
    expect(en.map((item) => item.subject)).toEqual(['News', '김원고, your claim needs more']);
    expect(en[1].body).toBe(`Reference TST-000777: please send your evidence. ${HOME}`);
    expect((await listClaimantNotices(db, other, 'en', HOME)).map((item) => item.subject).sort()).toEqual([
      'Not theirs',
      '다른사람, your claim needs more',
    ]);
  });

  it("gives a claimant notice a reply link to the claimant's home naming that notice", async () => {
    const message = await notice({ subjectKo: '링크', subjectEn: 'Link' });
    await addRecipient(message.id, claimant, 'queued');
    const sent: OutgoingMessage[] = [];
    const provider: ChannelProvider = {
      ratePerSecond: 1_000,
      concurrency: 4,
      send: async (outgoing) => void sent.push(outgoing),
      close: () => {},
    };
    await deliverSlice(db, message.id, { provider, budgetMs: 5_000 });
    expect(sent).toHaveLength(1);
    const link = /(https?:\/\/\S+\/my\/cases\/\S+)/.exec(sent[0].text)?.[1];
    expect(link).toBe(claimantNoticeLink(new URL(link!).origin, slug, message.id));
    expect((await listClaimantNotices(db, claimant, 'ko', HOME)).map((item) => item.id)).toContain(message.id);
  });
});
