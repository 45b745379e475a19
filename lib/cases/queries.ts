import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Case, caseEvents, caseMemberships, cases, consentDocuments, defendants, type ConsentKind } from '@/db/schema';
import { isCaseSlug } from '@/lib/format/case-slug';
import type { Locale } from '@/lib/i18n/config';

export async function findCaseBySlug(db: Database, slug: string): Promise<Case | null> {
  // A slug from a URL is client input: one that cannot exist is not worth a query (or a NUL byte error).
  if (!isCaseSlug(slug)) return null;
  const [found] = await db.select().from(cases).where(eq(cases.slug, slug));
  return found ?? null;
}

/** Cases anyone may see: open ones and those already filed. */
export async function listPublicCases(db: Database): Promise<Case[]> {
  return db
    .select()
    .from(cases)
    .where(inArray(cases.status, ['open', 'filed']))
    .orderBy(desc(cases.createdAt));
}

export async function getCasePublicView(db: Database, slug: string) {
  const found = await findCaseBySlug(db, slug);
  if (!found || found.status === 'draft') return null;
  const [caseDefendants, timeline] = await Promise.all([
    db.select().from(defendants).where(eq(defendants.caseId, found.id)).orderBy(asc(defendants.position)),
    db.select().from(caseEvents).where(eq(caseEvents.caseId, found.id)).orderBy(asc(caseEvents.occurredAt)),
  ]);
  return { case: found, defendants: caseDefendants, timeline };
}

/** The latest published version of a consent text in the reader's language. */
export async function findCurrentConsentDocument(db: Database, caseId: string, kind: ConsentKind, locale: Locale) {
  const [doc] = await db
    .select()
    .from(consentDocuments)
    .where(and(eq(consentDocuments.caseId, caseId), eq(consentDocuments.kind, kind), eq(consentDocuments.locale, locale)))
    .orderBy(desc(consentDocuments.version))
    .limit(1);
  return doc ?? null;
}

/** Cases where the user holds a staff role, with that role. */
export async function listStaffCases(db: Database, userId: string) {
  return db
    .select({ case: cases, role: caseMemberships.role })
    .from(caseMemberships)
    .innerJoin(cases, eq(cases.id, caseMemberships.caseId))
    .where(eq(caseMemberships.userId, userId))
    .orderBy(desc(cases.createdAt));
}

/** A case field in the reader's language. */
export function localized<T extends Record<string, unknown>>(row: T, field: string, locale: Locale): string {
  const key = `${field}${locale === 'ko' ? 'Ko' : 'En'}`;
  return String(row[key] ?? '');
}
