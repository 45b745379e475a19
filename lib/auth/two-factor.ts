import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { totpRecoveryCodes, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { decryptField } from '@/lib/crypto/field-encryption';
import { sha256Hex } from '@/lib/crypto/hash';
import { AppError } from '@/lib/errors';
import { reauthenticate } from './reauth';
import { consumeTotpCode } from './totp-codes';
import { createTotpSecret, totpUri } from './totp';

/**
 * Two-step sign-in (TOTP) for staff. Enrolment keeps the new secret, field-encrypted, in the same
 * column as an active one but without `totpEnabledAt`: sign-in only asks for a code once the person
 * has proved, with a first code, that their authenticator app holds the secret.
 */
export type TwoFactorStatus =
  { state: 'enabled'; enabledAt: Date; recoveryCodesLeft: number } | { state: 'pending'; secret: string; uri: string } | { state: 'off' };

export async function getTwoFactorStatus(db: Database, userId: string): Promise<TwoFactorStatus> {
  const [user] = await db
    .select({ email: users.email, secret: users.totpSecretEncrypted, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError('not_found');
  if (user.enabledAt && user.secret)
    return { state: 'enabled', enabledAt: user.enabledAt, recoveryCodesLeft: await countUnusedRecoveryCodes(db, userId) };
  if (user.secret) {
    const secret = decryptField(user.secret);
    return { state: 'pending', secret, uri: totpUri(secret, user.email) };
  }
  return { state: 'off' };
}

/** A fresh secret to scan; starting again replaces an unconfirmed one. */
/**
 * A new secret to scan takes the password (checked by ./reauth, throttled and audited): a
 * borrowed session that could switch two-step sign-in on with its own phone would lock the
 * owner out of the account.
 */
export async function startTotpEnrollment(
  db: Database,
  input: { userId: string; password: string; ip: string | null },
  now = new Date(),
): Promise<void> {
  const userId = input.userId;
  const [status] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  if (!status) throw new AppError('not_found');
  if (status.enabledAt) throw new AppError('conflict', { messageKey: 'security.totp.alreadyEnabled' });
  await reauthenticate(db, { userId, proof: { kind: 'password', password: input.password }, purpose: 'totp_enable', ip: input.ip }, now);
  const { secretEncrypted } = createTotpSecret();
  const updated = await db
    .update(users)
    .set({ totpSecretEncrypted: secretEncrypted, totpLastTimeStep: null })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (updated.length === 0) throw new AppError('conflict', { messageKey: 'security.totp.alreadyEnabled' });
}

export { consumeTotpCode };

async function loadTotpFields(db: Database, userId: string) {
  const [user] = await db
    .select({
      id: users.id,
      totpSecretEncrypted: users.totpSecretEncrypted,
      totpLastTimeStep: users.totpLastTimeStep,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError('not_found');
  return user;
}

const wrongCode = () => new AppError('invalid_input', { fieldErrors: { code: 'security.totp.wrongCode' } });

/** The first correct code switches two-step sign-in on, with its audit row, in one transaction. */
export async function confirmTotpEnrollment(
  db: Database,
  input: { userId: string; code: string; ip: string | null },
  now = new Date(),
  /** Runs in the same transaction once it is on (the invitations waiting for it become memberships). */
  alsoInTransaction?: (tx: Database) => Promise<unknown>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await loadTotpFields(tx, input.userId);
    if (user.totpEnabledAt) throw new AppError('conflict', { messageKey: 'security.totp.alreadyEnabled' });
    if (!user.totpSecretEncrypted) throw new AppError('invalid_input', { messageKey: 'security.totp.notStarted' });
    if (!(await consumeTotpCode(tx, user, input.code, now))) throw wrongCode();
    await tx.update(users).set({ totpEnabledAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, { action: 'auth.totp_enabled', actorUserId: user.id, subjectType: 'user', subjectId: user.id, ip: input.ip });
    await alsoInTransaction?.(tx);
  });
}

/**
 * Switching it off takes a current code (checked by ./reauth, throttled and audited), so a
 * borrowed session alone cannot weaken the account.
 */
export async function disableTotp(
  db: Database,
  input: { userId: string; code: string; ip: string | null },
  now = new Date(),
): Promise<void> {
  const status = await loadTotpFields(db, input.userId);
  if (!status.totpEnabledAt) throw new AppError('conflict', { messageKey: 'security.totp.notEnabled' });
  await reauthenticate(db, { userId: input.userId, proof: { kind: 'totp', code: input.code }, purpose: 'totp_disable', ip: input.ip }, now);
  await db.transaction(async (tx) => {
    const user = await loadTotpFields(tx, input.userId);
    if (!user.totpEnabledAt) throw new AppError('conflict', { messageKey: 'security.totp.notEnabled' });
    await tx.update(users).set({ totpEnabledAt: null, totpSecretEncrypted: null, totpLastTimeStep: null }).where(eq(users.id, user.id));
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, user.id));
    await recordAudit(tx, { action: 'auth.totp_disabled', actorUserId: user.id, subjectType: 'user', subjectId: user.id, ip: input.ip });
  });
}

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32: no I, L, O or U, so a code read off paper cannot be mistyped into another. */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RECOVERY_CODE_LENGTH = 10;

/** Ten characters (50 random bits) shown as `xxxxx-xxxxx`. */
function createRecoveryCode(): string {
  const characters = Array.from({ length: RECOVERY_CODE_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${characters.slice(0, 5).join('')}-${characters.slice(5).join('')}`;
}

/**
 * What a recovery code typed at sign-in stands for: case, spaces and dashes do not matter, and
 * the letters people confuse with digits (o, i, l) read as those digits. Null when it cannot be one.
 */
export function normalizeRecoveryCode(typed: string): string | null {
  const code = typed
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
  if (code.length !== RECOVERY_CODE_LENGTH || [...code].some((character) => !RECOVERY_ALPHABET.includes(character))) return null;
  return code;
}

export async function countUnusedRecoveryCodes(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ left: count() })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)));
  return row?.left ?? 0;
}

/**
 * A new set of recovery codes for the authenticator a person might lose; the old set stops
 * working. It takes a current code from the app (./reauth), like switching two-step sign-in off. The codes
 * are returned once, to be shown once: only their hashes are kept.
 */
export async function replaceRecoveryCodes(
  db: Database,
  input: { userId: string; code: string; ip: string | null },
  now = new Date(),
): Promise<string[]> {
  const status = await loadTotpFields(db, input.userId);
  if (!status.totpEnabledAt) throw new AppError('conflict', { messageKey: 'security.totp.notEnabled' });
  await reauthenticate(
    db,
    { userId: input.userId, proof: { kind: 'totp', code: input.code }, purpose: 'recovery_codes', ip: input.ip },
    now,
  );
  return db.transaction(async (tx) => {
    const user = await loadTotpFields(tx, input.userId);
    if (!user.totpEnabledAt) throw new AppError('conflict', { messageKey: 'security.totp.notEnabled' });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, createRecoveryCode);
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, user.id));
    await tx
      .insert(totpRecoveryCodes)
      .values(codes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!) })));
    await recordAudit(tx, {
      action: 'auth.recovery_codes_created',
      actorUserId: user.id,
      subjectType: 'user',
      subjectId: user.id,
      ip: input.ip,
      details: { count: codes.length },
    });
    return codes;
  });
}

/**
 * Each code is hashed with a salt of its own (ASVS 2.6.2: a look-up secret under 112 bits is
 * salted and hashed), stored as `salt:sha256(salt + code)`.
 */
function hashRecoveryCode(code: string, salt = randomBytes(16).toString('hex')): string {
  return `${salt}:${sha256Hex(salt + code)}`;
}

function isRecoveryCodeHashOf(stored: string, code: string): boolean {
  const [salt] = stored.split(':');
  const expected = Buffer.from(hashRecoveryCode(code, salt));
  const actual = Buffer.from(stored);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Accepts a recovery code in place of an app code, once: marking it used is a conditional
 * update, so two sign-ins racing with the same code cannot both pass. The audit row says how
 * many are left, so a lost phone shows in the trail.
 */
export async function consumeRecoveryCode(
  db: Database,
  input: { userId: string; code: string; ip: string | null },
  now = new Date(),
): Promise<boolean> {
  const code = normalizeRecoveryCode(input.code);
  if (!code) return false;
  return db.transaction(async (tx) => {
    const unused = await tx
      .select({ id: totpRecoveryCodes.id, codeHash: totpRecoveryCodes.codeHash })
      .from(totpRecoveryCodes)
      .where(and(eq(totpRecoveryCodes.userId, input.userId), isNull(totpRecoveryCodes.usedAt)));
    const match = unused.find((candidate) => isRecoveryCodeHashOf(candidate.codeHash, code));
    if (!match) return false;
    const used = await tx
      .update(totpRecoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(totpRecoveryCodes.id, match.id), isNull(totpRecoveryCodes.usedAt)))
      .returning({ id: totpRecoveryCodes.id });
    if (used.length === 0) return false;
    await recordAudit(tx, {
      action: 'auth.recovery_code_used',
      actorUserId: input.userId,
      subjectType: 'user',
      subjectId: input.userId,
      ip: input.ip,
      details: { left: unused.length - 1 },
    });
    return true;
  });
}
