import { getDb } from '@/db/client';
import { toAppError } from '@/lib/errors';
import { parseTypedInput } from '@/lib/intake/parse';
import { currentAppUrl } from '@/lib/http/app-url';
import { hashIp, requestInfoFrom } from '@/lib/http/request-info';
import { errorResponse, type RouteContext } from '@/lib/http/route';
import { localeFromRequest } from '@/lib/i18n/translator';
import { readFormBody } from '@/lib/petition/request-body';
import { petitionSchema } from '@/lib/petition/schemas';
import { answerBrowserFormPost, isBrowserFormPost } from '@/lib/petition/embed/browser-form';
import { signPetition } from '@/lib/petition/sign';
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
 * The support petition as an API: 201 for a new signature, 200 `already_signed` for an address
 * that signed before, 422 with translated per-field errors, 404 for an unknown or closed case.
 * Errors carry the CORS headers too, so a partner page can show them.
 */
export async function POST(request: Request, { params }: RouteContext<{ slug: string }>): Promise<Response> {
  try {
    const { slug } = await params;
    const body = await readFormBody(request);
    const sign = async (locale: Locale) => {
      const input = parseTypedInput(petitionSchema, body);
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
    const result = await sign(localeFromRequest(request));
    return Response.json(result, { status: result.status === 'signed' ? 201 : 200, headers: { ...CORS, ...JSON_HEADERS } });
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
