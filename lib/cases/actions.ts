'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { CASE_ADMIN_ROLES, LAWYER_ROLES, requireCaseRole, requirePlatformAdmin } from '@/lib/auth/guards';
import { type ActionResult, formValues, parseInput, runAction } from '@/lib/forms/action';
import { currentAppUrl } from '@/lib/http/app-url';
import { currentRequestInfo } from '@/lib/http/request-info';
import {
  addDefendant,
  createCase,
  grantMembership,
  publishConsentVersion,
  removeDefendant,
  revokeMembership,
  updateCaseDetails,
  updateComplaintTemplate,
} from './admin';
import { updateDefendantRepresentative, updatePartnerOrigins } from './case-partners-and-defendants';
import { partnerOriginsSchema } from './partners';
import {
  caseDetailsSchema,
  defendantRepresentativeSchema,
  complaintTemplateSchema,
  consentVersionSchema,
  defendantSchema,
  membershipSchema,
  newCaseSchema,
} from './schemas';

async function actorFor(userId: string) {
  return { userId, ip: (await currentRequestInfo()).ip };
}

const settingsPath = (slug: string) => `/cases/${slug}/settings`;

export async function createCaseAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ slug: string }>> {
  const result = await runAction(formValues(formData), async () => {
    const user = await requirePlatformAdmin();
    const input = parseInput(newCaseSchema, Object.fromEntries(formData));
    const created = await createCase(await getDb(), await actorFor(user.id), input);
    return { slug: created.slug };
  });
  if (result.ok) redirect(settingsPath(result.data.slug));
  return result;
}

export async function updateCaseDetailsAction(slug: string, _previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      const input = parseInput(caseDetailsSchema, Object.fromEntries(formData));
      await updateCaseDetails(await getDb(), await actorFor(access.user.id), access.case.id, input);
      revalidatePath(settingsPath(slug));
    },
    'admin.settings.saved',
  );
}

export async function updateComplaintTemplateAction(slug: string, _previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, LAWYER_ROLES);
      const input = parseInput(complaintTemplateSchema, Object.fromEntries(formData));
      await updateComplaintTemplate(await getDb(), await actorFor(access.user.id), access.case.id, input);
      revalidatePath(settingsPath(slug));
    },
    'admin.settings.saved',
  );
}

export async function addDefendantAction(slug: string, _previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      const input = parseInput(defendantSchema, Object.fromEntries(formData));
      await addDefendant(await getDb(), await actorFor(access.user.id), access.case.id, input);
      revalidatePath(settingsPath(slug));
    },
    'admin.settings.saved',
  );
}

export async function removeDefendantAction(
  slug: string,
  defendantId: string,
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      await removeDefendant(await getDb(), await actorFor(access.user.id), access.case.id, defendantId);
      revalidatePath(settingsPath(slug));
    },
    'admin.settings.saved',
  );
}

export async function grantMembershipAction(slug: string, _previous: unknown, formData: FormData): Promise<ActionResult> {
  const result = await runAction(formValues(formData), async () => {
    const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
    const input = parseInput(membershipSchema, Object.fromEntries(formData));
    const outcome = await grantMembership(await getDb(), await actorFor(access.user.id), access.case, input, await currentAppUrl());
    revalidatePath(settingsPath(slug));
    return outcome;
  });
  if (!result.ok) return result;
  // An invitation and an immediate change read differently: only the second one is in effect now.
  const t = await getTranslations('admin.members');
  return { ok: true, data: undefined, message: t(result.data) };
}

export async function revokeMembershipAction(
  slug: string,
  membershipId: string,
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      await revokeMembership(await getDb(), await actorFor(access.user.id), access.case.id, membershipId);
      revalidatePath(settingsPath(slug));
    },
    'admin.members.revoked',
  );
}

export async function publishConsentVersionAction(
  slug: string,
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ version: number }>> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      const input = parseInput(consentVersionSchema, Object.fromEntries(formData));
      const version = await publishConsentVersion(await getDb(), await actorFor(access.user.id), access.case.id, input);
      revalidatePath(settingsPath(slug));
      return { version };
    },
    'admin.consents.published',
  );
}

export async function updateDefendantRepresentativeAction(
  slug: string,
  defendantId: string,
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      const input = parseInput(defendantRepresentativeSchema, Object.fromEntries(formData));
      await updateDefendantRepresentative(await getDb(), await actorFor(access.user.id), access.case.id, defendantId, input);
      revalidatePath(settingsPath(slug));
    },
    'admin.settings.saved',
  );
}

export async function updatePartnerOriginsAction(slug: string, _previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      const input = parseInput(partnerOriginsSchema, Object.fromEntries(formData));
      await updatePartnerOrigins(await getDb(), await actorFor(access.user.id), access.case.id, input.partnerOrigins);
      revalidatePath(settingsPath(slug));
    },
    'admin.settings.saved',
  );
}
