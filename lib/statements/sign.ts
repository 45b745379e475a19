import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Case, type Claimant, type Statement, claimants, statements } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { localized } from '@/lib/cases/queries';
import { sha256Hex } from '@/lib/crypto/hash';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { lockDraftForSigning, markStepDone, type OwnClaimant, updateDraft } from '@/lib/intake/save';
import type { StatementAnswers } from './questionnaire';
import { renderPatchStatement, type StatementContext } from './render';

export function statementContextFor(claimant: Claimant, caseRow: Case, locale: Locale): StatementContext {
  return {
    caseTitle: localized(caseRow, 'title', locale),
    signerName: claimant.legalName ?? '',
    claimantType: claimant.type,
    isp: claimant.isp,
    ispOther: claimant.ispOther,
    lineType: claimant.lineType,
    outageStartedAt: claimant.outageStartedAt,
    outageEndedAt: claimant.outageEndedAt,
  };
}

/** The text the claimant's current answers give, or null while the questionnaire is unanswered. */
export function renderDraftStatement(claimant: Claimant, caseRow: Case, locale: Locale): { text: string; sha256: string } | null {
  const answers = claimant.statementDraft as StatementAnswers | null;
  if (!answers) return null;
  const text = renderPatchStatement(answers, statementContextFor(claimant, caseRow, locale), locale);
  return { text, sha256: sha256Hex(text) };
}

export async function saveStatementDraft(db: Database, claimant: OwnClaimant, answers: StatementAnswers): Promise<Claimant> {
  return updateDraft(db, claimant, 'statement', { statementDraft: answers });
}

export async function findLatestStatement(db: Database, claimant: Pick<Claimant, 'id' | 'caseId'>): Promise<Statement | null> {
  const [latest] = await db
    .select()
    .from(statements)
    .where(and(eq(statements.claimantId, claimant.id), eq(statements.caseId, claimant.caseId), eq(statements.kind, 'patch_status')))
    .orderBy(desc(statements.version))
    .limit(1);
  return latest ?? null;
}

/** A signed statement still says what the claim says now (answers, name, line, outage all unchanged). */
export function isStatementCurrent(latest: Statement | null, claimant: Claimant, caseRow: Case): boolean {
  if (!latest) return false;
  const rendered = renderDraftStatement(claimant, caseRow, latest.language as Locale);
  return rendered?.sha256 === latest.textSha256;
}

export type SignatureRequest = { ip: string; userAgent: string };

/**
 * Signs the statement the claimant was shown. The text is rendered again here and must hash to
 * what the page showed (`shownSha256`), so nobody signs a text they did not read. A signed row is
 * never changed (a trigger refuses it): signing again after a change adds version n + 1 naming
 * the one it supersedes. Signing the same text twice returns the existing signature.
 */
export async function signStatement(
  db: Database,
  input: { claimant: OwnClaimant; caseRow: Case; locale: Locale; signerName: string; shownSha256: string; request: SignatureRequest },
): Promise<{ statement: Statement; isNew: boolean }> {
  return db.transaction(async (tx) => {
    const claimant = await lockDraftForSigning(tx, input.claimant, input.signerName);
    const rendered = renderDraftStatement(claimant, input.caseRow, input.locale);
    if (!rendered) throw new AppError('invalid_input', { messageKey: 'intake.sign.answersFirst' });
    if (rendered.sha256 !== input.shownSha256) throw new AppError('conflict', { messageKey: 'intake.sign.textChanged' });
    const latest = await findLatestStatement(tx, claimant);
    if (latest && latest.textSha256 === rendered.sha256) return { statement: latest, isNew: false };
    const signedAt = new Date();
    const [statement] = await tx
      .insert(statements)
      .values({
        claimantId: claimant.id,
        caseId: claimant.caseId,
        kind: 'patch_status',
        version: (latest?.version ?? 0) + 1,
        answers: claimant.statementDraft,
        renderedText: rendered.text,
        language: input.locale,
        signerName: input.signerName.trim(),
        signedAt,
        signerIp: input.request.ip,
        signerUserAgent: input.request.userAgent || 'unknown',
        textSha256: rendered.sha256,
        supersedesId: latest?.id ?? null,
      })
      .returning();
    await tx
      .update(claimants)
      .set({
        hasSignedStatement: true,
        completedSteps: markStepDone('sign'),
        lastActivityAt: sql`now()`,
        version: sql`${claimants.version} + 1`,
      })
      .where(eq(claimants.id, claimant.id));
    await recordAudit(tx, {
      action: 'statement.signed',
      actorUserId: claimant.userId,
      caseId: claimant.caseId,
      subjectType: 'statement',
      subjectId: statement.id,
      ip: input.request.ip,
      details: {
        claimantId: claimant.id,
        version: statement.version,
        textSha256: statement.textSha256,
        supersedesId: statement.supersedesId,
        language: input.locale,
      },
    });
    return { statement, isNew: true };
  });
}
