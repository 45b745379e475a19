import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Case, claimants, reviews } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { localized } from '@/lib/cases/queries';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { queueMail } from '@/lib/mail/outbox';
import { onClaimantSubmitted } from '@/lib/reviews/duplicates-hook';
import { loadClaimOverview } from './completeness';
import { loadClaimContext } from '@/lib/claimants/claim-context';
import type { OwnClaimant } from '@/lib/claimants/draft';
import { recordSubmitted } from '@/lib/claimants/record';

export function formatReference(prefix: string, serial: number): string {
  return `${prefix}-${String(serial).padStart(6, '0')}`;
}

/**
 * The next reference number of a case. A transaction-scoped advisory lock per case serialises
 * the read-max-then-write, so two claims submitted at the same instant never share a number;
 * it locks nothing else (signatures and other writes to the case go on).
 */
async function allocateReference(tx: Database, caseRow: Case): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`claimant-reference:${caseRow.id}`}, 0))`);
  const [row] = await tx
    .select({ last: sql<number | null>`max(substring(${claimants.referenceNumber} from '[0-9]+$')::int)` })
    .from(claimants)
    .where(and(eq(claimants.caseId, caseRow.id), sql`${claimants.referenceNumber} like ${`${caseRow.referencePrefix}-%`}`));
  return formatReference(caseRow.referencePrefix, Number(row?.last ?? 0) + 1);
}

export type SubmitInput = {
  claimant: OwnClaimant;
  caseRow: Case;
  user: { id: string; email: string; name: string };
  locale: Locale;
  ip: string;
  appUrl: string;
};

/**
 * Submits a complete draft: status, reference number, the status-change row, the confirmation
 * mail, the audit row and the duplicate checks, all in one transaction — a claim is either
 * submitted with all of these or not at all. Whatever is missing is named, nothing is guessed.
 */
export async function submitClaim(db: Database, input: SubmitInput): Promise<{ referenceNumber: string }> {
  return db.transaction(async (tx) => {
    const [claimant] = await tx
      .select()
      .from(claimants)
      .where(and(eq(claimants.id, input.claimant.id), eq(claimants.userId, input.claimant.userId), eq(claimants.caseId, input.caseRow.id)))
      .for('update');
    if (!claimant) throw new AppError('not_found');
    if (claimant.status !== 'draft') throw new AppError('conflict', { messageKey: 'intake.review.alreadySubmitted' });
    const context = await loadClaimContext(tx, claimant, input.caseRow);
    const overview = await loadClaimOverview(tx, context, input.caseRow, input.locale);
    if (overview.missing.length > 0) throw new AppError('invalid_input', { messageKey: 'intake.review.incomplete' });

    const referenceNumber = claimant.referenceNumber ?? (await allocateReference(tx, input.caseRow));
    const now = new Date();
    await recordSubmitted(tx, claimant.id, referenceNumber, now);
    await tx.insert(reviews).values({
      claimantId: claimant.id,
      caseId: claimant.caseId,
      reviewerId: input.user.id,
      fromStatus: 'draft',
      toStatus: 'submitted',
      reason: '',
    });
    await queueMail(tx, {
      to: input.user.email,
      locale: input.locale,
      template: 'claimSubmitted',
      params: {
        name: claimant.legalName ?? input.user.name,
        caseTitle: localized(input.caseRow, 'title', input.locale),
        reference: referenceNumber,
        link: `${input.appUrl}/my/cases/${input.caseRow.slug}`,
      },
    });
    await recordAudit(tx, {
      action: 'claim.submitted',
      actorUserId: input.user.id,
      caseId: claimant.caseId,
      subjectType: 'claimant',
      subjectId: claimant.id,
      ip: input.ip,
      details: {
        referenceNumber,
        claimedTotalKrw: claimant.claimedTotalKrw,
        evidenceCount: overview.evidence.length,
        statementId: overview.latestStatement?.id ?? null,
        statementSha256: overview.latestStatement?.textSha256 ?? null,
      },
    });
    await onClaimantSubmitted(tx, claimant.id);
    return { referenceNumber };
  });
}
