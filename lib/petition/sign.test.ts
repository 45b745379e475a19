import { and, eq, sql, sum } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { mailOutbox, metricCounters, supporters } from '@/db/schema';
import { DEMO_CASE_SLUG } from '@/db/seed/demo-case';
import { seedDemoCase } from '@/db/seed/demo';
import { decryptField } from '@/lib/crypto/field-encryption';
import { resetEnvCache } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { parseInput } from '@/lib/forms/action';
import { readMetricTotals, rebuildMetricCounters } from '@/lib/metrics/counters';
import { setupTestDatabase } from '@/tests/helpers/database';
import { countJobs } from '@/tests/helpers/jobs';
import { confirmSignature, findSignatureByToken, withdrawSignature } from './confirm';
import { petitionSchema } from './schemas';
import { signPetition } from './sign';
import { resolveCampaignSource } from './source';
import { deliverQueuedMail } from '@/tests/helpers/mail';

let db: Database;
let caseId: string;
const context = { locale: 'ko' as const, ipHash: 'iphash', appUrl: 'http://joinder.test' };

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  caseId = (await seedDemoCase(db)).caseId;
});

function input(values: Record<string, unknown>) {
  return parseInput(petitionSchema, { name: '김서명', privacyConsent: true, ...values });
}

function tokenFromMail(body: string, kind: 'confirm' | 'withdraw'): string {
  const match = new RegExp(`/support/${kind}\\?token=([A-Za-z0-9_-]+)`).exec(body);
  if (!match) throw new Error(`no ${kind} link in mail`);
  return match[1];
}

describe('signPetition', () => {
  it('stores one signature with the encrypted phone, the consent version and the source, and queues the confirmation mail', async () => {
    const result = await signPetition(
      db,
      DEMO_CASE_SLUG,
      input({ email: ' New.Signer@Example.com ', phone: '010-1234-5678', region: 'busan', source: 'Radio_Ad!' }),
      context,
    );
    expect(result).toEqual({ status: 'signed' });
    const [row] = await db.select().from(supporters).where(eq(supporters.email, 'new.signer@example.com'));
    expect(row.caseId).toBe(caseId);
    expect(row.phoneEncrypted).not.toContain('1234');
    expect(decryptField(row.phoneEncrypted)).toBe('01012345678');
    expect(row.consentVersion).toBe(1);
    expect(row.consentDocumentId).toBeTruthy();
    expect(row.source).toBe('radio_ad');
    expect(row.confirmedAt).toBeNull();
    await deliverQueuedMail(db);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'new.signer@example.com'));
    expect(mail.template).toBe('petitionConfirm');
    expect(mail.textBody).toContain('http://joinder.test/cases/slammer-2003/support/confirm?token=');
  });

  it('answers the same email again exactly like a first signature, writes no row and tells the owner by mail (issue 17, item 12)', async () => {
    const before = await db.$count(supporters, eq(supporters.caseId, caseId));
    const result = await signPetition(db, DEMO_CASE_SLUG, input({ email: 'NEW.SIGNER@example.com' }), context);
    // Today's main answered `already_signed`: anyone could learn whether a person backed the suit.
    expect(result).toEqual({ status: 'signed' });
    expect(await db.$count(supporters, eq(supporters.caseId, caseId))).toBe(before);
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'new.signer@example.com'));
    expect(mails.map((mail) => mail.template).sort()).toEqual(['petitionAlreadySigned', 'petitionConfirm']);
    // Once an hour at most, so re-signing cannot flood the owner's mailbox.
    await signPetition(db, DEMO_CASE_SLUG, input({ email: 'new.signer@example.com' }), context);
    expect(await db.$count(mailOutbox, eq(mailOutbox.toAddress, 'new.signer@example.com'))).toBe(2);
  });

  it('keeps one row when many requests for one address race', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => signPetition(db, DEMO_CASE_SLUG, input({ email: 'racer@example.com' }), context)),
    );
    expect(results.every((result) => result.status === 'signed')).toBe(true);
    expect(await db.$count(supporters, and(eq(supporters.caseId, caseId), eq(supporters.email, 'racer@example.com')))).toBe(1);
  });

  it('refuses an unknown case with not_found and a resident registration number in the name', async () => {
    await expect(signPetition(db, 'no-such-case', input({ email: 'x@example.com' }), context)).rejects.toMatchObject({ code: 'not_found' });
    const error = await signPetition(db, DEMO_CASE_SLUG, input({ email: 'rrn@example.com', name: '홍길동 800101-1234567' }), context).catch(
      (caught) => caught,
    );
    expect(isAppError(error) && error.fieldErrors).toEqual({ name: 'validation.rrnRefused' });
  });

  it('counts unconfirmed and confirmed apart, drops a withdrawal at once and signs a withdrawn address in again', async () => {
    const totals = () => readMetricTotals(db, caseId, ['supporters.signed', 'supporters.confirmed', 'supporters.withdrawn'] as const);
    const start = await totals();
    await signPetition(db, DEMO_CASE_SLUG, input({ email: 'counted@example.com' }), context);
    await deliverQueuedMail(db);
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'counted@example.com'));
    const token = tokenFromMail(mail.textBody ?? '', 'confirm');
    expect(tokenFromMail(mail.textBody ?? '', 'withdraw')).toBe(token);
    expect(await totals()).toEqual({ ...start, 'supporters.signed': start['supporters.signed'] + 1 });

    expect(await confirmSignature(db, DEMO_CASE_SLUG, token)).toBe('confirmed');
    expect(await confirmSignature(db, DEMO_CASE_SLUG, token)).toBe('confirmed');
    expect(await totals()).toEqual({
      ...start,
      'supporters.signed': start['supporters.signed'] + 1,
      'supporters.confirmed': start['supporters.confirmed'] + 1,
    });

    expect(await withdrawSignature(db, DEMO_CASE_SLUG, token)).toBe('withdrawn');
    expect(await totals()).toEqual({ ...start, 'supporters.withdrawn': start['supporters.withdrawn'] + 1 });
    expect(await findSignatureByToken(db, DEMO_CASE_SLUG, token)).toMatchObject({ state: 'withdrawn' });

    expect(await signPetition(db, DEMO_CASE_SLUG, input({ email: 'counted@example.com' }), context)).toEqual({ status: 'signed' });
    expect(await totals()).toEqual({ ...start, 'supporters.signed': start['supporters.signed'] + 1 });
  });

  it('does not confirm with a token of another case or a made-up token', async () => {
    expect(await confirmSignature(db, 'other-case', 'x'.repeat(43))).toBeNull();
    expect(await confirmSignature(db, DEMO_CASE_SLUG, 'x'.repeat(43))).toBeNull();
  });
});

describe('the supporter rollups', () => {
  it('count after inserts, confirmations and withdrawals exactly what a full recount counts, per dimension', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        signPetition(
          db,
          DEMO_CASE_SLUG,
          input({ email: `rollup-${index}@example.com`, region: index % 2 ? 'busan' : undefined, source: `src${index % 3}` }),
          context,
        ),
      ),
    );
    const snapshot = async () =>
      Object.fromEntries(
        (
          await db
            .select({
              key: sql<string>`${metricCounters.metric} || '|' || ${metricCounters.dimension} || '|' || ${metricCounters.dimensionValue}`,
              total: sum(metricCounters.delta).mapWith(Number),
            })
            .from(metricCounters)
            .where(and(eq(metricCounters.caseId, caseId), sql`${metricCounters.metric} like 'supporters.%'`))
            .groupBy(metricCounters.metric, metricCounters.dimension, metricCounters.dimensionValue)
        )
          .filter((row) => row.total !== 0)
          .map((row) => [row.key, row.total]),
      );
    const incremental = await snapshot();
    await rebuildMetricCounters(db, caseId);
    expect(incremental).toEqual(await snapshot());
  });
});

describe('signPetition with SMTP configured', () => {
  it('takes the same batched path: the mail row is queued for the sweeper, with a token reference and no live token', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:2525';
    resetEnvCache();
    try {
      expect(await signPetition(db, DEMO_CASE_SLUG, input({ email: 'smtp@example.com' }), context)).toEqual({ status: 'signed' });
      const [row] = await db.select().from(supporters).where(eq(supporters.email, 'smtp@example.com'));
      const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'smtp@example.com'));
      expect(mail).toMatchObject({ status: 'queued', tokenKind: 'supporter', tokenRef: row.id, textBody: null, subject: null });
      expect(JSON.stringify(mail)).not.toContain('token=');
      expect(await countJobs(db, 'mail.deliver')).toBe(0);
      expect(await signPetition(db, DEMO_CASE_SLUG, input({ email: 'smtp@example.com' }), context)).toEqual({ status: 'signed' });
    } finally {
      delete process.env.SMTP_URL;
      resetEnvCache();
    }
  });
});

describe('petitionSchema', () => {
  it('gives per-field keys for a bad email, a missing consent and a bad phone; a region is read when signing, not refused', () => {
    const parsed = petitionSchema.safeParse({ name: '', email: 'not-an-email', privacyConsent: 'false', phone: '12', region: 'atlantis' });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(Object.keys(fields).sort()).toEqual(['email', 'name', 'phone', 'privacyConsent']);
    expect(fields.privacyConsent).toBe('validation.mustAccept');
    expect(fields.phone).toBe('validation.phone');
  });
});

describe('resolveCampaignSource', () => {
  it('prefers the campaign code, then the referring host, never our own host', () => {
    expect(resolveCampaignSource({ src: 'KakaoTalk', referer: 'https://news.example.com/a?b=c' })).toBe('kakaotalk');
    expect(resolveCampaignSource({ referer: 'https://www.news.example.com/a?email=x@y' })).toBe('news.example.com');
    expect(resolveCampaignSource({ referer: 'http://localhost:3000/cases/x', ownHost: 'localhost:3000' })).toBeUndefined();
    expect(resolveCampaignSource({ referer: 'not a url' })).toBeUndefined();
  });
});
