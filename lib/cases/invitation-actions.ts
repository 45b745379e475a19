'use server';

import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/guards';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password';
import { type ActionResult, formValues, parseInput, runAction } from '@/lib/forms/action';
import { currentRequestInfo } from '@/lib/http/request-info';
import { toLocale } from '@/lib/i18n/config';
import { type AcceptOutcome, acceptInvitation } from './invitations';

const acceptInvitationSchema = z
  .object({
    token: z.string().min(10).max(200),
    name: z.string().trim().max(100).optional(),
    password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
    passwordConfirm: z.string().max(PASSWORD_MAX_LENGTH).optional(),
  })
  .refine((value) => !value.password || value.password === value.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'validation.passwordsDiffer',
  });

/**
 * Accepting an invitation from its mailed link. Whether the person must sign in or may choose a
 * password is decided again on the server from the invitation and the account, never from the form.
 */
export async function acceptInvitationAction(_previous: unknown, formData: FormData): Promise<ActionResult<AcceptOutcome>> {
  const result = await runAction(formValues(formData), async () => {
    const input = parseInput(acceptInvitationSchema, Object.fromEntries(formData));
    const current = await getCurrentUser();
    return acceptInvitation(await getDb(), {
      token: input.token,
      session: current ? { userId: current.id, sessionId: current.sessionId } : null,
      name: input.name,
      password: input.password || undefined,
      locale: toLocale(await getLocale()),
      ip: (await currentRequestInfo()).ip,
    });
  });
  if (result.ok) {
    const next = result.data.status === 'active' ? '/staff' : '/account/security';
    redirect(result.data.mustSignIn ? `/sign-in?callbackUrl=${encodeURIComponent(next)}&invited=1` : next);
  }
  return result;
}
