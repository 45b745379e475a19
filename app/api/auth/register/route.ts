import { z } from 'zod';
import { getDb } from '@/db/client';
import { registerWithClaim } from '@/lib/claimants/enrollment';
import { parseInput } from '@/lib/forms/action';
import { currentAppUrl } from '@/lib/http/app-url';
import { hashIp, requestInfoFrom } from '@/lib/http/request-info';
import { handleRoute } from '@/lib/http/route';
import { localeFromRequest } from '@/lib/i18n/translator';
import { refuseRrn } from '@/lib/intake/validators';
import { readFormBody } from '@/lib/petition/request-body';
import { registerUser } from '@/lib/users/accounts';
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
 * the new account's id; 409 for a taken address; 404 for a closed case; 422 with per-field errors.
 */
export const POST = handleRoute(async (request) => {
  const body = await readFormBody(request);
  refuseRrn({ name: body.name });
  const input = parseInput(registerSchema, { locale: localeFromRequest(request), ...body });
  const db = await getDb();
  const links = { appUrl: await currentAppUrl() };
  if (input.caseSlug) {
    const signedUp = await registerWithClaim(
      db,
      input,
      { caseSlug: input.caseSlug, source: input.source, ipHash: hashIp(requestInfoFrom(request.headers).ip) },
      links,
    );
    return Response.json(
      { id: signedUp.userId, email: signedUp.email, claimantId: signedUp.claimantId },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const user = await registerUser(db, input, links);
  return Response.json({ id: user.id, email: user.email }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
