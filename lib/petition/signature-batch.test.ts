import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { commConsents, mailOutbox, supporters } from '@/db/schema';
import { PETITION_UPDATES_CONSENT } from '@/lib/communications/consents';
import { DEMO_CASE_SLUG } from '@/db/seed/demo-case';
import { seedDemoCase } from '@/db/seed/demo';
import { createToken } from '@/lib/crypto/hash';
import { parseInput } from '@/lib/forms/action';
import { readMetricTotals } from '@/lib/metrics/counters';
import { setupTestDatabase } from '@/tests/helpers/database';
import { petitionSchema } from './schemas';
import { findPetitionTarget, signPetition } from './sign';
import { type PendingSignature, SignatureBatcher } from './signature-batch';

let db: Database;
let caseId: string;
const context = { locale: 'ko' as const, ipHash: 'iphash', appUrl: 'http://joinder.test' };

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  caseId = (await seedDemoCase(db)).caseId;
});

const sign = (email: string) =>
  signPetition(db, DEMO_CASE_SLUG, parseInput(petitionSchema, { name: '김서명', privacyConsent: true, email, region: 'seoul' }), context);

async function signature(email: string, overrides: Partial<PendingSignature['row']> = {}): Promise<PendingSignature> {
  const target = (await findPetitionTarget(db, DEMO_CASE_SLUG))!;
  return {
    row: {
      caseId,
      name: '김서명',
      email,
      region: null,
      phoneEncrypted: null,
      locale: 'ko',
      source: null,
      consentDocumentId: target.consent.ko!.id,
      consentVersion: target.consent.ko!.version,
      confirmTokenHash: createToken().tokenHash,
      ipHash: null,
      ...overrides,
    },
    mail: { template: 'petitionConfirm', params: { name: '김서명', caseTitle: '확인' }, links: { link: 'http://joinder.test/confirm' } },
  };
}

describe('signatures written together', () => {
  it('gives each of 300 simultaneous signatures its row, its own mail and its count', async () => {
    const before = await readMetricTotals(db, caseId, ['supporters.signed']);
    const emails = Array.from({ length: 300 }, (_, index) => `batch-${index}@example.test`);
    const results = await Promise.all(emails.map(sign));
    expect(results.every((result) => result.status === 'signed')).toBe(true);
    expect(await db.$count(supporters, and(eq(supporters.caseId, caseId), like(supporters.email, 'batch-%@example.test')))).toBe(300);
    const mails = await db
      .select({ to: mailOutbox.toAddress, ref: mailOutbox.tokenRef, rowId: supporters.id })
      .from(mailOutbox)
      .innerJoin(supporters, eq(supporters.email, mailOutbox.toAddress))
      .where(like(mailOutbox.toAddress, 'batch-%@example.test'));
    expect(mails.map((mail) => mail.to).sort()).toEqual([...emails].sort());
    // Each mail refers to its own signature, whose token the sweeper mints when it sends.
    expect(mails.every((mail) => mail.ref === mail.rowId)).toBe(true);
    const after = await readMetricTotals(db, caseId, ['supporters.signed']);
    expect(after['supporters.signed'] - before['supporters.signed']).toBe(300);
  });

  it('lets only one of two simultaneous signatures of one address through; both answer alike, the owner is told', async () => {
    const results = await Promise.all([
      ...Array.from({ length: 8 }, (_, index) => sign(`crowd-${index}@example.test`)),
      sign('twice@example.test'),
      sign('Twice@Example.test'),
    ]);
    expect(results.slice(0, 8).every((result) => result.status === 'signed')).toBe(true);
    expect(results.slice(8).map((result) => result.status)).toEqual(['signed', 'signed']);
    expect(await db.$count(supporters, eq(supporters.email, 'twice@example.test'))).toBe(1);
    const mails = await db.select({ template: mailOutbox.template }).from(mailOutbox).where(eq(mailOutbox.toAddress, 'twice@example.test'));
    expect(mails.map((mail) => mail.template).sort()).toEqual(['petitionAlreadySigned', 'petitionConfirm']);
  });

  it('retries a failed batch one by one, so only the bad signature fails', async () => {
    const batcher = new SignatureBatcher(db);
    // The first four go out alone at once; the next seven wait and travel as one batch with a bad row.
    const first = await Promise.all(Array.from({ length: 4 }, (_, index) => signature(`lead-${index}@example.test`)));
    const rest = await Promise.all(
      Array.from({ length: 7 }, (_, index) =>
        signature(`mixed-${index}@example.test`, index === 3 ? { consentDocumentId: randomUUID() } : {}),
      ),
    );
    const outcomes = await Promise.allSettled([...first, ...rest].map((item) => batcher.submit(item)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([...Array(7).fill('fulfilled'), 'rejected', ...Array(3).fill('fulfilled')]);
    expect(await db.$count(supporters, like(supporters.email, 'mixed-%@example.test'))).toBe(6);
    expect(await db.$count(mailOutbox, like(mailOutbox.toAddress, 'mixed-%@example.test'))).toBe(6);
    expect(await db.$count(supporters, eq(supporters.email, 'mixed-3@example.test'))).toBe(0);
  });
});

describe('the updates consent written with the signature (issue 13, item 5)', () => {
  const signWith = (email: string, updatesConsent?: string) =>
    signPetition(
      db,
      DEMO_CASE_SLUG,
      parseInput(petitionSchema, { name: '김소식', privacyConsent: 'on', email, ...(updatesConsent ? { updatesConsent } : {}) }),
      context,
    );
  const consentOf = async (email: string) => {
    const [row] = await db
      .select({ text: commConsents.consentText, withdrawnAt: commConsents.withdrawnAt })
      .from(commConsents)
      .innerJoin(supporters, eq(supporters.id, commConsents.supporterId))
      .where(and(eq(supporters.caseId, caseId), eq(supporters.email, email)));
    return row;
  };

  it('records the consent text for exactly the signers who ticked the box, also when they are written together', async () => {
    const emails = Array.from({ length: 40 }, (_, index) => `updates-${index}@example.test`);
    await Promise.all(emails.map((email, index) => signWith(email, index % 2 === 0 ? 'on' : undefined)));
    const rows = await db
      .select({ email: supporters.email, text: commConsents.consentText })
      .from(commConsents)
      .innerJoin(supporters, eq(supporters.id, commConsents.supporterId))
      .where(like(supporters.email, 'updates-%@example.test'));
    expect(rows.map((row) => row.email).sort()).toEqual(emails.filter((_, index) => index % 2 === 0).sort());
    expect(new Set(rows.map((row) => row.text))).toEqual(new Set([PETITION_UPDATES_CONSENT]));
  });

  it('writes no consent for a signature that failed in its batch, and keeps the others of that batch', async () => {
    const batcher = new SignatureBatcher(db);
    const items = await Promise.all(
      Array.from({ length: 9 }, (_, index) =>
        signature(`consent-mixed-${index}@example.test`, index === 6 ? { consentDocumentId: randomUUID() } : {}),
      ),
    );
    const outcomes = await Promise.allSettled(items.map((item) => batcher.submit({ ...item, updatesConsent: PETITION_UPDATES_CONSENT })));
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    const written = await db
      .select({ email: supporters.email })
      .from(commConsents)
      .innerJoin(supporters, eq(supporters.id, commConsents.supporterId))
      .where(like(supporters.email, 'consent-mixed-%@example.test'));
    expect(written).toHaveLength(8);
    expect(written.map((row) => row.email)).not.toContain('consent-mixed-6@example.test');
  });

  it('leaves a standing signature as it was, and answers the box afresh when a withdrawn address signs again', async () => {
    await signWith('standing@example.test');
    await signWith('standing@example.test', 'on');
    expect(await consentOf('standing@example.test')).toBeUndefined();

    await signWith('again@example.test', 'on');
    expect(await consentOf('again@example.test')).toEqual({ text: PETITION_UPDATES_CONSENT, withdrawnAt: null });
    await db.update(supporters).set({ withdrawnAt: new Date() }).where(eq(supporters.email, 'again@example.test'));
    await signWith('again@example.test');
    expect((await consentOf('again@example.test'))?.withdrawnAt).toBeInstanceOf(Date);
    await db.update(supporters).set({ withdrawnAt: new Date() }).where(eq(supporters.email, 'again@example.test'));
    await signWith('again@example.test', 'true');
    expect(await consentOf('again@example.test')).toEqual({ text: PETITION_UPDATES_CONSENT, withdrawnAt: null });
  });

  it('reads the box as unchecked unless it says yes', () => {
    const parse = (updatesConsent: unknown) =>
      parseInput(petitionSchema, { name: '김', email: 'a@example.test', privacyConsent: 'on', updatesConsent }).updatesConsent;
    expect([parse(undefined), parse(''), parse('off'), parse('nope'), parse(false)]).toEqual([false, false, false, false, false]);
    expect([parse('on'), parse('true'), parse(true), parse(' YES ')]).toEqual([true, true, true, true]);
  });
});
