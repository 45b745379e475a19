import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1. */
// `algorithm: 2` is Argon2id (the package's const enum cannot be imported under isolatedModules).
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const COMMON_PASSWORDS = new Set<string>((dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()));

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Hashes a throwaway value so that a sign-in for an unknown email costs as much as a real one
 * (no user enumeration by timing).
 */
export async function spendEquivalentHashTime(): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, 'not-the-password');
}
let dummyHash: Promise<string> | undefined;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail';

/** ASVS 2.1: at least 10 characters, not a known common password, not the email itself. */
export function findPasswordProblem(password: string, email?: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) return 'common';
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lowered.includes(localPart)) return 'containsEmail';
  return null;
}
