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

export async function verifyTotpCode(secretEncrypted: string, code: string): Promise<boolean> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  try {
    // One step either side absorbs clock drift between phone and server.
    const result = await verify({ secret: decryptField(secretEncrypted), token, epochTolerance: 30 });
    return result.valid;
  } catch {
    return false;
  }
}
