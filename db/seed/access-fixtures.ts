import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseMemberships, cases, claimants, consentDocuments, filingRounds, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import {
  ACCESS_FIXTURE_CASE_SLUG,
  ACCESS_FIXTURE_EMAILS,
  ACCESS_FIXTURE_IDS,
  ACCESS_JOIN_CASE_SLUG,
  ACCESS_SANDBOX_CASE_SLUG,
  type FixtureOwners,
} from './access-fixture-ids';
import { seedCaseRecords, seedClaimantRecords } from './access-fixture-records';
import { DEMO_CASE_SLUG, DEMO_PASSWORD } from './demo-case';

/**
 * The people and records the access matrix (tests/access) and the hostile corpus need beyond the
 * demo seed: a second claimant in the demo case, a second case with its own lawyer and claimant,
 * and for each claimant a signed statement and evidence files, per case a filing with a part, a
 * campaign code, defendants and memberships to remove — all with fixed ids, so a test outside the
 * server process can name "claimant B's evidence" in a URL on PGlite and PostgreSQL alike. Two
 * more open cases take the probes that change who is in a case (joining, withdrawing), so those
 * never change what the other probes see. Loaded only when JOINDER_SEED_FIXTURES=access-matrix
 * (never in a real deployment).
 */
export * from './access-fixture-ids';

export async function seedAccessFixtures(db: Database, now = new Date()): Promise<void> {
  const [exists] = await db.select({ id: cases.id }).from(cases).where(eq(cases.slug, ACCESS_FIXTURE_CASE_SLUG));
  if (exists) return;
  const [demo] = await db.select().from(cases).where(eq(cases.slug, DEMO_CASE_SLUG));
  if (!demo) throw new Error('The access fixtures build on the demo case: seed it first (JOINDER_SEED_DEMO).');
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const newCase = (id: string, slug: string, titleKo: string, titleEn: string, referencePrefix: string) =>
      tx.insert(cases).values({ id, slug, titleKo, titleEn, referencePrefix, status: 'open', incidentStartedAt: demo.incidentStartedAt });
    await newCase(ACCESS_FIXTURE_IDS.otherCaseId, ACCESS_FIXTURE_CASE_SLUG, '접근 시험용 다른 사건', 'Another case (access test)', 'OTH');
    await newCase(ACCESS_FIXTURE_IDS.joinCaseId, ACCESS_JOIN_CASE_SLUG, '접근 시험용 참여 사건', 'A case to join (access test)', 'JON');
    await newCase(
      ACCESS_FIXTURE_IDS.sandboxCaseId,
      ACCESS_SANDBOX_CASE_SLUG,
      '접근 시험용 철회 사건',
      'A case to withdraw from (access test)',
      'SBX',
    );
    const newUser = async (email: string, name: string) =>
      (await tx.insert(users).values({ email, name, passwordHash, emailVerifiedAt: now }).returning({ id: users.id }))[0].id;
    const otherLawyerId = await newUser(ACCESS_FIXTURE_EMAILS.otherLawyer, '다른 사건 변호사');
    await tx
      .insert(caseMemberships)
      .values({ id: ACCESS_FIXTURE_IDS.membershipOther, caseId: ACCESS_FIXTURE_IDS.otherCaseId, userId: otherLawyerId, role: 'lawyer' });
    const spareOrganizerId = await newUser(ACCESS_FIXTURE_EMAILS.spareOrganizer, '예비 활동가');
    await tx
      .insert(caseMemberships)
      .values({ id: ACCESS_FIXTURE_IDS.membershipSpare, caseId: demo.id, userId: spareOrganizerId, role: 'organizer' });

    // Claimant A is the demo claimant; its draft record takes a fixed id (nothing refers to it yet).
    const [claimantAUser] = await tx.select({ id: users.id }).from(users).where(eq(users.email, ACCESS_FIXTURE_EMAILS.claimantA));
    await tx
      .update(claimants)
      .set({ id: ACCESS_FIXTURE_IDS.claimantA })
      .where(and(eq(claimants.caseId, demo.id), eq(claimants.userId, claimantAUser.id)));
    const claimantBUser = await newUser(ACCESS_FIXTURE_EMAILS.claimantB, '김철수');
    await tx
      .insert(claimants)
      .values({ id: ACCESS_FIXTURE_IDS.claimantB, caseId: demo.id, userId: claimantBUser, status: 'draft', source: 'fixture' });
    const claimantCUser = await newUser(ACCESS_FIXTURE_EMAILS.claimantC, '이영희');
    await tx.insert(claimants).values({
      id: ACCESS_FIXTURE_IDS.claimantC,
      caseId: ACCESS_FIXTURE_IDS.otherCaseId,
      userId: claimantCUser,
      status: 'draft',
      source: 'fixture',
    });
    await tx.insert(claimants).values([
      {
        id: ACCESS_FIXTURE_IDS.sandboxClaimantA,
        caseId: ACCESS_FIXTURE_IDS.sandboxCaseId,
        userId: claimantAUser.id,
        status: 'draft',
        source: 'fixture',
      },
      {
        id: ACCESS_FIXTURE_IDS.sandboxClaimantB,
        caseId: ACCESS_FIXTURE_IDS.sandboxCaseId,
        userId: claimantBUser,
        status: 'draft',
        source: 'fixture',
      },
    ]);

    const owners: FixtureOwners = {
      A: { caseId: demo.id, userId: claimantAUser.id },
      B: { caseId: demo.id, userId: claimantBUser },
      C: { caseId: ACCESS_FIXTURE_IDS.otherCaseId, userId: claimantCUser },
    };
    await seedClaimantRecords(tx, owners, now);
    await seedCaseRecords(tx, demo, now);
    // Round 1 of the demo case (no members needed) for the round page and its download.
    await tx.insert(filingRounds).values({ caseId: demo.id, number: 1, name: '1차', cutoffOn: '2026-01-01' });

    // The other cases need their consent texts too, so intake pages render there as in the demo case.
    const demoDocuments = await tx.select().from(consentDocuments).where(eq(consentDocuments.caseId, demo.id));
    for (const caseId of [ACCESS_FIXTURE_IDS.otherCaseId, ACCESS_FIXTURE_IDS.joinCaseId, ACCESS_FIXTURE_IDS.sandboxCaseId]) {
      if (!demoDocuments.length) break;
      await tx.insert(consentDocuments).values(
        demoDocuments.map(({ kind, version, locale, title, body, bodySha256 }) => ({
          caseId,
          kind,
          version,
          locale,
          title,
          body,
          bodySha256,
          publishedAt: now,
        })),
      );
    }
  });
}
