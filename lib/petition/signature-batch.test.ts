import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { mailOutbox, supporters } from '@/db/schema';
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
    mail: { template: 'petitionConfirm', subject: '확인', text: `확인 링크 ${email}` },
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
      .select({ to: mailOutbox.toAddress, body: mailOutbox.textBody })
      .from(mailOutbox)
      .where(like(mailOutbox.toAddress, 'batch-%@example.test'));
    expect(mails.map((mail) => mail.to).sort()).toEqual([...emails].sort());
    const after = await readMetricTotals(db, caseId, ['supporters.signed']);
    expect(after['supporters.signed'] - before['supporters.signed']).toBe(300);
  });

  it('lets only one of two simultaneous signatures of one address through, the other is already signed', async () => {
    const results = await Promise.all([
      ...Array.from({ length: 8 }, (_, index) => sign(`crowd-${index}@example.test`)),
      sign('twice@example.test'),
      sign('Twice@Example.test'),
    ]);
    expect(results.slice(0, 8).every((result) => result.status === 'signed')).toBe(true);
    expect(
      results
        .slice(8)
        .map((result) => result.status)
        .sort(),
    ).toEqual(['already_signed', 'signed']);
    expect(await db.$count(supporters, eq(supporters.email, 'twice@example.test'))).toBe(1);
    expect(await db.$count(mailOutbox, eq(mailOutbox.toAddress, 'twice@example.test'))).toBe(1);
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
