import { decode } from 'next-auth/jwt';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { getSecrets } from '@/lib/env';
import { setupTestDatabase } from '@/tests/helpers/database';
import { cookiesSet, redirectTarget } from '@/tests/helpers/next-context';
import { TEST_PASSWORD, createTestUser } from '@/tests/helpers/users';
import { SESSION_COOKIE_PLAIN } from './options';
import { checkSession } from './sessions';
import { signInAction } from './sign-in-action';

vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);

/**
 * Issue 17, item 17: the sign-in form is a server action, so it posts (never a GET with the
 * password in the URL) and signs in without JavaScript; these run it as Next would.
 */
let db: Database;
beforeAll(async () => {
  db = (await setupTestDatabase()).db;
});
beforeEach(() => cookiesSet.clear());

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe('signing in through the form action', () => {
  it('sets the session cookie next-auth reads and goes to the safe return path', async () => {
    const user = await createTestUser(db, { emailVerifiedAt: new Date() });
    const target = await signInAction(
      null,
      form({ email: user.email, password: TEST_PASSWORD, callbackUrl: '/my/cases/slammer-2003' }),
    ).catch((error: unknown) => redirectTarget(error));
    expect(target).toBe('/my/cases/slammer-2003');
    const cookie = cookiesSet.get(SESSION_COOKIE_PLAIN);
    expect(cookie?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    const token = await decode({ token: cookie!.value, secret: getSecrets().authSecret });
    expect(token?.sub).toBe(user.id);
    expect((await checkSession(db, String(token?.sid), user.id)).ok).toBe(true);
  });

  it('never sends anyone off-site, whatever the return path says', async () => {
    const user = await createTestUser(db, { emailVerifiedAt: new Date() });
    const target = await signInAction(
      null,
      form({ email: user.email, password: TEST_PASSWORD, callbackUrl: 'https://evil.example/' }),
    ).catch((error: unknown) => redirectTarget(error));
    expect(target).toBe('/home');
  });

  it('answers a wrong password with a translated message, keeps the email, never echoes the password, sets no cookie', async () => {
    const user = await createTestUser(db);
    const state = await signInAction(null, form({ email: user.email, password: 'not the password at all' }));
    expect(state).toMatchObject({
      ok: false,
      message: '이메일 또는 비밀번호가 맞지 않습니다.',
      needsTotp: false,
      values: { email: user.email },
    });
    expect(JSON.stringify(state)).not.toContain('not the password at all');
    expect(cookiesSet.size).toBe(0);
  });
});
