'use server';

import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/guards';
import { registerWithClaim } from '@/lib/claimants/enrollment';
import { type ActionResult, formValues, parseInput, runAction } from '@/lib/forms/action';
import { currentAppUrl } from '@/lib/http/app-url';
import { currentRequestInfo, hashIp } from '@/lib/http/request-info';
import { requestPasswordReset, registerUser, resetPassword } from './accounts';
import { passwordResetRequestSchema, passwordResetSchema, signUpSchema } from './schemas';

/** Sign-up. The client signs in with the same credentials once this succeeds. */
export async function signUpAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ email: string; caseSlug?: string }>> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const input = parseInput(signUpSchema, Object.fromEntries(formData));
    const db = await getDb();
    const request = await currentRequestInfo();
    const { caseSlug } = input;
    const links = { appUrl: await currentAppUrl() };
    // Account and claimant record commit together: a database outage in between leaves neither.
    const user = caseSlug
      ? await registerWithClaim(db, input, { caseSlug, source: input.source, ipHash: hashIp(request.ip) }, links)
      : await registerUser(db, input, links);
    return { email: user.email, caseSlug };
  });
}

export async function requestPasswordResetAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(
    values,
    async () => {
      const input = parseInput(passwordResetRequestSchema, Object.fromEntries(formData));
      await requestPasswordReset(await getDb(), input.email, await currentAppUrl());
      return undefined;
    },
    'auth.resetRequested',
  );
}

export async function resetPasswordAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(
    values,
    async () => {
      const input = parseInput(passwordResetSchema, Object.fromEntries(formData));
      await resetPassword(await getDb(), input.token, input.password);
      return undefined;
    },
    'auth.passwordChanged',
  );
}

/** Remembers a signed-in user's language for mails sent to them later. */
export async function rememberLocaleForCurrentUser(locale: 'ko' | 'en'): Promise<void> {
  const user = await getCurrentUser();
  if (!user || user.locale === locale) return;
  await (await getDb()).update(users).set({ locale }).where(eq(users.id, user.id));
}
