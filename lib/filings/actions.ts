'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { type ActionResult, formValues, runAction } from '@/lib/forms/action';
import { currentRequestInfo } from '@/lib/http/request-info';
import { cancelFiling } from './cancel-filing';
import { correctCourtFiling } from './correct-court-filing';
import { parseCourtFiling, parseCourtFilingCorrection } from './court-filing-schema';
import { createFiling } from './create-filing';
import { findFiling } from './queries';
import { recordCourtFiling } from './record-court-filing';
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

/**
 * A form on a built packet's court filing, for lawyers and admins of the case: the filing is read
 * within the case first, since the 사건번호 is checked against the packet's court format.
 */
function runCourtFilingForm<Input>(
  slug: string,
  version: number,
  formData: FormData,
  parse: (values: Record<string, unknown>, format: 'kr' | 'us') => Input,
  write: (
    db: Awaited<ReturnType<typeof getDb>>,
    actor: { userId: string; ip: string | null },
    caseId: string,
    input: Input,
  ) => Promise<unknown>,
  successKey: string,
): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, LAWYER_ROLES);
      if (!Number.isSafeInteger(version) || version < 1) throw new AppError('not_found');
      const db = await getDb();
      const filing = await findFiling(db, access.case.id, version);
      if (!filing) throw new AppError('not_found');
      const input = parse(Object.fromEntries(formData), filing.options.format);
      const { ip } = await currentRequestInfo();
      await write(db, { userId: access.user.id, ip }, access.case.id, input);
      revalidatePath(filingsPath(slug));
      revalidatePath(`${filingsPath(slug)}/${version}`);
    },
    successKey,
  );
}

/** Records that a built packet was filed with the court (day, court, 사건번호): only then are its claimants filed. */
export async function recordCourtFilingAction(
  slug: string,
  version: number,
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runCourtFilingForm(
    slug,
    version,
    formData,
    parseCourtFiling,
    (db, actor, caseId, input) => recordCourtFiling(db, actor, caseId, version, input),
    'filings.record.recorded',
  );
}

/**
 * Corrects a recorded court filing (day, court, 사건번호) with a reason. The same people and the
 * same checks as recording; a new day moves the claimants' filed date with it.
 */
export async function correctCourtFilingAction(
  slug: string,
  version: number,
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runCourtFilingForm(
    slug,
    version,
    formData,
    parseCourtFilingCorrection,
    (db, actor, caseId, input) => correctCourtFiling(db, actor, caseId, version, input),
    'filings.correct.corrected',
  );
}
