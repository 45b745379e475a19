'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { saveReasons } from '@/lib/deficiencies/reasons';
import { sendDeficiencyNotice } from './send-deficiency';
import { type ActionResult, formValues, parseInput, runAction } from '@/lib/forms/action';
import { currentAppUrl } from '@/lib/http/app-url';
import { currentRequestInfo } from '@/lib/http/request-info';
import { requireReviewer } from '@/lib/reviews/access';
import { openRound } from './open-round';
import { deficiencySchema, openRoundSchema, parseReasonLines, reasonsSchema } from './schemas';

const roundsPath = (slug: string) => `/cases/${slug}/rounds`;

/** Opens the next round of the case: lawyers (and platform admins) of THIS case, the slug bound by the page. */
export async function openRoundAction(
  slug: string,
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ number: number; name: string; members: number }>> {
  return runAction(formValues(formData), async () => {
    const access = await requireCaseRole(slug, LAWYER_ROLES);
    const input = parseInput(openRoundSchema, Object.fromEntries(formData));
    const { ip } = await currentRequestInfo();
    const opened = await openRound(await getDb(), { userId: access.user.id, ip }, access.case.id, input);
    revalidatePath(roundsPath(slug), 'layout');
    return { number: opened.number, name: opened.name, members: opened.members };
  });
}

/** Replaces the case's deficiency reasons (case settings): lawyers of the case. */
export async function saveReasonsAction(slug: string, _previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, LAWYER_ROLES);
      const input = parseInput(reasonsSchema, Object.fromEntries(formData));
      const reasons = parseReasonLines(input.reasons);
      const { ip } = await currentRequestInfo();
      await saveReasons(await getDb(), { userId: access.user.id, ip }, access.case.id, reasons);
      revalidatePath(roundsPath(slug), 'layout');
    },
    'rounds.reasons.saved',
  );
}

/**
 * "Request information" as a deficiency notice, from the claimant file: the reviewer role in the
 * case named by the form (re-checked), the claimant id scoped to that case in the query.
 */
export async function sendDeficiencyAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ version: number }>> {
  return runAction(
    formValues(formData),
    async () => {
      const input = parseInput(deficiencySchema, Object.fromEntries(formData));
      const { user, case: found } = await requireReviewer(input.slug);
      const { ip } = await currentRequestInfo();
      const sent = await sendDeficiencyNotice(await getDb(), {
        caseId: found.id,
        claimantId: input.claimantId,
        expectedVersion: input.version,
        reasonCode: input.reasonCode,
        message: input.message,
        cureBy: input.cureBy,
        actorId: user.id,
        ip,
        appUrl: await currentAppUrl(),
      });
      revalidatePath(`/cases/${input.slug}/review`, 'layout');
      return { version: sent.version };
    },
    'rounds.deficiency.sent',
  );
}
