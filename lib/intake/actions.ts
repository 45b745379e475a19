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
import { signStatement } from '@/lib/statements/sign';
import { loadClaimContext } from '@/lib/claimants/claim-context';
import { readDamageItems, saveDamagesStep } from '@/lib/claimants/damages';
import { parseTypedInput } from '@/lib/forms/parse-typed-input';
import { identityContextFor } from './identity-context';
import { typeStepSchema } from '@/lib/claimants/schemas';
import { saveAnswersStep, saveIdentityStep, saveTypeStep } from '@/lib/claimants/draft';
import { type IntakeStep, intakePath, isEditable, isQuestionStep, nextStep, wizardSteps } from '@/lib/claimants/intake-steps';
import { submitClaim } from './submit';
import { refuseRrn } from '@/lib/forms/validators';

/**
 * The wizard's server actions: each resolves the signed-in claimant's own claim in the case named
 * by the form (never an id from the browser), reads the case's claim definition, validates, saves
 * the step as part of the draft and moves on. Failures come back translated, with what was typed.
 */
async function requireEditableClaim(formData: FormData) {
  const access = await requireOwnClaimant(String(formData.get('caseSlug') ?? ''));
  if (!isEditable(access.claimant.status)) throw new AppError('conflict', { messageKey: 'intake.errors.notEditable' });
  const db = await getDb();
  const context = await loadClaimContext(db, access.claimant, access.case);
  return { ...access, db, context };
}

/** The next step after a save, worked out from what the claim says now (a category or answer may add or hide steps). */
function goToNext(caseSlug: string, steps: IntakeStep[], step: IntakeStep): never {
  redirect(intakePath(caseSlug, nextStep(steps, step) ?? 'review'));
}

/** Repeated fields (checkboxes) as arrays, single ones as strings: what the engine reads. */
function readMultiValueForm(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION') || key === 'caseSlug' || key === 'stepId') continue;
    const all = formData.getAll(key).filter((value): value is string => typeof value === 'string');
    values[key] = all.length > 1 || key.endsWith('[]') ? all : (all[0] ?? '');
  }
  return values;
}

/** Values to show again after an error; repeated checkboxes come back comma-joined. */
function valuesOf(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    Object.entries(readMultiValueForm(formData)).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value]),
  );
}

export async function saveTypeAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formValues(formData), async () => {
    const { db, context, case: caseRow } = await requireEditableClaim(formData);
    const input = parseTypedInput(typeStepSchema(context.definition), formValues(formData));
    const saved = await saveTypeStep(db, context.claimant, context.definition, input);
    goToNext(caseRow.slug, wizardSteps(context.definition, { category: saved.category, answers: context.answers }), 'type');
  });
}

export async function saveIdentityAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formValues(formData), async () => {
    const { db, context, case: caseRow } = await requireEditableClaim(formData);
    const input = parseTypedInput(identityContextFor(context, caseRow), formValues(formData));
    await saveIdentityStep(db, context.claimant, input);
    goToNext(caseRow.slug, context.steps, 'identity');
  });
}

/** Any of the definition's question steps; the step id comes from the form and must be one of the definition's. */
export async function saveAnswersAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = valuesOf(formData);
  return runAction(values, async () => {
    const { db, context, case: caseRow } = await requireEditableClaim(formData);
    const stepId = String(formData.get('stepId') ?? '');
    if (!isQuestionStep(context.definition, stepId)) throw new AppError('not_found');
    const raw = readMultiValueForm(formData);
    refuseRrn(raw);
    const saved = await saveAnswersStep(db, context, stepId, raw);
    goToNext(caseRow.slug, wizardSteps(context.definition, { category: saved.category, answers: context.answers }), stepId);
  });
}

export async function saveDamagesAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const { db, context, case: caseRow } = await requireEditableClaim(formData);
    const items = readDamageItems(values.items);
    refuseRrn({ items });
    await saveDamagesStep(db, context, items);
    goToNext(caseRow.slug, context.steps, 'damages');
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
    const { db, context, case: caseRow } = await requireEditableClaim(formData);
    const input = parseTypedInput(signatureSchema, values);
    await signStatement(db, {
      claimant: context.claimant,
      caseRow,
      definition: context.definition,
      definitionVersion: context.definitionVersion,
      locale: toLocale(await getLocale()),
      signerName: input.signerName,
      shownSha256: input.shownSha256 ?? '',
      request: await currentRequestInfo(),
    });
    goToNext(caseRow.slug, context.steps, 'sign');
  });
}

export async function signConsentsAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const { db, context, case: caseRow } = await requireEditableClaim(formData);
    const input = parseTypedInput(signatureSchema, values);
    const shownDocumentIds = Object.fromEntries(CLAIM_CONSENT_KINDS.map((kind) => [kind, values[`document_${kind}`] ?? '']));
    await signClaimConsents(db, {
      claimant: context.claimant,
      caseRow,
      locale: toLocale(await getLocale()),
      signerName: input.signerName,
      shownDocumentIds,
      request: await currentRequestInfo(),
    });
    goToNext(caseRow.slug, context.steps, 'consent');
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
