import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Case, caseMemberships, cases, consentDocuments, defendants, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { sha256Hex } from '@/lib/crypto/hash';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { queueMail } from '@/lib/mail/outbox';
import { normalizeEmail } from '@/lib/format/contact';
import { defaultConsentTexts } from './default-consents';
import { createInvitation } from './invitations';
import type { CaseDetailsInput, DefendantInput, NewCaseInput } from './schemas';
import type { z } from 'zod';
import type { consentVersionSchema, membershipSchema } from './schemas';

export type Actor = { userId: string; ip: string };

/** A new case with starting consent texts (version 1, both languages), in one transaction. */
export async function createCase(db: Database, actor: Actor, input: NewCaseInput): Promise<Case> {
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx.insert(cases).values(input).returning();
      const texts = defaultConsentTexts({ ko: input.titleKo, en: input.titleEn });
      await tx.insert(consentDocuments).values(
        Object.entries(texts).flatMap(([kind, byLocale]) =>
          (['ko', 'en'] as const).map((locale) => ({
            caseId: created.id,
            kind: kind as keyof typeof texts,
            version: 1,
            locale,
            title: byLocale[locale].title,
            body: byLocale[locale].body,
            bodySha256: sha256Hex(byLocale[locale].body),
          })),
        ),
      );
      await recordAudit(tx, {
        action: 'case.created',
        actorUserId: actor.userId,
        caseId: created.id,
        subjectType: 'case',
        subjectId: created.id,
        ip: actor.ip,
        details: { slug: created.slug },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', { messageKey: 'admin.cases.slugTaken', fieldErrors: { slug: 'admin.cases.slugTaken' } });
    throw error;
  }
}

export async function updateCaseDetails(db: Database, actor: Actor, caseId: string, input: CaseDetailsInput): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(cases).set(input).where(eq(cases.id, caseId));
    await recordAudit(tx, {
      action: 'case.updated',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'case',
      subjectId: caseId,
      ip: actor.ip,
      details: { fields: Object.keys(input) },
    });
  });
}

export async function updateComplaintTemplate(
  db: Database,
  actor: Actor,
  caseId: string,
  input: { complaintCausesKo: string; complaintCausesEn: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(cases).set(input).where(eq(cases.id, caseId));
    await recordAudit(tx, {
      action: 'case.updated',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'case',
      subjectId: caseId,
      ip: actor.ip,
      details: { fields: ['complaintCauses'] },
    });
  });
}

export async function listDefendants(db: Database, caseId: string) {
  return db.select().from(defendants).where(eq(defendants.caseId, caseId)).orderBy(asc(defendants.position));
}

export async function addDefendant(db: Database, actor: Actor, caseId: string, input: DefendantInput): Promise<void> {
  await db.transaction(async (tx) => {
    // Serialise additions per case so two admins adding at once get distinct positions.
    await tx.execute(sql`select id from ${cases} where ${cases.id} = ${caseId} for update`);
    const [{ last }] = await tx
      .select({ last: max(defendants.position) })
      .from(defendants)
      .where(eq(defendants.caseId, caseId));
    const [created] = await tx
      .insert(defendants)
      .values({ ...input, caseId, position: (last ?? 0) + 1 })
      .returning({ id: defendants.id });
    await recordAudit(tx, {
      action: 'case.updated',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'defendant',
      subjectId: created.id,
      ip: actor.ip,
      details: { added: true },
    });
  });
}

/** Removes a defendant (scoped to the case) and closes the gap in the caption order. */
export async function removeDefendant(db: Database, actor: Actor, caseId: string, defendantId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select id from ${cases} where ${cases.id} = ${caseId} for update`);
    const [removed] = await tx
      .delete(defendants)
      .where(and(eq(defendants.caseId, caseId), eq(defendants.id, defendantId)))
      .returning({ position: defendants.position });
    if (!removed) throw new AppError('not_found');
    // Two steps so the unique (case, position) index never sees a duplicate mid-update.
    await tx
      .update(defendants)
      .set({ position: sql`-${defendants.position}` })
      .where(and(eq(defendants.caseId, caseId), sql`${defendants.position} > ${removed.position}`));
    await tx
      .update(defendants)
      .set({ position: sql`-${defendants.position} - 1` })
      .where(and(eq(defendants.caseId, caseId), sql`${defendants.position} < 0`));
    await recordAudit(tx, {
      action: 'case.updated',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'defendant',
      subjectId: defendantId,
      ip: actor.ip,
      details: { removed: true },
    });
  });
}

export async function listMembers(db: Database, caseId: string) {
  return db
    .select({
      id: caseMemberships.id,
      role: caseMemberships.role,
      userId: users.id,
      email: users.email,
      name: users.name,
      hasTotp: sql<boolean>`${users.totpEnabledAt} is not null`,
    })
    .from(caseMemberships)
    .innerJoin(users, eq(users.id, caseMemberships.userId))
    .where(eq(caseMemberships.caseId, caseId))
    .orderBy(asc(caseMemberships.role), asc(users.email));
}

/**
 * Offers someone a role in the case (issue 17, item 3). Every grant goes through the invitation
 * flow (./invitations): the address is mailed a link, and the role arrives only once its holder
 * has opened it and set up two-step sign-in. The one exception is a new role for someone already
 * a member of the case whose address is proved and whose account has two-step sign-in: that
 * changes at once, with a mail telling them, and every session of theirs ends (item 10).
 */
export async function grantMembership(
  db: Database,
  actor: Actor,
  caseRow: Pick<Case, 'id' | 'titleKo' | 'titleEn'>,
  input: z.infer<typeof membershipSchema>,
  appUrl: string,
): Promise<'invited' | 'changed'> {
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    const [existing] = user
      ? await tx
          .select()
          .from(caseMemberships)
          .where(and(eq(caseMemberships.caseId, caseRow.id), eq(caseMemberships.userId, user.id)))
      : [];
    if (!user || !existing || !user.emailVerifiedAt || !user.totpEnabledAt) {
      await createInvitation(tx, actor, caseRow, { email, role: input.role, locale: user?.locale ?? 'ko' }, appUrl);
      return 'invited';
    }
    await tx.update(caseMemberships).set({ role: input.role }).where(eq(caseMemberships.id, existing.id));
    await revokeAllSessions(tx, user.id);
    await queueMail(tx, {
      to: user.email,
      locale: user.locale,
      template: 'membershipChanged',
      params: { caseTitle: user.locale === 'ko' ? caseRow.titleKo : caseRow.titleEn, link: `${appUrl}/sign-in` },
    });
    await recordAudit(tx, {
      action: 'membership.changed',
      actorUserId: actor.userId,
      caseId: caseRow.id,
      subjectType: 'user',
      subjectId: user.id,
      ip: actor.ip,
      details: { role: input.role, previousRole: existing.role },
    });
    return 'changed';
  });
}

/** Removes a member; every session of theirs ends, so no staff page stays open to them (item 10). */
export async function revokeMembership(db: Database, actor: Actor, caseId: string, membershipId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(caseMemberships)
      .where(and(eq(caseMemberships.caseId, caseId), eq(caseMemberships.id, membershipId)))
      .returning();
    if (!removed) throw new AppError('not_found');
    if (removed.userId === actor.userId) throw new AppError('invalid_input', { messageKey: 'admin.members.cannotRemoveSelf' });
    await revokeAllSessions(tx, removed.userId);
    await recordAudit(tx, {
      action: 'membership.revoked',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'user',
      subjectId: removed.userId,
      ip: actor.ip,
      details: { role: removed.role },
    });
  });
}

/** The newest version of each consent kind, in both languages. */
export async function listCurrentConsentTexts(db: Database, caseId: string) {
  const rows = await db
    .select()
    .from(consentDocuments)
    .where(eq(consentDocuments.caseId, caseId))
    .orderBy(asc(consentDocuments.kind), asc(consentDocuments.version));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(`${row.kind}:${row.locale}`, row);
  return [...latest.values()];
}

/**
 * Publishes a new version of a consent text in both languages. Earlier versions stay: every
 * signature points at the exact text it agreed to.
 */
export async function publishConsentVersion(
  db: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof consentVersionSchema>,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from ${cases} where ${cases.id} = ${caseId} for update`);
    const [{ last }] = await tx
      .select({ last: max(consentDocuments.version) })
      .from(consentDocuments)
      .where(and(eq(consentDocuments.caseId, caseId), eq(consentDocuments.kind, input.kind)));
    const version = (last ?? 0) + 1;
    await tx.insert(consentDocuments).values([
      { caseId, kind: input.kind, version, locale: 'ko', title: input.titleKo, body: input.bodyKo, bodySha256: sha256Hex(input.bodyKo) },
      { caseId, kind: input.kind, version, locale: 'en', title: input.titleEn, body: input.bodyEn, bodySha256: sha256Hex(input.bodyEn) },
    ]);
    await recordAudit(tx, {
      action: 'case.updated',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'consent_document',
      subjectId: `${input.kind}:${version}`,
      ip: actor.ip,
      details: { kind: input.kind, version },
    });
    return version;
  });
}
