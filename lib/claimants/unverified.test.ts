import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { cases, mailOutbox, supporters, users } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { GET as exportRoute } from '@/app/api/my/export/route';
import { requireOwnClaimant, requireSignedIn, requireUser } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { encryptField } from '@/lib/crypto/field-encryption';
import { VERIFICATION_MAILS_PER_HOUR, registerUser, resendVerificationMail, verifyEmail } from '@/lib/users/accounts';
import { setupTestDatabase } from '@/tests/helpers/database';
import { deliverQueuedMail } from '@/tests/helpers/mail';
import { actAs, redirectTarget } from '@/tests/helpers/next-context';
import { readZip } from '@/tests/helpers/zip';
import { eraseAccountAction } from '@/lib/erasure/actions';
import { eraseAccount } from '@/lib/erasure/erase-account';
import { joinCaseAction } from './actions';
import { streamOwnDataExport } from './export';

vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

/**
 * Issue 17, item 1: registering with someone else's address and signing in without verifying it
 * exported that person's petition signature (name, decrypted phone, region) and could erase it.
 * An unproved address now reaches nothing but the "verify first" page.
 */
let db: Database;
let caseId: string;
const VICTIM = 'victim-signer@example.kr';
const PHONE = '010-9876-5432';

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  await seedDemoCase(db);
  [{ id: caseId }] = await db.select({ id: cases.id }).from(cases).where(eq(cases.slug, 'slammer-2003'));
  await db.insert(supporters).values({
    caseId,
    name: '피해자',
    email: VICTIM,
    region: 'seoul',
    phoneEncrypted: encryptField(PHONE),
    consentVersion: 1,
    confirmedAt: new Date(),
  });
});

async function registerAs(email: string) {
  return registerUser(
    db,
    { name: 'Mallory', email, password: 'attacker passphrase 9', locale: 'ko' },
    { appUrl: 'https://joinder.example' },
  );
}

async function exportFor(userId: string) {
  const stream = await streamOwnDataExport(db, { userId, ip: '203.0.113.1' });
  return readZip(Buffer.from(await new Response(stream).arrayBuffer()));
}

describe('an account whose address is not proved', () => {
  it('cannot export the signature under that address: the route answers "verify first"', async () => {
    const attacker = await registerAs(VICTIM);
    await actAs(db, attacker.id);
    const response = await exportRoute(new Request('http://localhost:3000/api/my/export'), { params: Promise.resolve({}) });
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error).toBe('unverified');
    expect(JSON.stringify(body)).not.toContain(PHONE);
    // Even past the guard, the export matches signatures only for a proved address.
    const files = await exportFor(attacker.id);
    expect(JSON.parse(files.get('signatures.json')!.toString('utf8'))).toEqual([]);
    expect([...files.values()].some((file) => file.includes(PHONE))).toBe(false);
  });

  it('cannot erase the signature, through the action or past it', async () => {
    const [attacker] = await db.select().from(users).where(eq(users.email, VICTIM));
    await actAs(db, attacker.id);
    const form = new FormData();
    form.set('password', 'attacker passphrase 9');
    form.set('confirm', 'on');
    expect(await eraseAccountAction(null, form)).toMatchObject({
      ok: false,
      message: '먼저 이메일 주소를 확인해 주세요. 보내 드린 메일의 링크를 누르면 됩니다.',
    });
    expect(await db.$count(supporters, eq(supporters.email, VICTIM))).toBe(1);
    const erased = await eraseAccount(db, { userId: attacker.id, ip: '203.0.113.1' });
    expect(erased).toMatchObject({ outcome: 'erased', signatures: 0 });
    expect(await db.$count(supporters, eq(supporters.email, VICTIM))).toBe(1);
  });

  it('reaches no claimant area: pages send it to "verify first", actions refuse, only the signed-in check passes', async () => {
    const person = await registerAs('not-yet-proved@example.kr');
    await actAs(db, person.id);
    await expect(requireUser()).rejects.toMatchObject({ code: 'unverified', status: 403 });
    await expect(requireOwnClaimant('slammer-2003')).rejects.toMatchObject({ code: 'unverified' });
    await expect(requireSignedIn()).resolves.toMatchObject({ id: person.id });
    const redirect = await guardPage(() => requireUser(), '/my/cases/slammer-2003').catch((error: unknown) => redirectTarget(error));
    expect(redirect).toBe('/verify-first?callbackUrl=%2Fmy%2Fcases%2Fslammer-2003');
    const join = new FormData();
    join.set('caseSlug', 'slammer-2003');
    expect(await joinCaseAction(null, join)).toMatchObject({ ok: false });
  });

  it('gets its own signatures once the address is proved through the mailed link', async () => {
    const [owner] = await db.select().from(users).where(eq(users.email, 'not-yet-proved@example.kr'));
    await db
      .insert(supporters)
      .values({ caseId, name: '본인', email: owner.email, phoneEncrypted: encryptField('010-1111-2222'), consentVersion: 1 });
    await deliverQueuedMail(db);
    const [mail] = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, owner.email), eq(mailOutbox.template, 'verifyEmail')));
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.textBody ?? '')![1];
    expect(await verifyEmail(db, token)).toBe(true);
    await actAs(db, owner.id);
    const response = await exportRoute(new Request('http://localhost:3000/api/my/export'), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const files = readZip(Buffer.from(await response.arrayBuffer()));
    expect(JSON.parse(files.get('signatures.json')!.toString('utf8'))).toMatchObject([{ phone: '010-1111-2222' }]);
  });

  it('may ask for its verification link again, a few times an hour', async () => {
    const person = await registerAs('resend-me@example.kr');
    for (let i = 0; i < VERIFICATION_MAILS_PER_HOUR; i++) await resendVerificationMail(db, person.id, 'https://joinder.example');
    await expect(resendVerificationMail(db, person.id, 'https://joinder.example')).rejects.toMatchObject({ code: 'rate_limited' });
    expect(await db.$count(mailOutbox, and(eq(mailOutbox.toAddress, person.email), eq(mailOutbox.template, 'verifyEmail')))).toBe(
      1 + VERIFICATION_MAILS_PER_HOUR,
    );
  });
});
