import { getDb } from '@/db/client';
import { toAppError } from '@/lib/errors';
import { parseTypedInput } from '@/lib/intake/parse';
import { currentAppUrl } from '@/lib/http/app-url';
import { hashIp, requestInfoFrom } from '@/lib/http/request-info';
import { errorResponse, type RouteContext } from '@/lib/http/route';
import { localeFromRequest } from '@/lib/i18n/translator';
import { readFormBody } from '@/lib/petition/request-body';
import { petitionSchema } from '@/lib/petition/schemas';
import { signPetition } from '@/lib/petition/sign';
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
    const input = parseTypedInput(petitionSchema, body);
    const info = requestInfoFrom(request.headers);
    const source = resolveCampaignSource({
      src: input.source,
      referer: request.headers.get('referer'),
      ownHost: request.headers.get('host'),
    });
    const result = await signPetition(
      await getDb(),
      slug,
      { ...input, source },
      { locale: localeFromRequest(request), ipHash: hashIp(info.ip), appUrl: await currentAppUrl() },
    );
    return Response.json(result, { status: result.status === 'signed' ? 201 : 200, headers: { ...CORS, 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(request, toAppError(error, 'POST support'), CORS);
  }
}

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: CORS });
}
