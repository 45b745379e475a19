import { getDb } from '@/db/client';
import { toAppError } from '@/lib/errors';
import { parseTypedInput } from '@/lib/forms/parse-typed-input';
import { refuseRrn } from '@/lib/forms/validators';
import { currentAppUrl } from '@/lib/http/app-url';
import { hashIp, requestInfoFrom } from '@/lib/http/request-info';
import { errorResponse, type RouteContext } from '@/lib/http/route';
import { getTranslator, localeFromRequest } from '@/lib/i18n/translator';
import { readFormBody } from '@/lib/petition/request-body';
import { dropUnreadableOptionals, petitionSchema } from '@/lib/petition/schemas';
import { answerBrowserFormPost, isBrowserFormPost } from '@/lib/petition/embed/browser-form';
import { type SignatureResult, signPetition } from '@/lib/petition/sign';
import type { Locale } from '@/lib/i18n/config';
import { resolveCampaignSource } from '@/lib/petition/source';

/** Partner sites embed the petition, so any origin may post; no cookies are read or set. */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Accept-Language',
  'Access-Control-Max-Age': '86400',
};

/**
 * The support petition as an API: 201 `signed`, for a new address and for one that signed before
 * alike (its owner is told by mail, issue 17 item 12), 422 with translated per-field errors, 404
 * for an unknown or closed case.
 * Errors carry the CORS headers too, so a partner page can show them.
 */
export async function POST(request: Request, { params }: RouteContext<{ slug: string }>): Promise<Response> {
  try {
    const { slug } = await params;
    const body = await readFormBody(request);
    const sign = async (locale: Locale) => {
      // An optional field we cannot read is dropped (and named in the answer), never the signature.
      // A resident registration number is refused wherever it was typed, before anything is dropped.
      refuseRrn(body);
      const lenient = dropUnreadableOptionals(body);
      const input = { ...parseTypedInput(petitionSchema, lenient.body), dropped: lenient.dropped };
      const info = requestInfoFrom(request.headers);
      const source = resolveCampaignSource({
        src: input.source,
        referer: request.headers.get('referer'),
        ownHost: request.headers.get('host'),
      });
      return signPetition(await getDb(), slug, { ...input, source }, { locale, ipHash: hashIp(info.ip), appUrl: await currentAppUrl() });
    };
    // A partner site's plain HTML form (or our embed) gets a page, a script gets JSON.
    if (isBrowserFormPost(request)) return withHeaders(await answerBrowserFormPost(await getDb(), request, slug, body, sign), CORS);
    const locale = localeFromRequest(request);
    const result = await sign(locale);
    return Response.json(withDroppedNotice(result, locale), {
      status: 201,
      headers: { ...CORS, ...JSON_HEADERS },
    });
  } catch (error) {
    return errorResponse(request, toAppError(error, 'POST support'), { ...CORS, ...JSON_HEADERS });
  }
}

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: { ...CORS, ...JSON_HEADERS } });
}

/** This route sets its own CSP (the proxy leaves it alone, see lib/http/security-headers.ts). */
const JSON_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
};

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The answer names what was left out, in the signer's language, beside the field names. */
function withDroppedNotice(result: SignatureResult, locale: Locale): SignatureResult & { notice?: string } {
  if (!result.dropped?.length) return result;
  const t = getTranslator(locale);
  const fields = result.dropped.map((item) => t(`petition.fields.${item.field}` as never)).join(', ');
  return { ...result, notice: t('petition.droppedNotice' as never, { fields } as never) };
}
