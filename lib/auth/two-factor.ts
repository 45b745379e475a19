import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type User, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { decryptField } from '@/lib/crypto/field-encryption';
import { AppError } from '@/lib/errors';
import { checkTotpCode, createTotpSecret, totpUri } from './totp';

/**
 * Two-step sign-in (TOTP) for staff. Enrolment keeps the new secret, field-encrypted, in the same
 * column as an active one but without `totpEnabledAt`: sign-in only asks for a code once the person
 * has proved, with a first code, that their authenticator app holds the secret.
 */
export type TwoFactorStatus =
  | { state: 'enabled'; enabledAt: Date }
  | { state: 'pending'; secret: string; uri: string }
  | { state: 'off' };

type TotpFields = Pick<User, 'id' | 'totpSecretEncrypted' | 'totpLastTimeStep'>;

export async function getTwoFactorStatus(db: Database, userId: string): Promise<TwoFactorStatus> {
  const [user] = await db
    .select({ email: users.email, secret: users.totpSecretEncrypted, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError('not_found');
  if (user.enabledAt && user.secret) return { state: 'enabled', enabledAt: user.enabledAt };
  if (user.secret) {
    const secret = decryptField(user.secret);
    return { state: 'pending', secret, uri: totpUri(secret, user.email) };
  }
  return { state: 'off' };
}

/** A fresh secret to scan; starting again replaces an unconfirmed one. */
export async function startTotpEnrollment(db: Database, userId: string): Promise<void> {
  const { secretEncrypted } = createTotpSecret();
  const updated = await db
    .update(users)
    .set({ totpSecretEncrypted: secretEncrypted, totpLastTimeStep: null })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (updated.length === 0) throw new AppError('conflict', { messageKey: 'security.totp.alreadyEnabled' });
}

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

async function loadTotpFields(db: Database, userId: string) {
  const [user] = await db
    .select({ id: users.id, totpSecretEncrypted: users.totpSecretEncrypted, totpLastTimeStep: users.totpLastTimeStep, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError('not_found');
  return user;
}

const wrongCode = () => new AppError('invalid_input', { fieldErrors: { code: 'security.totp.wrongCode' } });

/** The first correct code switches two-step sign-in on, with its audit row, in one transaction. */
export async function confirmTotpEnrollment(db: Database, input: { userId: string; code: string; ip: string | null }, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await loadTotpFields(tx, input.userId);
    if (user.totpEnabledAt) throw new AppError('conflict', { messageKey: 'security.totp.alreadyEnabled' });
    if (!user.totpSecretEncrypted) throw new AppError('invalid_input', { messageKey: 'security.totp.notStarted' });
    if (!(await consumeTotpCode(tx, user, input.code, now))) throw wrongCode();
    await tx.update(users).set({ totpEnabledAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, { action: 'auth.totp_enabled', actorUserId: user.id, subjectType: 'user', subjectId: user.id, ip: input.ip });
  });
}

/** Switching it off takes a current code, so a borrowed session alone cannot weaken the account. */
export async function disableTotp(db: Database, input: { userId: string; code: string; ip: string | null }, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await loadTotpFields(tx, input.userId);
    if (!user.totpEnabledAt) throw new AppError('conflict', { messageKey: 'security.totp.notEnabled' });
    if (!(await consumeTotpCode(tx, user, input.code, now))) throw wrongCode();
    await tx.update(users).set({ totpEnabledAt: null, totpSecretEncrypted: null, totpLastTimeStep: null }).where(eq(users.id, user.id));
    await recordAudit(tx, { action: 'auth.totp_disabled', actorUserId: user.id, subjectType: 'user', subjectId: user.id, ip: input.ip });
  });
}
