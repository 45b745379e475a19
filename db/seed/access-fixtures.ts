import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { blobs, caseMemberships, cases, claimants, consentDocuments, evidence, filingParts, filings, statements, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { sha256Hex } from '@/lib/crypto/hash';
import { DEMO_CASE_SLUG, DEMO_PASSWORD } from './demo-case';
import { minimalPdf } from './minimal-pdf';

/**
 * The people and records the access matrix (tests/access) needs beyond the demo seed: a second
 * claimant in the demo case, a second case with its own lawyer and claimant, and for each claimant
 * a signed statement, an evidence file and per case a filing — all with fixed ids, so a test outside
 * the server process can name "claimant B's evidence" in a URL on PGlite and PostgreSQL alike.
 * Loaded only when JOINDER_SEED_FIXTURES=access-matrix (never in a real deployment).
 */
export const ACCESS_FIXTURE_CASE_SLUG = 'access-other';

export const ACCESS_FIXTURE_EMAILS = {
  claimantA: 'claimant@joinder.test',
  claimantB: 'claimant-b@joinder.test',
  claimantC: 'claimant-c@joinder.test',
  lawyer: 'lawyer@joinder.test',
  otherLawyer: 'lawyer-other@joinder.test',
  organizer: 'organizer@joinder.test',
  admin: 'admin@joinder.test',
} as const;

const fixed = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A and B are claimants of the demo case; C is a claimant of the other case. */
export const ACCESS_FIXTURE_IDS = {
  otherCaseId: fixed(0x100),
  claimantA: fixed(0xa01),
  claimantB: fixed(0xb01),
  claimantC: fixed(0xc01),
  statementA: fixed(0xa02),
  statementB: fixed(0xb02),
  statementC: fixed(0xc02),
  evidenceA: fixed(0xa03),
  evidenceB: fixed(0xb03),
  evidenceC: fixed(0xc03),
  filingDemo: fixed(0xd01),
  filingOther: fixed(0xd02),
} as const;

type ClaimantKey = 'A' | 'B' | 'C';

export async function seedAccessFixtures(db: Database, now = new Date()): Promise<void> {
  const [exists] = await db.select({ id: cases.id }).from(cases).where(eq(cases.slug, ACCESS_FIXTURE_CASE_SLUG));
  if (exists) return;
  const [demo] = await db.select().from(cases).where(eq(cases.slug, DEMO_CASE_SLUG));
  if (!demo) throw new Error('The access fixtures build on the demo case: seed it first (JOINDER_SEED_DEMO).');
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    await tx.insert(cases).values({
      id: ACCESS_FIXTURE_IDS.otherCaseId,
      slug: ACCESS_FIXTURE_CASE_SLUG,
      titleKo: '접근 시험용 다른 사건',
      titleEn: 'Another case (access test)',
      referencePrefix: 'OTH',
      status: 'open',
    });
    const newUser = async (email: string, name: string) =>
      (await tx.insert(users).values({ email, name, passwordHash, emailVerifiedAt: now }).returning({ id: users.id }))[0].id;
    const otherLawyerId = await newUser(ACCESS_FIXTURE_EMAILS.otherLawyer, '다른 사건 변호사');
    await tx.insert(caseMemberships).values({ caseId: ACCESS_FIXTURE_IDS.otherCaseId, userId: otherLawyerId, role: 'lawyer' });

    // Claimant A is the demo claimant; its draft record takes a fixed id (nothing refers to it yet).
    const [claimantAUser] = await tx.select({ id: users.id }).from(users).where(eq(users.email, ACCESS_FIXTURE_EMAILS.claimantA));
    await tx
      .update(claimants)
      .set({ id: ACCESS_FIXTURE_IDS.claimantA })
      .where(and(eq(claimants.caseId, demo.id), eq(claimants.userId, claimantAUser.id)));
    const claimantBUser = await newUser(ACCESS_FIXTURE_EMAILS.claimantB, '김철수');
    await tx.insert(claimants).values({ id: ACCESS_FIXTURE_IDS.claimantB, caseId: demo.id, userId: claimantBUser, status: 'draft', source: 'fixture' });
    const claimantCUser = await newUser(ACCESS_FIXTURE_EMAILS.claimantC, '이영희');
    await tx.insert(claimants).values({ id: ACCESS_FIXTURE_IDS.claimantC, caseId: ACCESS_FIXTURE_IDS.otherCaseId, userId: claimantCUser, status: 'draft', source: 'fixture' });

    const owners: Record<ClaimantKey, { caseId: string; userId: string }> = {
      A: { caseId: demo.id, userId: claimantAUser.id },
      B: { caseId: demo.id, userId: claimantBUser },
      C: { caseId: ACCESS_FIXTURE_IDS.otherCaseId, userId: claimantCUser },
    };
    for (const [key, owner] of Object.entries(owners) as [ClaimantKey, (typeof owners)[ClaimantKey]][]) {
      const claimantId = ACCESS_FIXTURE_IDS[`claimant${key}`];
      const text = `Fixture statement of claimant ${key}.`;
      await tx.insert(statements).values({
        id: ACCESS_FIXTURE_IDS[`statement${key}`],
        claimantId,
        caseId: owner.caseId,
        kind: 'patch_status',
        version: 1,
        answers: {},
        renderedText: text,
        language: 'en',
        signerName: `Claimant ${key}`,
        signedAt: now,
        signerIp: '127.0.0.1',
        signerUserAgent: 'fixture',
        textSha256: sha256Hex(text),
      });
      const bytes = minimalPdf(`Evidence of claimant ${key}`);
      const sha256 = sha256Hex(bytes);
      await tx.insert(blobs).values({ sha256, bytes, byteSize: bytes.byteLength, mime: 'application/pdf' }).onConflictDoNothing();
      await tx.insert(evidence).values({
        id: ACCESS_FIXTURE_IDS[`evidence${key}`],
        claimantId,
        caseId: owner.caseId,
        kind: 'isp_bill',
        originalFilename: `bill-${key}.pdf`,
        detectedMime: 'application/pdf',
        byteSize: bytes.byteLength,
        sha256,
        pageCount: 1,
        uploadedBy: owner.userId,
      });
      await tx.update(claimants).set({ hasSignedStatement: true, evidenceCount: 1 }).where(eq(claimants.id, claimantId));
    }

    for (const [filingId, caseId] of [
      [ACCESS_FIXTURE_IDS.filingDemo, demo.id],
      [ACCESS_FIXTURE_IDS.filingOther, ACCESS_FIXTURE_IDS.otherCaseId],
    ] as const) {
      const bytes = minimalPdf(`Filing ${filingId}`);
      const sha256 = sha256Hex(bytes);
      await tx.insert(blobs).values({ sha256, bytes, byteSize: bytes.byteLength, mime: 'application/pdf' }).onConflictDoNothing();
      await tx.insert(filings).values({ id: filingId, caseId, version: 1, options: { fixture: true }, status: 'done', finishedAt: now });
      await tx.insert(filingParts).values({ filingId, partNumber: 1, sha256, pageCount: 1, byteSize: bytes.byteLength });
    }
    // The other case needs its consent texts too, so intake pages render there as in the demo case.
    const demoDocuments = await tx.select().from(consentDocuments).where(eq(consentDocuments.caseId, demo.id));
    if (demoDocuments.length) {
      await tx.insert(consentDocuments).values(
        demoDocuments.map(({ kind, version, locale, title, body, bodySha256 }) => ({ caseId: ACCESS_FIXTURE_IDS.otherCaseId, kind, version, locale, title, body, bodySha256, publishedAt: now })),
      );
    }
  });
}
