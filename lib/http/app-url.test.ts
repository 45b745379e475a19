import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { resetEnvCache } from '@/lib/env';
import { requestPasswordResetAction } from '@/lib/users/actions';
import { setupTestDatabase } from '@/tests/helpers/database';
import { runQueuedJobs } from '@/tests/helpers/jobs';
import { readMailTo } from '@/tests/helpers/mail';
import { PASSWORD_RESET_MAIL_JOB } from '@/lib/users/password-reset';
import { requestContext } from '@/tests/helpers/next-context';
import { createTestUser } from '@/tests/helpers/users';
import { currentAppUrl } from './app-url';

vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);

/** What an attacker sends to poison a reset link (issue 17, item 2). */
const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});
afterEach(() => {
  requestContext.extraHeaders = {};
  delete process.env.APP_URL;
  delete process.env.PORT;
  resetEnvCache();
});

async function mailedResetLink(): Promise<string> {
  const user = await createTestUser(handle.db);
  const form = new FormData();
  form.set('email', user.email);
  const result = await requestPasswordResetAction(null, form);
  expect(result.ok).toBe(true);
  await runQueuedJobs(handle.db, [PASSWORD_RESET_MAIL_JOB]);
  const [mail] = await readMailTo(handle.db, user.email);
  expect(mail?.textBody ?? '', 'no reset mail was delivered').toMatch(/token=/);
  return mail.textBody ?? '';
}

describe('links in mails come from configuration, never from request headers', () => {
  it('a deployment links to APP_URL whatever Host and X-Forwarded-Host say', async () => {
    process.env.APP_URL = 'https://joinder.example/';
    resetEnvCache();
    requestContext.extraHeaders = FORGED;
    await expect(currentAppUrl()).resolves.toBe('https://joinder.example');
    const mail = await mailedResetLink();
    expect(mail).toContain('https://joinder.example/reset-password?token=');
    expect(mail).not.toContain('evil.example');
  });

  it('a local demo links to its own local origin, not to a forged host', async () => {
    process.env.PORT = '3123';
    resetEnvCache();
    requestContext.extraHeaders = FORGED;
    await expect(currentAppUrl()).resolves.toBe('http://localhost:3123');
    const mail = await mailedResetLink();
    expect(mail).toMatch(/http:\/\/localhost:3123\/\S*token=/);
    expect(mail).not.toContain('evil.example');
  });
});
