'use server';

import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireOwnClaimant } from '@/lib/auth/guards';
import { CLAIM_CONSENT_KINDS } from '@/lib/consents/queries';
import { signClaimConsents } from '@/lib/consents/sign';
import { AppError } from '@/lib/errors';
import { type ActionResult, formValues, runAction } from '@/lib/forms/action';
import { currentAppUrl } from '@/lib/http/app-url';
import { currentRequestInfo } from '@/lib/http/request-info';
import { toLocale } from '@/lib/i18n/config';
import { readMultiValueForm, statementAnswersSchema } from '@/lib/statements/questionnaire';
import { saveStatementDraft, signStatement } from '@/lib/statements/sign';
import { damagesStepSchema, readDamageItems } from './damages';
import { parseTypedInput } from './parse';
import { connectionStepSchema, identityStepSchema, outageStepSchema, typeStepSchema } from './schemas';
import { saveConnectionStep, saveIdentityStep, saveOutageStep, saveTypeStep } from './save';
import { saveDamagesStep } from './save-damages';
import { type IntakeStep, intakePath, isEditable, nextStep } from './steps';
import { submitClaim } from './submit';

/**
 * The wizard's server actions: each resolves the signed-in claimant's own claim in the case named
 * by the form (never an id from the browser), validates, saves the step as part of the draft and
 * moves on. Failures come back translated, with what was typed.
 */
async function requireEditableClaim(formData: FormData) {
  const access = await requireOwnClaimant(String(formData.get('caseSlug') ?? ''));
  if (!isEditable(access.claimant.status)) throw new AppError('conflict', { messageKey: 'intake.errors.notEditable' });
  return access;
}

function goToNext(caseSlug: string, step: IntakeStep): never {
  redirect(intakePath(caseSlug, nextStep(step) ?? 'review'));
}

/** Values to show again after an error; repeated checkboxes come back comma-joined. */
function valuesOf(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    Object.entries(readMultiValueForm(formData)).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value]),
  );
}

export async function saveTypeAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formValues(formData), async () => {
    const access = await requireEditableClaim(formData);
    const input = parseTypedInput(typeStepSchema, formValues(formData));
    await saveTypeStep(await getDb(), access.claimant, input.type);
    goToNext(access.case.slug, 'type');
  });
}

export async function saveIdentityAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formValues(formData), async () => {
    const access = await requireEditableClaim(formData);
    const input = parseTypedInput(
      identityStepSchema({ type: access.claimant.type, incidentAt: access.case.incidentStartedAt }),
      formValues(formData),
    );
    await saveIdentityStep(await getDb(), access.claimant, input);
    goToNext(access.case.slug, 'identity');
  });
}

export async function saveConnectionAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formValues(formData), async () => {
    const access = await requireEditableClaim(formData);
    const input = parseTypedInput(connectionStepSchema, formValues(formData));
    await saveConnectionStep(await getDb(), access.claimant, input);
    goToNext(access.case.slug, 'connection');
  });
}

export async function saveOutageAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = valuesOf(formData);
  return runAction(values, async () => {
    const access = await requireEditableClaim(formData);
    const input = parseTypedInput(outageStepSchema(access.case.incidentStartedAt), readMultiValueForm(formData));
    await saveOutageStep(await getDb(), access.claimant, input);
    goToNext(access.case.slug, 'outage');
  });
}

export async function saveDamagesAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const access = await requireEditableClaim(formData);
    const input = parseTypedInput(damagesStepSchema, { items: readDamageItems(values.items) });
    await saveDamagesStep(await getDb(), access.claimant, input.items);
    goToNext(access.case.slug, 'damages');
  });
}

export async function saveStatementAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = valuesOf(formData);
  return runAction(values, async () => {
    const access = await requireEditableClaim(formData);
    const answers = parseTypedInput(statementAnswersSchema(), readMultiValueForm(formData));
    await saveStatementDraft(await getDb(), access.claimant, answers);
    goToNext(access.case.slug, 'statement');
  });
}

const signatureSchema = z.object({
  signerName: z.string().trim().min(1).max(100),
  confirm: z.literal('on', { message: 'validation.mustConfirm' }),
  shownSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export async function signStatementAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const access = await requireEditableClaim(formData);
    const input = parseTypedInput(signatureSchema, values);
    const request = await currentRequestInfo();
    await signStatement(await getDb(), {
      claimant: access.claimant,
      caseRow: access.case,
      locale: toLocale(await getLocale()),
      signerName: input.signerName,
      shownSha256: input.shownSha256 ?? '',
      request,
    });
    goToNext(access.case.slug, 'sign');
  });
}

export async function signConsentsAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const access = await requireEditableClaim(formData);
    const input = parseTypedInput(signatureSchema, values);
    const shownDocumentIds = Object.fromEntries(CLAIM_CONSENT_KINDS.map((kind) => [kind, values[`document_${kind}`] ?? '']));
    await signClaimConsents(await getDb(), {
      claimant: access.claimant,
      caseRow: access.case,
      locale: toLocale(await getLocale()),
      signerName: input.signerName,
      shownDocumentIds,
      request: await currentRequestInfo(),
    });
    goToNext(access.case.slug, 'consent');
  });
}

export async function submitClaimAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formValues(formData), async () => {
    const access = await requireOwnClaimant(String(formData.get('caseSlug') ?? ''));
    const request = await currentRequestInfo();
    await submitClaim(await getDb(), {
      claimant: access.claimant,
      caseRow: access.case,
      user: access.user,
      locale: toLocale(await getLocale()),
      ip: request.ip,
      appUrl: await currentAppUrl(),
    });
    redirect(`/my/cases/${access.case.slug}?submitted=1`);
  });
}
