import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, defendants } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import type { Actor } from './admin';

/** Sets who represents a defendant (대표이사 / its name), in the case's scope, with its audit row. */
export async function updateDefendantRepresentative(
  db: Database,
  actor: Actor,
  caseId: string,
  defendantId: string,
  input: { representativeKo: string; representativeEn: string; representativeNameKo: string; representativeNameEn: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(defendants)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(defendants.caseId, caseId), eq(defendants.id, defendantId)))
      .returning({ id: defendants.id });
    if (!updated) throw new AppError('not_found');
    await recordAudit(tx, {
      action: 'case.updated',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'defendant',
      subjectId: updated.id,
      ip: actor.ip,
      details: { fields: ['representative'] },
    });
  });
}

/** Replaces the case's partner sites (frame-ancestors of the embed, allowed return addresses). */
export async function updatePartnerOrigins(db: Database, actor: Actor, caseId: string, origins: readonly string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(cases)
      .set({ partnerOrigins: [...origins], updatedAt: new Date() })
      .where(eq(cases.id, caseId));
    await recordAudit(tx, {
      action: 'case.updated',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'case',
      subjectId: caseId,
      ip: actor.ip,
      details: { fields: ['partnerOrigins'], count: origins.length },
    });
  });
}
