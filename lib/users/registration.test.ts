import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { claimants, mailOutbox, users } from '@/db/schema';
import { enrollClaimant } from '@/lib/claimants/enrollment';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestCase } from '@/tests/helpers/users';
import { registerUser } from './accounts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

const input = (email: string) => ({ name: '홍길동', email, password: 'a long enough passphrase', locale: 'ko' as const });

describe('registration with a case to join', () => {
  it('creates the account, its mail and the claimant record together', async () => {
    const found = await createTestCase(handle.db);
    const user = await registerUser(handle.db, input('together@joinder.test'), { appUrl: 'https://joinder.example' }, async (tx, created) => {
      await enrollClaimant(tx, { userId: created.id, caseSlug: found.slug, locale: 'ko' });
    });
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
