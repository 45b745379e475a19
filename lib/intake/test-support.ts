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
import { statementAnswersSchema } from '@/lib/statements/questionnaire';
import { renderDraftStatement, saveStatementDraft, signStatement } from '@/lib/statements/sign';
import { damagesStepSchema } from './damages';
import { connectionStepSchema, identityStepSchema, outageStepSchema } from './schemas';
import { saveConnectionStep, saveIdentityStep, saveOutageStep, saveTypeStep } from './save';
import { saveDamagesStep } from './save-damages';

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
export const STATEMENT_INPUT = { ranSqlServer: 'no', warned: 'no', freeText: '토요일 오후에 인터넷이 끊겼습니다.' };

/** Takes a fresh draft through every step, ready to submit. */
export async function fillCompleteClaim(db: Database, input: { claimant: Claimant; caseRow: Case; userId: string }): Promise<Claimant> {
  const own = input.claimant;
  await saveTypeStep(db, own, 'home_subscriber');
  await saveIdentityStep(
    db,
    own,
    parseInput(identityStepSchema({ type: 'home_subscriber', incidentAt: input.caseRow.incidentStartedAt }), IDENTITY_INPUT),
  );
  await saveConnectionStep(
    db,
    own,
    parseInput(connectionStepSchema, { isp: 'kt', lineType: 'adsl', sameAsHome: 'on', monthlyFeeKrw: '35,000' }),
  );
  await saveOutageStep(
    db,
    own,
    parseInput(outageStepSchema(input.caseRow.incidentStartedAt), {
      outageStartedAt: '2003-01-25T14:30',
      outageEndedAt: '2003-01-27T10:00',
      impacts: ['no_internet'],
      outageNote: '',
    }),
  );
  await saveDamagesStep(
    db,
    own,
    parseInput(damagesStepSchema, {
      items: [{ category: 'service_fee', description: '', calculation: { helper: 'pro_rata', monthlyFeeKrw: 35_000, hours: 43.5 } }],
    }).items,
  );
  await saveStatementDraft(db, own, parseInput(statementAnswersSchema(), STATEMENT_INPUT));
  const claimant = await reloadClaimant(db, own.id);
  const rendered = renderDraftStatement(claimant, input.caseRow, 'ko')!;
  const request = { ip: '203.0.113.9', userAgent: 'test' };
  await signStatement(db, {
    claimant: own,
    caseRow: input.caseRow,
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
