'use server';

import { getLocale } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireOwnClaimant, requireUser } from '@/lib/auth/guards';
import { type ActionResult, formValues, runAction } from '@/lib/forms/action';
import { currentRequestInfo, hashIp } from '@/lib/http/request-info';
import { toLocale } from '@/lib/i18n/config';
import { parseTypedInput } from '@/lib/forms/parse-typed-input';
import { intakePath } from './intake-steps';
import { enrollClaimant } from './enrollment';
import { answerInfoRequest, withdrawClaim } from './status-changes';

/** Actions on the claimant's home page; each acts only on the signed-in person's own claim. */
const answerSchema = z.object({ caseSlug: z.string().min(1).max(64), message: z.string().trim().min(1).max(5000) });

export async function answerInfoRequestAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const input = parseTypedInput(answerSchema, values);
    const access = await requireOwnClaimant(input.caseSlug);
    const request = await currentRequestInfo();
    await answerInfoRequest(await getDb(), {
      claimant: access.claimant,
      message: input.message,
      actor: { userId: access.user.id, ip: request.ip },
    });
    showClaimHome(input.caseSlug, 'answered');
  });
}

/**
 * After a change of status the claim page must show the new state at once (badge, request, thread):
 * its data is refetched and the page says what happened.
 */
function showClaimHome(caseSlug: string, done: 'answered' | 'withdrawn'): never {
  const path = `/my/cases/${caseSlug}`;
  revalidatePath(path);
  redirect(`${path}?done=${done}`);
}

const withdrawSchema = z.object({
  caseSlug: z.string().min(1).max(64),
  reason: z.string().trim().min(1).max(1000),
  confirm: z.literal('on', { message: 'validation.mustConfirm' }),
});

export async function withdrawClaimAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const input = parseTypedInput(withdrawSchema, values);
    const access = await requireOwnClaimant(input.caseSlug);
    const request = await currentRequestInfo();
    await withdrawClaim(await getDb(), {
      claimant: access.claimant,
      reason: input.reason,
      actor: { userId: access.user.id, ip: request.ip },
    });
    showClaimHome(input.caseSlug, 'withdrawn');
  });
}

/** A signed-in person who has no claim in the case yet starts one. */
export async function joinCaseAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const user = await requireUser();
    const slug = String(values.caseSlug ?? '');
    const request = await currentRequestInfo();
    await enrollClaimant(await getDb(), {
      userId: user.id,
      caseSlug: slug,
      source: values.source || null,
      ipHash: hashIp(request.ip),
      locale: toLocale(await getLocale()),
    });
    redirect(intakePath(slug, 'type'));
  });
}
