import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type User, users } from '@/db/schema';
import { checkTotpCode } from './totp';

type TotpFields = Pick<User, 'id' | 'totpSecretEncrypted' | 'totpLastTimeStep'>;

/**
 * Accepts a code once: its time step must be later than the last one used, and recording it is a
 * conditional update, so two requests racing with the same code cannot both pass.
 */
export async function consumeTotpCode(db: Database, user: TotpFields, code: string, now = new Date()): Promise<boolean> {
  if (!user.totpSecretEncrypted) return false;
  const step = await checkTotpCode(user.totpSecretEncrypted, code, { afterTimeStep: user.totpLastTimeStep, now });
  if (step === null) return false;
  const recorded = await db
    .update(users)
    .set({ totpLastTimeStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastTimeStep), lt(users.totpLastTimeStep, step))))
    .returning({ id: users.id });
  return recorded.length > 0;
}
