import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseMemberships, claimants, evidence, loginAttempts, supporters, users } from '@/db/schema';
import { recordAudit, recordAudits } from '@/lib/audit/record';
import { retryOnDeadlock } from '@/lib/audit/retry';
import { AppError } from '@/lib/errors';
import { eraseRecipientData } from '@/lib/communications/erase';
import { deleteBlobIfUnused, purgeDeletedBlobs, type StoredBlob } from '@/lib/blobs/blobs';

/**
 * Discards the draft packets that hold these claimants, inside the erasure's transaction, adding
 * the blobs whose rows went to `deletedBlobs`. Filings lie above claimants, so lib/erasure passes
 * lib/filings' step in rather than this file importing it.
 */
export type DiscardDraftsHolding = (
  tx: Database,
  claimantIds: string[],
  actorUserId: string,
  ip: string | null,
  deletedBlobs: (StoredBlob | null)[],
) => Promise<number>;

export type ErasureOutcome =
  { outcome: 'erased'; claims: number; files: number; signatures: number } | { outcome: 'restricted'; claims: number };

/**
 * Erases a claimant's account and everything of it — claims, statements, consents, files,
 * messages, petition signatures under the same address, draft packets that hold them — in one
 * transaction. Once any claim is on a recorded court filing the law requires keeping it (legal
 * hold): processing is restricted instead (restricted_at), nothing is deleted, and the caller
 * says so. Staff accounts are not erased here.
 */
export async function eraseOwnAccount(
  db: Database,
  input: { userId: string; ip: string },
  discardDraftsHolding: DiscardDraftsHolding,
): Promise<ErasureOutcome> {
  const deletedBlobs: (StoredBlob | null)[] = [];
  // Several cases' chains in one transaction: should another cross it, the aborted one runs again.
  const outcome = await retryOnDeadlock(() =>
    db.transaction(async (tx): Promise<ErasureOutcome> => {
      deletedBlobs.length = 0;
      const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
      if (!user) throw new AppError('not_found');
      const [membership] = await tx
        .select({ id: caseMemberships.id })
        .from(caseMemberships)
        .where(eq(caseMemberships.userId, user.id))
        .limit(1);
      if (user.isPlatformAdmin || membership) throw new AppError('conflict', { messageKey: 'claimant.erase.staffAccount' });

      const claims = await tx
        .select({ id: claimants.id, caseId: claimants.caseId, isOnFiling: claimants.isOnFiling })
        .from(claimants)
        .where(eq(claimants.userId, user.id))
        .for('update');
      const claimIds = claims.map((claim) => claim.id);
      // Only a recorded court filing holds a claim (is_on_filing is set by record-court-filing.ts);
      // a built packet is a draft, and is discarded below instead of keeping the claimant.
      if (claims.some((claim) => claim.isOnFiling)) {
        const now = new Date();
        await tx
          .update(claimants)
          .set({ restrictedAt: now })
          .where(and(eq(claimants.userId, user.id), isNull(claimants.restrictedAt)));
        await recordAudits(
          tx,
          claims.map((claim) => ({
            action: 'account.restricted' as const,
            actorUserId: user.id,
            caseId: claim.caseId,
            subjectType: 'claimant',
            subjectId: claim.id,
            ip: input.ip,
            details: { reason: 'on_filing' },
          })),
        );
        return { outcome: 'restricted', claims: claims.length };
      }

      await discardDraftsHolding(tx, claimIds, user.id, input.ip, deletedBlobs);
      const files = claimIds.length
        ? await tx.select({ sha256: evidence.sha256 }).from(evidence).where(inArray(evidence.claimantId, claimIds))
        : [];
      await recordAudits(
        tx,
        claims.map((claim) => ({
          action: 'account.erased' as const,
          actorUserId: user.id,
          caseId: claim.caseId,
          subjectType: 'claimant',
          subjectId: claim.id,
          ip: input.ip,
          details: { files: files.length },
        })),
      );
      // Statements, consents, evidence rows, damages, messages and flags go with their claimant (ON DELETE CASCADE).
      if (claimIds.length) await tx.delete(claimants).where(and(eq(claimants.userId, user.id), inArray(claimants.id, claimIds)));
      for (const sha256 of new Set(files.map((file) => file.sha256))) deletedBlobs.push(await deleteBlobIfUnused(tx, sha256));
      // Signatures are matched by address: an address nobody proved erases none (issue 17, item 1).
      const signatures = user.emailVerifiedAt
        ? await tx.delete(supporters).where(eq(supporters.email, user.email)).returning({ id: supporters.id })
        : [];
      await eraseRecipientData(tx, [...claimIds, ...signatures.map((signature) => signature.id)]);
      await tx.delete(loginAttempts).where(and(eq(loginAttempts.scope, 'account'), eq(loginAttempts.subject, user.email)));
      await recordAudit(tx, {
        action: 'account.erased',
        actorUserId: user.id,
        subjectType: 'user',
        subjectId: user.id,
        ip: input.ip,
        details: { claims: claims.length, files: files.length, signatures: signatures.length },
      });
      // Sessions and tokens go with the user, so every open session ends here too.
      await tx.delete(users).where(and(eq(users.id, user.id), eq(users.isPlatformAdmin, false)));
      return { outcome: 'erased', claims: claims.length, files: files.length, signatures: signatures.length };
    }),
  );
  // The files' bytes in an object store go once the erasure has committed (a rollback keeps them).
  await purgeDeletedBlobs(db, deletedBlobs);
  return outcome;
}
