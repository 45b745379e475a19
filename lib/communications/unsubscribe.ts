import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { commRecipients, commSuppressions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { getSecrets } from '@/lib/env';

/**
 * One-click unsubscribe (RFC 8058). The link names the recipient row and carries an HMAC of it, so
 * it needs no stored token, cannot be guessed for another person, and unsubscribes from this case
 * only. The GET page asks for a click (mail scanners follow links); the POST does it.
 */
function sign(recipientId: string): string {
  return createHmac('sha256', getSecrets().authSecret).update(`comm-unsubscribe:${recipientId}`).digest('base64url');
}

export function unsubscribeUrl(appUrl: string, recipientId: string): string {
  return `${appUrl}/api/communications/unsubscribe?r=${recipientId}&t=${sign(recipientId)}`;
}

export function isValidUnsubscribeToken(recipientId: string, token: string): boolean {
  const expected = Buffer.from(sign(recipientId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Suppresses the recipient's address (and, for texts, the person) for updates of this case.
 * Idempotent: a second click changes nothing. Returns false for a link that is not ours.
 */
export async function unsubscribe(db: Database, recipientId: string, token: string): Promise<boolean> {
  if (!UUID_PATTERN.test(recipientId) || !isValidUnsubscribeToken(recipientId, token)) return false;
  const [recipient] = await db
    .select({
      caseId: commRecipients.caseId,
      address: commRecipients.address,
      personId: commRecipients.personId,
      messageId: commRecipients.messageId,
    })
    .from(commRecipients)
    .where(eq(commRecipients.id, recipientId));
  if (!recipient) return false;
  const keys = [`person:${recipient.personId}`];
  if (recipient.address.includes('@')) keys.push(recipient.address.trim().toLowerCase());
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(commSuppressions)
      .values(keys.map((address) => ({ caseId: recipient.caseId, address, reason: 'unsubscribed' })))
      .onConflictDoUpdate({
        target: [commSuppressions.caseId, commSuppressions.address],
        set: { reason: 'unsubscribed', updatedAt: sql`now()` },
      })
      .returning({ address: commSuppressions.address });
    await recordAudit(tx, {
      action: 'communication.unsubscribed',
      actorUserId: null,
      caseId: recipient.caseId,
      subjectType: 'communication',
      subjectId: recipient.messageId,
      details: { recipientId, keys: inserted.length },
    });
  });
  return true;
}

export async function isSuppressed(db: Database, caseId: string, address: string): Promise<boolean> {
  const [row] = await db
    .select({ address: commSuppressions.address })
    .from(commSuppressions)
    .where(and(eq(commSuppressions.caseId, caseId), eq(commSuppressions.address, address.trim().toLowerCase())));
  return Boolean(row);
}
