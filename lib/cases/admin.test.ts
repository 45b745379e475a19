import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, caseMemberships, consentDocuments, mailOutbox, users } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { setupTestDatabase } from '@/tests/helpers/database';
import {
  addDefendant,
  createCase,
  grantMembership,
  listDefendants,
  publishConsentVersion,
  removeDefendant,
  revokeMembership,
} from './admin';
import { newCaseSchema } from './schemas';
import { deliverQueuedMail } from '@/tests/helpers/mail';

let handle: DatabaseHandle;
let adminId: string;
const actor = () => ({ userId: adminId, ip: '198.51.100.7' });

const newCase = (slug: string) =>
  newCaseSchema.parse({
    slug,
    referencePrefix: 'cpn',
    titleKo: '쿠팡 개인정보 유출 공동소송',
    titleEn: 'Coupang data breach joint suit',
    jurisdiction: 'KR',
    status: 'draft',
    supporterGoal: '10000',
    plaintiffGoal: '5000',
    incidentStartedAt: '2025-11-18T09:00',
  });

beforeAll(async () => {
  handle = await setupTestDatabase();
  await seedDemoCase(handle.db);
  [{ id: adminId }] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@joinder.test'));
});

describe('case administration', () => {
  it('creates a case with version-1 consent texts in both languages, audited', async () => {
    const created = await createCase(handle.db, actor(), newCase('coupang-2025-admin-test'));
    expect(created.referencePrefix).toBe('CPN');
    expect(created.incidentStartedAt?.toISOString()).toBe('2025-11-18T00:00:00.000Z');
    const docs = await handle.db.select().from(consentDocuments).where(eq(consentDocuments.caseId, created.id));
    expect(docs).toHaveLength(8);
    expect(docs.find((doc) => doc.kind === 'retainer' && doc.locale === 'ko')?.body).toContain('쿠팡 개인정보 유출 공동소송');
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.created'), eq(auditLog.caseId, created.id)));
    expect(entry.actorUserId).toBe(adminId);
  });

  it('refuses a slug already taken, with a field error', async () => {
    await expect(createCase(handle.db, actor(), newCase('slammer-2003'))).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: { slug: 'admin.cases.slugTaken' },
    });
  });

  it('keeps defendant positions gapless when one is removed', async () => {
    const created = await createCase(handle.db, actor(), newCase('defendants-case'));
    for (const name of ['가', '나', '다']) {
      await addDefendant(handle.db, actor(), created.id, {
        kind: 'company',
        nameKo: name,
        nameEn: name,
        representativeKo: '',
        representativeEn: '',
        representativeNameKo: '',
        representativeNameEn: '',
        addressKo: '',
        addressEn: '',
      });
    }
    const [, middle] = await listDefendants(handle.db, created.id);
    await removeDefendant(handle.db, actor(), created.id, middle.id);
    const remaining = await listDefendants(handle.db, created.id);
    expect(remaining.map((row) => [row.position, row.nameKo])).toEqual([
      [1, '가'],
      [2, '다'],
    ]);
  });

  it('invites a new member by mail without creating an account or a role (the flow is in invitations.test.ts)', async () => {
    const created = await createCase(handle.db, actor(), newCase('members-case'));
    expect(
      await grantMembership(
        handle.db,
        actor(),
        created,
        { email: 'New.Lawyer@Example.kr', name: '정변호', role: 'lawyer' },
        'https://joinder.example',
      ),
    ).toBe('invited');
    expect(await handle.db.select().from(users).where(eq(users.email, 'new.lawyer@example.kr'))).toEqual([]);
    await deliverQueuedMail(handle.db);
    const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'new.lawyer@example.kr'));
    expect(mail.textBody ?? '').toContain('https://joinder.example/invitations/accept?token=');
    expect(await handle.db.$count(caseMemberships, eq(caseMemberships.caseId, created.id))).toBe(0);
    const trail = await handle.db.select().from(auditLog).where(eq(auditLog.caseId, created.id));
    expect(trail.map((row) => row.action)).toContain('membership.invited');
  });

  it('does not let an admin remove their own membership', async () => {
    const created = await createCase(handle.db, actor(), newCase('self-case'));
    await handle.db.insert(caseMemberships).values({ caseId: created.id, userId: adminId, role: 'admin' });
    const [own] = await handle.db
      .select()
      .from(caseMemberships)
      .where(and(eq(caseMemberships.caseId, created.id), eq(caseMemberships.userId, adminId)));
    await expect(revokeMembership(handle.db, actor(), created.id, own.id)).rejects.toMatchObject({
      messageKey: 'admin.members.cannotRemoveSelf',
    });
    expect(await handle.db.select().from(caseMemberships).where(eq(caseMemberships.id, own.id))).toHaveLength(1);
  });

  it('publishes consent texts as new versions and keeps the old ones', async () => {
    const created = await createCase(handle.db, actor(), newCase('consent-case'));
    const version = await publishConsentVersion(handle.db, actor(), created.id, {
      kind: 'retainer',
      titleKo: '소송위임 계약 (개정)',
      bodyKo: '개정 본문',
      titleEn: 'Retainer (revised)',
      bodyEn: 'Revised text',
    });
    expect(version).toBe(2);
    const retainers = await handle.db
      .select()
      .from(consentDocuments)
      .where(and(eq(consentDocuments.caseId, created.id), eq(consentDocuments.kind, 'retainer')));
    expect(retainers.map((doc) => `${doc.version}:${doc.locale}`).sort()).toEqual(['1:en', '1:ko', '2:en', '2:ko']);
  });
});
