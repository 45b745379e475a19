import { generateSecret, generateURI, verify } from 'otplib';
import { decryptField, encryptField } from '@/lib/crypto/field-encryption';

/** RFC 6238 TOTP for lawyers and admins; the secret is stored field-encrypted. */
export function createTotpSecret(): { secret: string; secretEncrypted: string } {
  const secret = generateSecret();
  return { secret, secretEncrypted: encryptField(secret) };
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: 'Joinder', label: accountEmail, secret });
}

/**
 * Checks a code and returns the time step it belongs to, or null. A code whose step is not after
 * `afterTimeStep` is refused: each code works once (ASVS 2.8.4), even inside its 30-second window.
 */
export async function checkTotpCode(
  secretEncrypted: string,
  code: string,
  options: { afterTimeStep?: number | null; now?: Date } = {},
): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    // One step either side absorbs clock drift between phone and server.
    const result = await verify({
      secret: decryptField(secretEncrypted),
      token,
      epochTolerance: 30,
      ...(options.now ? { epoch: Math.floor(options.now.getTime() / 1000) } : {}),
      ...(options.afterTimeStep !== null && options.afterTimeStep !== undefined ? { afterTimeStep: options.afterTimeStep } : {}),
    });
    const timeStep = (result as { timeStep?: number }).timeStep;
    return result.valid && typeof timeStep === 'number' ? timeStep : null;
  } catch {
    return null;
  }
}

export async function verifyTotpCode(secretEncrypted: string, code: string): Promise<boolean> {
  return (await checkTotpCode(secretEncrypted, code)) !== null;
}
