import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, supporters } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';

export type SignatureState = 'unconfirmed' | 'confirmed' | 'withdrawn';

/**
 * The link in the confirmation mail carries one token; only its hash is stored. The same token
 * confirms (double opt-in) and later withdraws, so a signer needs no account for either.
 */
export async function findSignatureByToken(
  db: Database,
  caseSlug: string,
  token: string,
): Promise<{ id: string; state: SignatureState } | null> {
  const [row] = await db
    .select({ id: supporters.id, confirmedAt: supporters.confirmedAt, withdrawnAt: supporters.withdrawnAt })
    .from(supporters)
    .innerJoin(cases, eq(cases.id, supporters.caseId))
    .where(and(eq(supporters.confirmTokenHash, sha256Hex(token)), eq(cases.slug, caseSlug)));
  if (!row) return null;
  return { id: row.id, state: row.withdrawnAt ? 'withdrawn' : row.confirmedAt ? 'confirmed' : 'unconfirmed' };
}

/** Setting confirmed_at is all it takes: the rollup triggers move the signature to "confirmed". */
export async function confirmSignature(db: Database, caseSlug: string, token: string, now = new Date()): Promise<SignatureState | null> {
  const found = await findSignatureByToken(db, caseSlug, token);
  if (!found) return null;
  if (found.state !== 'unconfirmed') return found.state;
  await db
    .update(supporters)
    .set({ confirmedAt: now })
    .where(and(eq(supporters.id, found.id), isNull(supporters.confirmedAt), isNull(supporters.withdrawnAt)));
  return 'confirmed';
}

/**
 * A withdrawn signature stops counting at once (triggers). The row stays as the record of consent
 * given and taken back, without the optional phone number, which no longer has a purpose.
 */
export async function withdrawSignature(db: Database, caseSlug: string, token: string, now = new Date()): Promise<SignatureState | null> {
  const found = await findSignatureByToken(db, caseSlug, token);
  if (!found) return null;
  if (found.state === 'withdrawn') return 'withdrawn';
  await db
    .update(supporters)
    .set({ withdrawnAt: now, phoneEncrypted: null })
    .where(and(eq(supporters.id, found.id), isNull(supporters.withdrawnAt)));
  return 'withdrawn';
}
