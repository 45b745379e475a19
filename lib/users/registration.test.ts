import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { cases, claimants, mailOutbox, users } from '@/db/schema';
import { enrollClaimant } from '@/lib/claimants/enrollment';
import { resetEnvCache } from '@/lib/env';
import { setupTestDatabase } from '@/tests/helpers/database';
import { countJobs } from '@/tests/helpers/jobs';
import { createTestCase } from '@/tests/helpers/users';
import { registerUser, verifyEmail } from './accounts';
import { registerWithClaim } from './register-with-claim';
import { deliverQueuedMail } from '@/tests/helpers/mail';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

const input = (email: string) => ({ name: '홍길동', email, password: 'a long enough passphrase', locale: 'ko' as const });

describe('registration with a case to join', () => {
  it('creates the account, its mail and the claimant record together', async () => {
    const found = await createTestCase(handle.db);
    const user = await registerUser(
      handle.db,
      input('together@joinder.test'),
      { appUrl: 'https://joinder.example' },
      async (tx, created) => {
        await enrollClaimant(tx, { userId: created.id, caseSlug: found.slug, locale: 'ko' });
      },
    );
    const [claim] = await handle.db.select().from(claimants).where(eq(claimants.userId, user.id));
    expect(claim.caseId).toBe(found.id);
  });

  it('leaves nothing behind when joining fails (a closed case, a database outage half-way)', async () => {
    const refused = registerUser(handle.db, input('half@joinder.test'), { appUrl: 'https://joinder.example' }, async (tx, created) => {
      await enrollClaimant(tx, { userId: created.id, caseSlug: 'no-such-case', locale: 'ko' });
    });
    await expect(refused).rejects.toMatchObject({ code: 'not_found' });
    const [{ n: accounts }] = await handle.db.select({ n: count() }).from(users).where(eq(users.email, 'half@joinder.test'));
    const [{ n: mails }] = await handle.db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.toAddress, 'half@joinder.test'));
    expect([accounts, mails]).toEqual([0, 0]);
  });
});

describe('registerWithClaim (the sign-up form and the registration API)', () => {
  const links = { appUrl: 'https://joinder.example' };
  const written = async (email: string) => {
    const [{ n: accounts }] = await handle.db.select({ n: count() }).from(users).where(eq(users.email, email));
    const [{ n: mails }] = await handle.db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.toAddress, email));
    const [{ n: claims }] = await handle.db
      .select({ n: count() })
      .from(claimants)
      .innerJoin(users, eq(users.id, claimants.userId))
      .where(eq(users.email, email));
    return { accounts, mails, claims };
  };

  it('writes the account, a working verification link and the draft claim in one go', async () => {
    const found = await createTestCase(handle.db);
    const created = await registerWithClaim(
      handle.db,
      input('One.Go@Joinder.test'),
      { caseSlug: found.slug, source: 'naver-cafe', ipHash: 'ip-hash' },
      links,
    );
    expect(created.email).toBe('one.go@joinder.test');
    const [claim] = await handle.db.select().from(claimants).where(eq(claimants.id, created.claimantId));
    expect(claim).toMatchObject({
      caseId: found.id,
      userId: created.userId,
      status: 'draft',
      source: 'naver-cafe',
      signupIpHash: 'ip-hash',
      locale: 'ko',
    });
    await deliverQueuedMail(handle.db);
    const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'one.go@joinder.test'));
    expect(mail).toMatchObject({ template: 'verifyEmail', locale: 'ko', status: 'stored' });
    const token = /verify-email\?token=([\w-]+)/.exec(mail.textBody ?? '')?.[1];
    expect(token).toBeTruthy();
    expect(await verifyEmail(handle.db, token!)).toBe(true);
    const [user] = await handle.db.select().from(users).where(eq(users.id, created.userId));
    expect(user.emailVerifiedAt).not.toBeNull();
  });

  it('refuses a taken address and a closed or unknown case, writing nothing', async () => {
    const found = await createTestCase(handle.db);
    await registerWithClaim(handle.db, input('taken@joinder.test'), { caseSlug: found.slug }, links);
    await expect(registerWithClaim(handle.db, input('TAKEN@joinder.test'), { caseSlug: found.slug }, links)).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { email: 'auth.emailTaken' },
    });
    expect(await written('taken@joinder.test')).toEqual({ accounts: 1, mails: 1, claims: 1 });

    await handle.db.update(cases).set({ status: 'closed' }).where(eq(cases.id, found.id));
    await expect(registerWithClaim(handle.db, input('closed@joinder.test'), { caseSlug: found.slug }, links)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(registerWithClaim(handle.db, input('unknown@joinder.test'), { caseSlug: 'no-such-case' }, links)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await written('closed@joinder.test')).toEqual({ accounts: 0, mails: 0, claims: 0 });
    expect(await written('unknown@joinder.test')).toEqual({ accounts: 0, mails: 0, claims: 0 });
    await expect(
      registerWithClaim(handle.db, { ...input('weak@joinder.test'), password: 'short' }, { caseSlug: found.slug }, links),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('with SMTP, takes the same one-statement path: the mail is queued for the sweeper, with no job and no live token', async () => {
    const found = await createTestCase(handle.db);
    process.env.SMTP_URL = 'smtp://127.0.0.1:2525';
    resetEnvCache();
    try {
      const created = await registerWithClaim(handle.db, input('smtp@joinder.test'), { caseSlug: found.slug }, links);
      const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'smtp@joinder.test'));
      expect(mail).toMatchObject({ status: 'queued', tokenKind: 'auth_token', textBody: null });
      expect(await countJobs(handle.db, 'mail.deliver')).toBe(0);
      expect(await written('smtp@joinder.test')).toEqual({ accounts: 1, mails: 1, claims: 1 });
      expect(created.claimantId).toBeTruthy();
    } finally {
      delete process.env.SMTP_URL;
      resetEnvCache();
    }
  });
});
