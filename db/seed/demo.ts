import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseEvents, caseMemberships, cases, claimants, consentDocuments, defendants, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { sha256Hex } from '@/lib/crypto/hash';
import { DEMO_ACCOUNTS, DEMO_CASE, DEMO_CASE_SLUG, DEMO_CONSENTS, DEMO_DEFENDANTS, DEMO_PASSWORD, DEMO_TIMELINE } from './demo-case';

export type DemoSeedResult = { caseId: string; created: boolean };

/** Seeds the demo case and the demo accounts; does nothing when the case already exists. */
export async function seedDemoCase(db: Database, now = new Date()): Promise<DemoSeedResult> {
  const [existing] = await db.select({ id: cases.id }).from(cases).where(eq(cases.slug, DEMO_CASE_SLUG));
  if (existing) return { caseId: existing.id, created: false };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [demoCase] = await tx.insert(cases).values(DEMO_CASE).returning({ id: cases.id });
    const caseId = demoCase.id;
    await tx.insert(defendants).values(DEMO_DEFENDANTS.map((defendant, index) => ({ ...defendant, caseId, position: index + 1 })));
    await tx.insert(caseEvents).values(
      DEMO_TIMELINE.map((event) => ({
        caseId,
        occurredAt: new Date(event.at),
        isDateOnly: event.dateOnly,
        titleKo: event.titleKo,
        titleEn: event.titleEn,
        descriptionKo: event.descriptionKo,
        descriptionEn: event.descriptionEn,
        sourceLabel: event.source,
      })),
    );
    await tx.insert(consentDocuments).values(
      DEMO_CONSENTS.flatMap((consent) =>
        (['ko', 'en'] as const).map((locale) => ({
          caseId,
          kind: consent.kind,
          version: 1,
          locale,
          title: consent[locale].title,
          body: consent[locale].body,
          bodySha256: sha256Hex(consent[locale].body),
          publishedAt: now,
        })),
      ),
    );
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await tx
        .insert(users)
        .values({ email: account.email, name: account.name, passwordHash, isPlatformAdmin: account.isPlatformAdmin, emailVerifiedAt: now })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!user) continue;
      if (account.caseRole) {
        await tx.insert(caseMemberships).values({ caseId, userId: user.id, role: account.caseRole });
      } else {
        await tx.insert(claimants).values({ caseId, userId: user.id, status: 'draft', source: 'demo' });
      }
    }
    return { caseId, created: true };
  });
}
