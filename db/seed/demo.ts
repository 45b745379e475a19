import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  type ConsentKind,
  type NewCase,
  caseEvents,
  caseMemberships,
  cases,
  claimants,
  consentDocuments,
  defendants,
  users,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { ClaimDefinition } from '@/lib/claims';
import { COUPANG_2025 } from '@/lib/claims/definitions/coupang-2025';
import { SLAMMER_2003 } from '@/lib/claims/definitions/slammer-2003';
import { publishDefinition } from '@/lib/claims/store/definitions';
import { sha256Hex } from '@/lib/crypto/hash';
import { COUPANG_CASE, COUPANG_CONSENTS, COUPANG_DEFENDANTS, COUPANG_TIMELINE } from './coupang-case';
import { DEMO_ACCOUNTS, DEMO_CASE, DEMO_CASE_SLUG, DEMO_CONSENTS, DEMO_DEFENDANTS, DEMO_PASSWORD, DEMO_TIMELINE } from './demo-case';

export type DemoSeedResult = { caseId: string; coupangCaseId: string; created: boolean };

type DemoCaseSpec = {
  row: NewCase;
  defendants: readonly Omit<typeof defendants.$inferInsert, 'caseId' | 'position'>[];
  timeline: readonly {
    at: string;
    dateOnly: boolean;
    titleKo: string;
    titleEn: string;
    descriptionKo: string;
    descriptionEn: string;
    source: string;
  }[];
  consents: { kind: ConsentKind; ko: { title: string; body: string }; en: { title: string; body: string } }[];
  definition: ClaimDefinition;
};

/** The two demo cases: Slammer (2003) and the Coupang breach (2025), each run by its own claim definition. */
const DEMO_CASES: DemoCaseSpec[] = [
  { row: DEMO_CASE, defendants: DEMO_DEFENDANTS, timeline: DEMO_TIMELINE, consents: DEMO_CONSENTS, definition: SLAMMER_2003 },
  { row: COUPANG_CASE, defendants: COUPANG_DEFENDANTS, timeline: COUPANG_TIMELINE, consents: COUPANG_CONSENTS, definition: COUPANG_2025 },
];

/**
 * Seeds the demo cases and the demo accounts; each staff account is a member of every demo case
 * in its role, the demo claimant has a draft in each. A case already there is left as it is, so
 * this runs again safely (and adds the Coupang case to a database seeded before it existed).
 */
export async function seedDemoCase(db: Database, now = new Date()): Promise<DemoSeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const accounts = await ensureDemoAccounts(tx, passwordHash, now);
    const admin = accounts.find((account) => account.caseRole === 'admin')!;
    const ids: string[] = [];
    let created = false;
    for (const spec of DEMO_CASES) {
      const [existing] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.slug, spec.row.slug));
      if (existing) {
        ids.push(existing.id);
        continue;
      }
      created = true;
      ids.push(await insertDemoCase(tx, spec, accounts, admin.id, now));
    }
    return { caseId: ids[0], coupangCaseId: ids[1], created };
  });
}

type DemoAccount = (typeof DEMO_ACCOUNTS)[number] & { id: string };

async function ensureDemoAccounts(tx: Database, passwordHash: string, now: Date): Promise<DemoAccount[]> {
  await tx
    .insert(users)
    .values(
      DEMO_ACCOUNTS.map((account) => ({
        email: account.email,
        name: account.name,
        passwordHash,
        isPlatformAdmin: account.isPlatformAdmin,
        emailVerifiedAt: now,
      })),
    )
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((account) => account.email),
      ),
    );
  return DEMO_ACCOUNTS.map((account) => ({ ...account, id: rows.find((row) => row.email === account.email)!.id }));
}

async function insertDemoCase(tx: Database, spec: DemoCaseSpec, accounts: DemoAccount[], adminId: string, now: Date): Promise<string> {
  const [demoCase] = await tx.insert(cases).values(spec.row).returning({ id: cases.id });
  const caseId = demoCase.id;
  await tx.insert(defendants).values(spec.defendants.map((defendant, index) => ({ ...defendant, caseId, position: index + 1 })));
  await tx.insert(caseEvents).values(
    spec.timeline.map((event) => ({
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
    spec.consents.flatMap((consent) =>
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
  // Published as version 1 through the same path as the editor's publish step (validated, audited).
  const published = await publishDefinition(tx, { caseId, definition: spec.definition, actorUserId: adminId, ip: null });
  for (const account of accounts) {
    if (account.caseRole) await tx.insert(caseMemberships).values({ caseId, userId: account.id, role: account.caseRole });
    else
      await tx
        .insert(claimants)
        .values({ caseId, userId: account.id, status: 'draft', source: 'demo', definitionVersion: published.version });
  }
  return caseId;
}

export { DEMO_CASE_SLUG };
