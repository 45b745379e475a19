'use server';

import { encode } from 'next-auth/jwt';
import { getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getSecrets } from '@/lib/env';
import { formValues } from '@/lib/forms/action';
import { currentRequestInfo, hashIp } from '@/lib/http/request-info';
import { safeReturnPath } from '@/lib/http/safe-redirect';
import { SESSION_COOKIE_PLAIN, SESSION_COOKIE_SECURE, SESSION_MAX_AGE_SECONDS, usesSecureCookies } from './options';
import { authenticate } from './sign-in';

export type SignInState = {
  ok: false;
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  /** The password was right and the account asks for its second step. */
  needsTotp: boolean;
};

const signInSchema = z.object({
  email: z.string().max(320).default(''),
  password: z.string().max(1024).default(''),
  totp: z.string().max(64).default(''),
  callbackUrl: z.string().max(2048).optional(),
});

/**
 * Sign-in as a server action (issue 17, item 17): the form posts to it before any JavaScript has
 * loaded — a GET with the password in the address is impossible — and without JavaScript it
 * still signs in. It sets the same session cookie next-auth's credentials callback would (a JWT
 * with the user id and the server-side session id), so every guard reads it alike.
 */
export async function signInAction(_previous: unknown, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries([...formData.entries()].filter(([, value]) => typeof value === 'string')));
  const input = parsed.success ? parsed.data : { email: '', password: '', totp: '', callbackUrl: undefined };
  const request = await currentRequestInfo();
  const result = await authenticate(await getDb(), {
    email: input.email,
    password: input.password,
    totp: input.totp,
    ip: request.ip,
    ipHash: hashIp(request.ip),
    userAgent: request.userAgent,
  });
  if (!result.ok) {
    const t = await getTranslations('auth.signIn.errors');
    return {
      ok: false,
      message: t(result.code),
      fieldErrors: {},
      values: formValues(formData, ['password', 'totp']),
      needsTotp: result.code === 'totp_required' || result.code === 'totp_invalid',
    };
  }
  const secure = usesSecureCookies();
  const token = await encode({
    token: { sub: result.user.id, sid: result.sessionId, email: result.user.email, name: result.user.name },
    secret: getSecrets().authSecret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(secure ? SESSION_COOKIE_SECURE : SESSION_COOKIE_PLAIN, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  redirect(safeReturnPath(input.callbackUrl));
}
