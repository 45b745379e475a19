import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Case, type Claimant, type DamageItem, type Statement, statements } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { sha256Hex } from '@/lib/crypto/hash';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { type ClaimDefinition, renderStatement } from '@/lib/claims';
import { openAnswers } from '@/lib/claims/store';
import { listDamageItems, toDamageInputs } from '@/lib/claimants/damages';
import { lockDraftForSigning, type OwnClaimant } from '@/lib/claimants/draft';
import { recordStepDone } from '@/lib/claimants/record';

/** Whom the statement names as signing for a minor: 친권자 부 Y, 모 Z (the relation, then the names). */
export function guardianLineOf(claimant: Pick<Claimant, 'isMinor' | 'guardianRelation' | 'guardianNames'>): string | undefined {
  if (!claimant.isMinor || claimant.guardianNames.length === 0) return undefined;
  return claimant.guardianNames.join(', ');
}

/**
 * The text the claim says now, from the case's statement template over the claimant's answers,
 * damages and name, or null while there is no category or legal name yet. Deterministic, so the
 * hash the page shows is the hash signed.
 */
export function renderClaimStatement(input: {
  claimant: Claimant;
  caseRow: Case;
  definition: ClaimDefinition;
  damages: readonly DamageItem[];
  locale: Locale;
}): { text: string; sha256: string } | null {
  const { claimant } = input;
  if (!claimant.category || !claimant.legalName) return null;
  const text = renderStatement(
    input.definition,
    {
      category: claimant.category,
      answers: openAnswers(claimant.answers),
      caseTitle: { ko: input.caseRow.titleKo, en: input.caseRow.titleEn },
      signerName: claimant.legalName,
      guardianName: guardianLineOf(claimant),
      damageItems: toDamageInputs(input.damages),
    },
    input.locale,
  );
  return { text, sha256: sha256Hex(text) };
}

export async function findLatestStatement(db: Database, claimant: Pick<Claimant, 'id' | 'caseId'>): Promise<Statement | null> {
  const [latest] = await db
    .select()
    .from(statements)
    .where(and(eq(statements.claimantId, claimant.id), eq(statements.caseId, claimant.caseId), eq(statements.kind, 'claim')))
    .orderBy(desc(statements.version))
    .limit(1);
  return latest ?? null;
}

/** A signed statement still says what the claim says now (answers, name, damages all unchanged). */
export function isStatementCurrent(
  latest: Statement | null,
  input: { claimant: Claimant; caseRow: Case; definition: ClaimDefinition; damages: readonly DamageItem[] },
): boolean {
  if (!latest) return false;
  return renderClaimStatement({ ...input, locale: latest.language as Locale })?.sha256 === latest.textSha256;
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
  input: {
    claimant: OwnClaimant;
    caseRow: Case;
    definition: ClaimDefinition;
    definitionVersion: number;
    locale: Locale;
    signerName: string;
    shownSha256: string;
    request: SignatureRequest;
  },
): Promise<{ statement: Statement; isNew: boolean }> {
  return db.transaction(async (tx) => {
    const claimant = await lockDraftForSigning(tx, input.claimant, input.signerName);
    // The text is rendered again from the locked row: what is signed is what the claim says now.
    if (claimant.definitionVersion !== input.definitionVersion) throw new AppError('conflict', { messageKey: 'intake.sign.textChanged' });
    const damages = await listDamageItems(tx, claimant);
    const rendered = renderClaimStatement({
      claimant,
      caseRow: input.caseRow,
      definition: input.definition,
      damages,
      locale: input.locale,
    });
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
        kind: 'claim',
        version: (latest?.version ?? 0) + 1,
        definitionVersion: input.definitionVersion,
        // The answers as the claimant gave them, opened: the signed record is readable on its own.
        answers: { category: claimant.category, ...openAnswers(claimant.answers) },
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
    await recordStepDone(tx, claimant.id, 'sign', { hasSignedStatement: true });
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
