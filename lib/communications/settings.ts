import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { type CommCaseSettings, commCaseSettings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { DEFAULT_APPROVAL_THRESHOLD } from './messages';

const checkbox = z
  .union([z.literal('on'), z.literal('1'), z.literal('')])
  .optional()
  .transform((value) => value === 'on' || value === '1');

export const communicationSettingsSchema = z.object({
  approvalThreshold: z.coerce.number().int('validation.invalid').min(0, 'validation.invalid').max(10_000_000, 'validation.invalid'),
  remindUnconfirmed: checkbox,
  remindIncomplete: checkbox,
  remindDeadline: checkbox,
});
export type CommunicationSettingsInput = z.infer<typeof communicationSettingsSchema>;

export async function getCommunicationSettings(db: Database, caseId: string): Promise<Omit<CommCaseSettings, 'createdAt' | 'updatedAt'>> {
  const [settings] = await db.select().from(commCaseSettings).where(eq(commCaseSettings.caseId, caseId));
  return (
    settings ?? {
      caseId,
      approvalThreshold: DEFAULT_APPROVAL_THRESHOLD,
      remindUnconfirmed: false,
      remindIncomplete: false,
      remindDeadline: false,
    }
  );
}

export function canChangeSettings(role: string): boolean {
  return role === 'admin' || role === 'platform_admin';
}

/** Case admins set the approval threshold and switch each automatic reminder on or off. */
export async function updateCommunicationSettings(
  db: Database,
  actor: { userId: string; caseId: string; role: string },
  input: CommunicationSettingsInput,
): Promise<void> {
  if (!canChangeSettings(actor.role)) throw new AppError('forbidden');
  await db.transaction(async (tx) => {
    await tx
      .insert(commCaseSettings)
      .values({ caseId: actor.caseId, ...input })
      .onConflictDoUpdate({ target: commCaseSettings.caseId, set: { ...input, updatedAt: new Date() } });
    await recordAudit(tx, {
      action: 'case.updated',
      actorUserId: actor.userId,
      caseId: actor.caseId,
      subjectType: 'communication_settings',
      subjectId: actor.caseId,
      details: { ...input },
    });
  });
}
