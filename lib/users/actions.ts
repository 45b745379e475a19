'use server';

import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { getCurrentUser, requireSignedIn } from '@/lib/auth/guards';
import { type ActionResult, formValues, parseInput, runAction } from '@/lib/forms/action';
import { currentAppUrl } from '@/lib/http/app-url';
import { currentRequestInfo, hashIp } from '@/lib/http/request-info';
import { registerUser, resendVerificationMail, signUpAlike } from './accounts';
import { requestPasswordReset, resetPassword } from './password-reset';
import { registerWithClaim } from './register-with-claim';
import { passwordResetRequestSchema, passwordResetSchema, signUpSchema } from './schemas';

/** Sign-up. The answer is the same for a new and a taken address: "open the link we mailed you". */
export async function signUpAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ email: string; caseSlug?: string }>> {
  const values = formValues(formData);
  return runAction(values, async () => {
    const input = parseInput(signUpSchema, Object.fromEntries(formData));
    const db = await getDb();
    const request = await currentRequestInfo();
    const { caseSlug } = input;
    const links = { appUrl: await currentAppUrl() };
    // Account and claimant record commit together: a database outage in between leaves neither.
    // A taken address answers like a new one; its owner is told by mail (issue 17, item 12).
    const { email } = await signUpAlike(db, input.email, links.appUrl, () =>
      caseSlug
        ? registerWithClaim(db, input, { caseSlug, source: input.source, ipHash: hashIp(request.ip) }, links)
        : registerUser(db, input, links),
    );
    return { email, caseSlug };
  });
}

export async function requestPasswordResetAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(
    values,
    async () => {
      const input = parseInput(passwordResetRequestSchema, Object.fromEntries(formData));
      const { ip } = await currentRequestInfo();
      await requestPasswordReset(await getDb(), { email: input.email, ip, appUrl: await currentAppUrl() });
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
      await resetPassword(await getDb(), input.token, input.password, new Date(), (await currentRequestInfo()).ip);
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

/** From the "verify first" page: the signed-in account gets its verification link again. */
export async function resendVerificationAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const user = await requireSignedIn();
      await resendVerificationMail(await getDb(), user.id, await currentAppUrl());
    },
    'auth.verifyFirst.sent',
  );
}
