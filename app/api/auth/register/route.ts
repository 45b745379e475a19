import { z } from 'zod';
import { getDb } from '@/db/client';
import { registerWithClaim } from '@/lib/users/register-with-claim';
import { parseInput } from '@/lib/forms/action';
import { currentAppUrl } from '@/lib/http/app-url';
import { hashIp, requestInfoFrom } from '@/lib/http/request-info';
import { handleRoute } from '@/lib/http/route';
import { localeFromRequest } from '@/lib/i18n/translator';
import { refuseRrn } from '@/lib/forms/validators';
import { readFormBody } from '@/lib/petition/request-body';
import { registerUser, signUpAlike } from '@/lib/users/accounts';
import { signUpSchema } from '@/lib/users/schemas';

/** JSON clients send `acceptTerms: true`; the sign-up form's checkbox sends "on". */
const registerSchema = z.preprocess(
  (value) =>
    value && typeof value === 'object'
      ? {
          ...value,
          acceptTerms: (value as { acceptTerms?: unknown }).acceptTerms === true ? 'on' : (value as { acceptTerms?: unknown }).acceptTerms,
        }
      : value,
  signUpSchema,
);

/**
 * Sign-up over HTTP (JSON), the same domain functions as the sign-up form: the account with its
 * verification mail and, with `caseSlug`, the draft claim in that case, all or nothing. 201 with
 * `verification_sent` for a new and a taken address alike; 404 for a closed case; 422 with per-field errors.
 */
export const POST = handleRoute(async (request) => {
  const body = await readFormBody(request);
  refuseRrn({ name: body.name });
  const input = parseInput(registerSchema, { locale: localeFromRequest(request), ...body });
  const db = await getDb();
  const links = { appUrl: await currentAppUrl() };
  // 201 and the same body for a new and a taken address (issue 17, item 12): the owner of a taken
  // one is told by mail. No id either way, so the answer says nothing about who has an account.
  const { email } = await signUpAlike(db, input.email, links.appUrl, () =>
    input.caseSlug
      ? registerWithClaim(
          db,
          input,
          { caseSlug: input.caseSlug, source: input.source, ipHash: hashIp(requestInfoFrom(request.headers).ip) },
          links,
        )
      : registerUser(db, input, links),
  );
  return Response.json({ email, status: 'verification_sent' }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
