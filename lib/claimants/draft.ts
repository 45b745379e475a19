import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Claimant, claimants } from '@/db/schema';
import { hangulInitials, normalizeName } from '@/lib/format/names';
import { type ClaimDefinition, type RawStepInput, validateStepAnswers } from '@/lib/claims';
import { sealAnswers } from '@/lib/claims/store';
import { blindIndex, encryptField } from '@/lib/crypto/field-encryption';
import { AppError } from '@/lib/errors';
import { localizedMessageKey } from '@/lib/forms/zod-errors';
import { normalizePhone } from '@/lib/format/contact';
import type { ClaimContext } from './claim-context';
import type { IdentityStepInput } from './schemas';
import { EDITABLE_STATUSES, type IntakeStep } from './intake-steps';

export type OwnClaimant = Pick<Claimant, 'id' | 'userId' | 'caseId'>;

/** Adds a step to `completed_steps` once, in the same statement as the step's data. */
export function markStepDone(step: IntakeStep) {
  return sql`case when ${step} = any(${claimants.completedSteps}) then ${claimants.completedSteps} else array_append(${claimants.completedSteps}, ${step}::text) end`;
}

/** Who signs for the claim: the claimant, or for a minor the legal guardian who holds the account. */
export function signerNamesOf(claimant: Pick<Claimant, 'legalName' | 'isMinor' | 'guardianNames'>): string[] {
  if (claimant.isMinor) return claimant.guardianNames;
  return claimant.legalName ? [claimant.legalName] : [];
}

/**
 * Locks the claimant's own editable draft for a signature (statement or consents) and checks who
 * signs: the typed name must be the claim's legal name, or for a minor one legal guardian's name.
 */
export async function lockDraftForSigning(
  tx: Database,
  claimant: OwnClaimant,
  signerName: string,
): Promise<Claimant & { legalName: string }> {
  const [locked] = await tx
    .select()
    .from(claimants)
    .where(and(eq(claimants.id, claimant.id), eq(claimants.userId, claimant.userId), inArray(claimants.status, [...EDITABLE_STATUSES])))
    .for('update');
  if (!locked) throw new AppError('conflict', { messageKey: 'intake.errors.notEditable' });
  const { legalName } = locked;
  if (!legalName) throw new AppError('invalid_input', { messageKey: 'intake.sign.identityFirst' });
  if (!signerNamesOf(locked).some((name) => normalizeName(name) === normalizeName(signerName))) {
    throw new AppError('invalid_input', {
      fieldErrors: { signerName: locked.isMinor ? 'validation.guardianSignature' : 'validation.signatureName' },
    });
  }
  return { ...locked, legalName };
}

/**
 * Writes one step's fields to the claimant's own draft. Scoped by id AND owner AND an editable
 * status in the WHERE clause, so a stale tab cannot change a submitted claim. Saving clears the
 * notice of what a newer definition changed: the claimant has seen the wizard since.
 */
export async function updateDraft(
  db: Database,
  claimant: OwnClaimant,
  step: IntakeStep,
  values: Partial<typeof claimants.$inferInsert>,
): Promise<Claimant> {
  const [updated] = await db
    .update(claimants)
    .set({
      ...values,
      definitionChanges: null,
      completedSteps: markStepDone(step),
      lastActivityAt: sql`now()`,
      version: sql`${claimants.version} + 1`,
    })
    .where(and(eq(claimants.id, claimant.id), eq(claimants.userId, claimant.userId), inArray(claimants.status, [...EDITABLE_STATUSES])))
    .returning();
  if (!updated) throw new AppError('conflict', { messageKey: 'intake.errors.notEditable' });
  return updated;
}

/**
 * The category, and whether the claimant joins as a minor through a guardian. Changing category
 * drops business details a category without a business does not keep, and guardian details once
 * the claim is no longer a minor's.
 */
export async function saveTypeStep(
  db: Database,
  claimant: OwnClaimant,
  definition: ClaimDefinition,
  input: { category: string; isMinor: boolean },
): Promise<Claimant> {
  const category = definition.categories.find((item) => item.id === input.category)!;
  const keepsBusiness = category.isBusiness || category.businessOptional;
  return updateDraft(db, claimant, 'type', {
    category: category.id,
    isMinor: input.isMinor,
    ...(input.isMinor ? {} : { guardianRelation: null, guardianNames: [] }),
    ...(keepsBusiness ? {} : { businessName: null, businessRegistrationNumber: null }),
  });
}

/**
 * Phone, address and date of birth are encrypted per field; blind indexes let duplicate
 * detection compare them without decrypting (same phone, same name + birth date).
 */
export async function saveIdentityStep(db: Database, claimant: OwnClaimant, input: IdentityStepInput): Promise<Claimant> {
  const nameNormalized = normalizeName(input.legalName);
  const phone = normalizePhone(input.phone);
  // A minor's draft saved before the relation was chosen keeps the check constraint satisfied.
  const guardian = input.isMinor
    ? { guardianRelation: input.guardianRelation, guardianNames: input.guardianNames }
    : { guardianRelation: null, guardianNames: [] };
  return updateDraft(db, claimant, 'identity', {
    legalName: input.legalName,
    latinName: input.latinName,
    nameNormalized,
    nameInitials: hangulInitials(input.legalName),
    dateOfBirthEncrypted: encryptField(input.dateOfBirth),
    identityHash: blindIndex('identity', `${nameNormalized}|${input.dateOfBirth}`),
    phoneEncrypted: encryptField(phone),
    phoneHash: blindIndex('phone', phone),
    addressEncrypted: encryptField(input.address),
    locality: input.locality,
    region: input.region,
    businessName: input.businessName,
    businessRegistrationNumber: input.businessRegistrationNumber,
    ...guardian,
  });
}

/**
 * One of the definition's question steps: the engine checks the posted answers against the
 * questions visible now (bounds, conditions, options); a refusal carries one message per field in
 * both languages and what was typed. Saved answers are merged, text ones sealed, and stamped with
 * the definition version they were checked against.
 */
export async function saveAnswersStep(db: Database, context: ClaimContext, stepId: string, raw: RawStepInput): Promise<Claimant> {
  const result = validateStepAnswers(context.definition, stepId, raw, { category: context.claimant.category, answers: context.answers });
  if (!result.ok) {
    throw new AppError('invalid_input', {
      fieldErrors: Object.fromEntries(
        Object.entries(result.fieldErrors).map(([field, issue]) => [field, localizedMessageKey(issue.message)]),
      ),
    });
  }
  return updateDraft(db, context.claimant, stepId, {
    answers: sealAnswers(context.definition, result.answers),
    definitionVersion: context.definitionVersion,
  });
}
