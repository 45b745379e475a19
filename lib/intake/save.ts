import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Claimant, type ClaimantType, claimants } from '@/db/schema';
import { hangulInitials, normalizeName } from '@/lib/claimants/names';
import { blindIndex, encryptField } from '@/lib/crypto/field-encryption';
import { AppError } from '@/lib/errors';
import { normalizePhone } from '@/lib/users/normalize';
import type { ConnectionStepInput, IdentityStepInput, OutageStepInput } from './schemas';
import { EDITABLE_STATUSES, type IntakeStep, mayHaveBusiness } from './steps';

export type OwnClaimant = Pick<Claimant, 'id' | 'userId' | 'caseId'>;

/** Adds a step to `completed_steps` once, in the same statement as the step's data. */
export function markStepDone(step: IntakeStep) {
  return sql`case when ${step} = any(${claimants.completedSteps}) then ${claimants.completedSteps} else array_append(${claimants.completedSteps}, ${step}::text) end`;
}

/**
 * Locks the claimant's own editable draft for a signature (statement or consents) and checks who
 * signs: the typed name must be the claim's legal name. Throws the claimant-facing error otherwise.
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
  if (normalizeName(signerName) !== normalizeName(legalName)) {
    throw new AppError('invalid_input', { fieldErrors: { signerName: 'validation.signatureName' } });
  }
  return { ...locked, legalName };
}

/**
 * Writes one step's fields to the claimant's own draft. Scoped by id AND owner AND an editable
 * status in the WHERE clause, so a stale tab cannot change a submitted claim.
 */
export async function updateDraft(
  db: Database,
  claimant: OwnClaimant,
  step: IntakeStep,
  values: Partial<typeof claimants.$inferInsert>,
): Promise<Claimant> {
  const [updated] = await db
    .update(claimants)
    .set({ ...values, completedSteps: markStepDone(step), lastActivityAt: sql`now()`, version: sql`${claimants.version} + 1` })
    .where(and(eq(claimants.id, claimant.id), eq(claimants.userId, claimant.userId), inArray(claimants.status, [...EDITABLE_STATUSES])))
    .returning();
  if (!updated) throw new AppError('conflict', { messageKey: 'intake.errors.notEditable' });
  return updated;
}

export async function saveTypeStep(db: Database, claimant: OwnClaimant, type: ClaimantType): Promise<Claimant> {
  // Changing to a type without a business drops business details collected for the old one.
  const businessReset = mayHaveBusiness(type) ? {} : { businessName: null, businessRegistrationNumber: null };
  return updateDraft(db, claimant, 'type', { type, ...businessReset, ...(type === 'pc_bang' ? {} : { pcBangSeats: null }) });
}

/**
 * Phone, address and date of birth are encrypted per field; blind indexes let duplicate
 * detection compare them without decrypting (same phone, same name + birth date).
 */
export async function saveIdentityStep(db: Database, claimant: OwnClaimant, input: IdentityStepInput): Promise<Claimant> {
  const nameNormalized = normalizeName(input.legalName);
  const phone = normalizePhone(input.phone);
  return updateDraft(db, claimant, 'identity', {
    legalName: input.legalName,
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
    pcBangSeats: input.pcBangSeats,
  });
}

export async function saveConnectionStep(db: Database, claimant: OwnClaimant, input: ConnectionStepInput): Promise<Claimant> {
  return updateDraft(db, claimant, 'connection', {
    isp: input.isp,
    ispOther: input.ispOther,
    lineType: input.lineType,
    // "Same as home" is kept as no separate address: the filing uses the home address then.
    serviceAddressEncrypted: input.serviceAddress ? encryptField(input.serviceAddress) : null,
    monthlyFeeKrw: input.monthlyFeeKrw,
  });
}

export async function saveOutageStep(db: Database, claimant: OwnClaimant, input: OutageStepInput): Promise<Claimant> {
  return updateDraft(db, claimant, 'outage', input);
}
