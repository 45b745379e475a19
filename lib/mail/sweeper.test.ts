import { eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { authTokens, mailOutbox, supporters } from '@/db/schema';
import { DEMO_CASE_SLUG } from '@/db/seed/demo-case';
import { seedDemoCase } from '@/db/seed/demo';
import { parseInput } from '@/lib/forms/action';
import { confirmSignature } from '@/lib/petition/confirm';
import { petitionSchema } from '@/lib/petition/schemas';
import { signPetition } from '@/lib/petition/sign';
import { requestPasswordResetNow as requestPasswordReset } from '@/tests/helpers/jobs';
import { resetPassword } from '@/lib/users/password-reset';
import { setupTestDatabase } from '@/tests/helpers/database';
import { type LoopbackSmtp, startLoopbackSmtp } from '@/tests/helpers/smtp-server';
import { createTestUser } from '@/tests/helpers/users';
import { queueMail } from './outbox';
import { sweepOutbox } from './sweeper';
import { type MailTransport, createSmtpTransport } from './transport';

let db: Database;
let smtp: LoopbackSmtp;
let transport: MailTransport & { kind: 'smtp' };
const context = { locale: 'ko' as const, ipHash: 'iphash', appUrl: 'https://joinder.example' };

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
  smtp = await startLoopbackSmtp({ refuse: ['nobody@refused.test'] });
  transport = await createSmtpTransport(smtp.url, 'Joinder <no-reply@joinder.test>');
});

afterAll(async () => {
  transport?.close();
  await smtp?.stop();
});

const sign = (email: string) =>
  signPetition(db, DEMO_CASE_SLUG, parseInput(petitionSchema, { name: '김서명', privacyConsent: true, email }), context);

const receivedBy = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

/** Sweeps as the server would, until nothing is due at `now`. */
async function sweepAll(now = new Date()) {
  const total = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
  for (;;) {
    const round = await sweepOutbox(db, { transport, now });
    total.sent += round.sent;
    total.retried += round.retried;
    total.failed += round.failed;
    total.cancelled += round.cancelled;
    if (round.claimed === 0) return total;
  }
}

describe('the outbox sweeper over a real SMTP server', () => {
  it('delivers a confirmation exactly once, with a live token minted at send time, and keeps no body or token after', async () => {
    expect(await sign('sweep-once@example.com')).toEqual({ status: 'signed' });
    const [queued] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'sweep-once@example.com'));
    expect(queued).toMatchObject({ status: 'queued', textBody: null, tokenKind: 'supporter' });
    expect(JSON.stringify(queued)).not.toMatch(/token=/);

    expect((await sweepAll()).sent).toBeGreaterThanOrEqual(1);
    await sweepAll();
    const mails = receivedBy('sweep-once@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('1·25 인터넷 대란');
    const token = /support\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mails[0].text)?.[1];
    expect(token).toBeTruthy();
    expect(mails[0].text).toContain(`support/withdraw?token=${token}`);
    expect(await confirmSignature(db, DEMO_CASE_SLUG, token!)).toBe('confirmed');

    const [sent] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, queued.id));
    expect(sent).toMatchObject({ status: 'sent', params: {}, tokenLinks: {}, textBody: null, subject: null, error: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it('with SMTP down for a minute, mails wait and nothing is lost; all go out once, after it is back', async () => {
    const emails = Array.from({ length: 5 }, (_, index) => `outage-${index}@example.com`);
    const start = new Date();
    await smtp.stop();
    for (const email of emails) await sign(email);
    const user = await createTestUser(db, { email: 'outage-reset@example.com' });
    await requestPasswordReset(db, user.email, context.appUrl);

    // A minute of attempts against a dead port: each fails, is put back with a later attempt time.
    for (const seconds of [0, 6, 16, 36, 60]) {
      const round = await sweepAll(new Date(start.getTime() + seconds * 1000));
      expect(round.sent).toBe(0);
      expect(round.failed).toBe(0);
    }
    const waiting = await db.select().from(mailOutbox).where(like(mailOutbox.toAddress, 'outage-%'));
    expect(waiting).toHaveLength(6);
    expect(waiting.every((mail) => mail.status === 'queued' && mail.attempts >= 2 && mail.error)).toBe(true);
    expect(smtp.received.filter((mail) => mail.to.some((to) => to.startsWith('outage-')))).toHaveLength(0);

    await smtp.start();
    const after = await sweepAll(new Date(start.getTime() + 6 * 60_000));
    expect(after.sent).toBe(6);
    await sweepAll(new Date(start.getTime() + 20 * 60_000));
    for (const email of [...emails, user.email]) expect(receivedBy(email)).toHaveLength(1);
    const done = await db.select().from(mailOutbox).where(like(mailOutbox.toAddress, 'outage-%'));
    expect(done.every((mail) => mail.status === 'sent' && mail.error === null)).toBe(true);

    // The reset link that finally arrived is the one that works.
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(receivedBy(user.email)[0].text)?.[1];
    await resetPassword(db, token!, 'a brand new passphrase 77');
  });

  it('sends nothing for a token that was used or expired before the mail went out', async () => {
    const user = await createTestUser(db, { email: 'stale-token@example.com' });
    await requestPasswordReset(db, user.email, context.appUrl);
    await db
      .update(authTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authTokens.userId, user.id));
    expect((await sweepAll()).cancelled).toBe(1);
    expect(receivedBy(user.email)).toHaveLength(0);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, user.email));
    expect(mail).toMatchObject({ status: 'cancelled', params: {} });
  });

  it('gives up at once on a permanent refusal (550) and keeps the reason', async () => {
    await queueMail(db, {
      to: 'nobody@refused.test',
      locale: 'en',
      template: 'claimSubmitted',
      params: { name: 'N', caseTitle: 'T', reference: 'R-1', link: 'https://joinder.example/my' },
    });
    expect((await sweepAll()).failed).toBe(1);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'nobody@refused.test'));
    expect(mail.status).toBe('failed');
    expect(mail.error).toMatch(/550/);
  });

  it('a mail claimed by a sweeper that died is sent by another once its lease runs out, and never twice meanwhile', async () => {
    await sign('orphan@example.com');
    // A sweeper claims the mail and dies before sending: the row stays leased.
    await db
      .update(mailOutbox)
      .set({ status: 'sending', lockedUntil: new Date(Date.now() + 120_000) })
      .where(eq(mailOutbox.toAddress, 'orphan@example.com'));
    expect((await sweepAll()).sent).toBe(0);
    expect((await sweepAll(new Date(Date.now() + 121_000))).sent).toBe(1);
    expect(receivedBy('orphan@example.com')).toHaveLength(1);
  });

  it('without a transport (a deployment with no SMTP) leaves every mail queued', async () => {
    await sign('held@example.com');
    expect(await sweepOutbox(db, { transport: { kind: 'none' } })).toMatchObject({ claimed: 0 });
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'held@example.com'));
    expect(mail.status).toBe('queued');
    await sweepAll();
    expect(receivedBy('held@example.com')).toHaveLength(1);
  });

  it('never stores the live token: the stored hash changes when the mail is sent and matches only the mailed link', async () => {
    await sign('hash-moves@example.com');
    const before = await db.select().from(supporters).where(eq(supporters.email, 'hash-moves@example.com'));
    await sweepAll();
    const after = await db
      .select()
      .from(supporters)
      .where(inArray(supporters.id, [before[0].id]));
    expect(after[0].confirmTokenHash).not.toBe(before[0].confirmTokenHash);
    const token = /confirm\?token=([A-Za-z0-9_-]+)/.exec(receivedBy('hash-moves@example.com')[0].text)![1];
    expect(await confirmSignature(db, DEMO_CASE_SLUG, token)).toBe('confirmed');
  });
});
