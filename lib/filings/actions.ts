'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { type ActionResult, formValues, runAction } from '@/lib/forms/action';
import { currentRequestInfo } from '@/lib/http/request-info';
import { cancelFiling } from './cancel-filing';
import { createFiling } from './create-filing';
import { parseFilingRequest } from './schemas';

const filingsPath = (slug: string) => `/cases/${slug}/filings`;

/** The packet builder: lawyers and admins of the case; the request is queued, the page then shows its progress. */
export async function createFilingAction(slug: string, _previous: unknown, formData: FormData): Promise<ActionResult<{ version: number }>> {
  const result = await runAction(formValues(formData), async () => {
    const access = await requireCaseRole(slug, LAWYER_ROLES);
    const input = parseFilingRequest(Object.fromEntries(formData));
    const { ip } = await currentRequestInfo();
    const created = await createFiling(await getDb(), { userId: access.user.id, ip }, access.case, input);
    revalidatePath(filingsPath(slug));
    return { version: created.version };
  });
  if (result.ok) redirect(`${filingsPath(slug)}/${result.data.version}`);
  return result;
}

export async function cancelFilingAction(slug: string, version: number, _previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, LAWYER_ROLES);
      const { ip } = await currentRequestInfo();
      await cancelFiling(await getDb(), { userId: access.user.id, ip }, access.case.id, version);
      revalidatePath(`${filingsPath(slug)}/${version}`);
    },
    'filings.detail.cancelled',
  );
}
