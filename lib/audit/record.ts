import type { Database } from '@/db/client';
import { auditLog } from '@/db/schema';

/**
 * Audit actions. Each is written in the same transaction as the action itself, so there is never
 * an action without its row or a row without its action. `details` holds ids, counts, hashes and
 * status names — never the personal data itself (names, addresses, statement texts). The list is
 * also what the admin audit browser offers as filters.
 */
export const AUDIT_ACTIONS = [
  'statement.signed',
  'consent.signed',
  'claim.submitted',
  'claim.withdrawn',
  'claim.answered',
  'review.verified',
  'review.rejected',
  'review.info_requested',
  'review.assigned',
  'review.note_added',
  'flag.dismissed',
  'flag.confirmed',
  'evidence.uploaded',
  'evidence.removed',
  'evidence.viewed',
  'evidence.downloaded',
  'claimant.viewed',
  'filing.requested',
  'filing.generated',
  'filing.failed',
  'filing.cancelled',
  'filing.downloaded',
  'export.supporters',
  'export.claimants',
  'export.own_data',
  'account.erased',
  'account.restricted',
  'membership.granted',
  'membership.changed',
  'membership.revoked',
  'auth.totp_enabled',
  'auth.password_reset',
  'case.created',
  'case.updated',
  'auth.totp_disabled',
  'auth.recovery_codes_created',
  'auth.recovery_code_used',
  'keys.rotated',
  'backup.restored',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntryInput = {
  action: AuditAction;
  actorUserId: string | null;
  caseId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

export async function recordAudit(db: Database, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorUserId: entry.actorUserId,
    caseId: entry.caseId ?? null,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}
