import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { deficiencyReasons } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';

export type ReasonChoice = { code: string; labelKo: string; labelEn: string };

/** What a case starts with until its lawyers edit the list (case settings → deficiency reasons). */
export const DEFAULT_REASONS: readonly ReasonChoice[] = [
  { code: 'missing_evidence', labelKo: '증거 자료 누락', labelEn: 'Missing evidence' },
  { code: 'unreadable_file', labelKo: '파일을 읽을 수 없음', labelEn: 'Unreadable file' },
  { code: 'name_mismatch', labelKo: '이름 불일치', labelEn: 'Name does not match' },
  { code: 'not_customer', labelKo: '가입자 확인 불가', labelEn: 'Not shown to be a customer' },
  { code: 'statement_incomplete', labelKo: '진술서 미비', labelEn: 'Statement incomplete' },
  { code: 'other', labelKo: '기타', labelEn: 'Other' },
];

/** The case's reasons in their order; the defaults while the case has saved none. */
export async function listReasons(db: Database, caseId: string): Promise<ReasonChoice[]> {
  const rows = await db
    .select({ code: deficiencyReasons.code, labelKo: deficiencyReasons.labelKo, labelEn: deficiencyReasons.labelEn })
    .from(deficiencyReasons)
    .where(and(eq(deficiencyReasons.caseId, caseId), isNull(deficiencyReasons.archivedAt)))
    .orderBy(asc(deficiencyReasons.position));
  return rows.length ? rows : [...DEFAULT_REASONS];
}

/** Every reason the case ever had, archived ones included: old notices still name them. */
export async function reasonLabels(db: Database, caseId: string): Promise<Map<string, ReasonChoice>> {
  const rows = await db
    .select({ code: deficiencyReasons.code, labelKo: deficiencyReasons.labelKo, labelEn: deficiencyReasons.labelEn })
    .from(deficiencyReasons)
    .where(eq(deficiencyReasons.caseId, caseId));
  return new Map([...DEFAULT_REASONS, ...rows].map((reason) => [reason.code, reason]));
}

/**
 * Replaces the case's list. A code dropped from the list is archived, not deleted, so notices
 * already sent keep their label; a code brought back is revived. One transaction with its audit row.
 */
export async function saveReasons(
  db: Database,
  actor: { userId: string; ip: string | null },
  caseId: string,
  reasons: readonly ReasonChoice[],
): Promise<void> {
  const codes = reasons.map((reason) => reason.code);
  if (new Set(codes).size !== codes.length)
    throw new AppError('invalid_input', { fieldErrors: { reasons: 'rounds.reasons.duplicateCode' } });
  await db.transaction(async (tx) => {
    const existing = await tx.select().from(deficiencyReasons).where(eq(deficiencyReasons.caseId, caseId)).for('update');
    const now = new Date();
    for (const row of existing) {
      if (!codes.includes(row.code) && !row.archivedAt)
        await tx.update(deficiencyReasons).set({ archivedAt: now }).where(eq(deficiencyReasons.id, row.id));
    }
    for (const [position, reason] of reasons.entries()) {
      await tx
        .insert(deficiencyReasons)
        .values({ caseId, ...reason, position })
        .onConflictDoUpdate({
          target: [deficiencyReasons.caseId, deficiencyReasons.code],
          set: { labelKo: reason.labelKo, labelEn: reason.labelEn, position, archivedAt: null, updatedAt: now },
        });
    }
    await recordAudit(tx, {
      action: 'deficiency.reasons_saved',
      actorUserId: actor.userId,
      caseId,
      subjectType: 'case',
      subjectId: caseId,
      ip: actor.ip,
      details: { codes },
    });
  });
}
