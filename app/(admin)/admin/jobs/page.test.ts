import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { getJobQueue } from '@/lib/jobs/boss';
import { PASSWORD_RESET_MAIL_JOB } from '@/lib/users/password-reset';
import { setupTestDatabase } from '@/tests/helpers/database';
import { runQueuedJobs } from '@/tests/helpers/jobs';
import { actAs } from '@/tests/helpers/next-context';
import { createTestUser } from '@/tests/helpers/users';
import DeadJobsPage from './page';

vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => ({
  ...(await import('@/tests/helpers/next-context')).nextIntlServerMock,
  getFormatter: async () => ({ dateTime: (date: Date) => date.toISOString() }),
}));

let db: Database;
let adminId: string;
let memberId: string;
beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  adminId = (await createTestUser(db, { isPlatformAdmin: true })).id;
  memberId = (await createTestUser(db, {})).id;
  // A reset job whose address is personal data and whose appUrl is malformed: it dead-letters at once.
  await (await getJobQueue()).send(PASSWORD_RESET_MAIL_JOB, { email: 'private@example.com', appUrl: 'not a url' });
  await runQueuedJobs(db, [PASSWORD_RESET_MAIL_JOB]);
});

describe('/admin/jobs', () => {
  it('shows platform admins each dead job with its last error and a retry button, not its payload', async () => {
    await actAs(db, adminId, { isStaff: true });
    const html = renderToStaticMarkup(await DeadJobsPage());
    expect(html).toContain(PASSWORD_RESET_MAIL_JOB);
    expect(html).toContain('bad payload for auth.password_reset_mail');
    expect(html).toContain('다시 시도');
    expect(html).not.toContain('private@example.com');
  });

  it('is not found for anyone else', async () => {
    await actAs(db, memberId);
    await expect(DeadJobsPage()).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_HTTP_ERROR_FALLBACK;404') });
  });
});
