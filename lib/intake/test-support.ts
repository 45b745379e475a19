import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Case, type Claimant, cases, claimants, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { enrollClaimant } from '@/lib/claimants/enrollment';
import { CLAIM_CONSENT_KINDS, loadClaimConsentTexts } from '@/lib/consents/queries';
import { signClaimConsents } from '@/lib/consents/sign';
import { inspectUpload } from '@/lib/evidence/inspect';
import { evidenceLimits, storeEvidence } from '@/lib/evidence/store';
import { makePdf } from '@/lib/evidence/test-fixtures';
import { parseInput } from '@/lib/forms/action';
import { renderClaimStatement, signStatement } from '@/lib/statements/sign';
import { loadClaimContext } from '@/lib/claimants/claim-context';
import { listDamageItems, saveDamagesStep } from '@/lib/claimants/damages';
import { identityContextFor } from './identity-context';
import { saveAnswersStep, saveIdentityStep, saveTypeStep } from '@/lib/claimants/draft';

/** Test helpers: people with claims, filled in through the same domain functions the wizard uses. */
export const TEST_PASSWORD = 'slammer-2003-test-pw';
let passwordHash: Promise<string> | undefined;

export async function createClaimantUser(
  db: Database,
  email: string,
  caseSlug = 'slammer-2003',
): Promise<{ userId: string; claimant: Claimant; caseRow: Case }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({ email, name: email.split('@')[0], passwordHash: await passwordHash, emailVerifiedAt: new Date() })
    .returning();
  const claimant = await enrollClaimant(db, { userId: user.id, caseSlug, locale: 'ko' });
  const [caseRow] = await db.select().from(cases).where(eq(cases.slug, caseSlug));
  return { userId: user.id, claimant, caseRow };
}

export async function reloadClaimant(db: Database, claimantId: string): Promise<Claimant> {
  const [row] = await db
    .select()
    .from(claimants)
    .where(and(eq(claimants.id, claimantId)));
  return row;
}

export const IDENTITY_INPUT = {
  legalName: '김철수',
  dateOfBirth: '1975-03-02',
  phone: '010-2345-6789',
  address: '서울특별시 강남구 테헤란로 1',
  locality: '강남구',
  region: 'seoul',
};
/** Slammer answers of a home subscriber, as the wizard's forms post them, per definition step. */
export const SLAMMER_STEP_INPUT: Record<string, Record<string, string | string[]>> = {
  connection: { isp: 'kt', line_type: 'adsl', same_as_home: 'yes', monthly_fee: '35,000' },
  outage: { outage_started_at: '2003-01-25T14:30', outage_ended_at: '2003-01-27T10:00', impacts: ['no_internet'] },
  statement: { ran_sql_server: 'no', warned: 'no', free_text: '토요일 오후에 인터넷이 끊겼습니다.' },
};

/** Takes a fresh Slammer draft through every step, ready to submit. */
export async function fillCompleteClaim(db: Database, input: { claimant: Claimant; caseRow: Case; userId: string }): Promise<Claimant> {
  const own = input.claimant;
  let context = await loadClaimContext(db, await reloadClaimant(db, own.id), input.caseRow);
  await saveTypeStep(db, own, context.definition, { category: 'home_subscriber', isMinor: false });
  context = await loadClaimContext(db, await reloadClaimant(db, own.id), input.caseRow);
  await saveIdentityStep(db, own, parseInput(identityContextFor(context, input.caseRow), IDENTITY_INPUT));
  for (const [stepId, values] of Object.entries(SLAMMER_STEP_INPUT)) {
    context = await loadClaimContext(db, await reloadClaimant(db, own.id), input.caseRow);
    await saveAnswersStep(db, context, stepId, values);
  }
  context = await loadClaimContext(db, await reloadClaimant(db, own.id), input.caseRow);
  await saveDamagesStep(db, context, [
    { category: 'service_fee', description: '', calculation: { helper: 'pro_rata', inputs: { monthly_fee: 35_000, hours: 43.5 } } },
  ]);
  const claimant = await reloadClaimant(db, own.id);
  const damages = await listDamageItems(db, claimant);
  const rendered = renderClaimStatement({ claimant, caseRow: input.caseRow, definition: context.definition, damages, locale: 'ko' })!;
  const request = { ip: '203.0.113.9', userAgent: 'test' };
  await signStatement(db, {
    claimant: own,
    caseRow: input.caseRow,
    definition: context.definition,
    definitionVersion: context.definitionVersion,
    locale: 'ko',
    signerName: '김철수',
    shownSha256: rendered.sha256,
    request,
  });
  const file = await inspectUpload(await makePdf([`bill ${own.id}`]));
  await storeEvidence(db, {
    claimant: own,
    file,
    meta: { kind: 'isp_bill', label: '1월 요금', note: '', filename: 'bill.pdf' },
    limits: evidenceLimits(),
    actor: { userId: input.userId, ip: request.ip },
  });
  const texts = await loadClaimConsentTexts(db, input.caseRow.id, 'ko');
  const shownDocumentIds = Object.fromEntries(
    CLAIM_CONSENT_KINDS.map((kind) => [kind, texts.find((text) => text.kind === kind)!.document.id]),
  );
  await signClaimConsents(db, { claimant: own, caseRow: input.caseRow, locale: 'ko', signerName: '김철수', shownDocumentIds, request });
  return reloadClaimant(db, own.id);
}
