import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { resetEnvCache } from '@/lib/env';
import { requestPasswordResetNow as requestPasswordReset } from '@/tests/helpers/jobs';
import { setupTestDatabase } from '@/tests/helpers/database';
import { deliverQueuedMail } from '@/tests/helpers/mail';
import { actAs } from '@/tests/helpers/next-context';
import { createTestUser } from '@/tests/helpers/users';
// Loaded before NODE_ENV is stubbed below, so React's development JSX runtime is the one in use.
import OutboxPage from './page';

vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => ({
  ...(await import('@/tests/helpers/next-context')).nextIntlServerMock,
  getFormatter: async () => ({ dateTime: (date: Date) => date.toISOString() }),
}));

let db: Database;
beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  const admin = await createTestUser(db, { isPlatformAdmin: true });
  await actAs(db, admin.id, { isStaff: true });
  const user = await createTestUser(db, { email: 'outbox-reader@example.com' });
  await requestPasswordReset(db, user.email, 'https://joinder.example');
  await deliverQueuedMail(db);
});

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

async function renderOutbox(): Promise<string> {
  return renderToStaticMarkup(await OutboxPage());
}

describe('/admin/outbox', () => {
  it('shows the dev mailbox with its links on a local demo (no APP_URL)', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    delete process.env.APP_URL;
    resetEnvCache();
    const html = await renderOutbox();
    expect(html).toContain('outbox-reader@example.com');
    expect(html).toContain('reset-password?token=');
  });

  it('shows no body and no live link on a deployment, only who, what kind and when', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('APP_URL', 'https://joinder.example');
    resetEnvCache();
    const html = await renderOutbox();
    expect(html).toContain('outbox-reader@example.com');
    expect(html).toContain('비밀번호 재설정');
    expect(html).not.toContain('token=');
    expect(html).not.toContain('<pre');
  });
});
