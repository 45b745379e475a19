'use server';

import { revalidatePath } from 'next/cache';
import { ORGANIZER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { type ActionState, formValues, parseInput, runAction } from '@/lib/forms/action';
import { getDb } from '@/db/client';
import { createCampaignCode, setCampaignCodeArchived } from './queries';
import { campaignArchiveSchema, createCampaignCodeSchema } from './schemas';

/** Bound to the case slug by the page; the role is checked again here, never trusted from the form. */
export async function createCampaignCodeAction(
  caseSlug: string,
  _previous: ActionState<{ code: string }>,
  formData: FormData,
): Promise<ActionState<{ code: string }>> {
  return runAction(
    formValues(formData),
    async () => {
      const input = parseInput(createCampaignCodeSchema, formValues(formData));
      const access = await requireCaseRole(caseSlug, ORGANIZER_ROLES);
      try {
        await createCampaignCode(await getDb(), {
          caseId: access.case.id,
          code: input.code,
          label: input.label,
          createdBy: access.user.id,
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('invalid_input', { fieldErrors: { code: 'organizer.campaigns.create.codeTaken' } });
        throw error;
      }
      revalidatePath(`/cases/${access.case.slug}/campaigns`);
      return { code: input.code };
    },
    'organizer.campaigns.create.created',
  );
}

/** Archive or use again, from the campaigns page (bound to the case slug like the form above). */
export async function setCampaignArchivedAction(caseSlug: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formValues(formData), async () => {
    const access = await requireCaseRole(caseSlug, ORGANIZER_ROLES);
    const input = parseInput(campaignArchiveSchema, formValues(formData));
    await setCampaignCodeArchived(await getDb(), access.case.id, input.code, input.archive);
    revalidatePath(`/cases/${access.case.slug}/campaigns`);
  });
}
