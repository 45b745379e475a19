import type { Database } from '@/db/client';
import { allowedReturnUrl } from '@/lib/cases/partners';
import { type AppError, toAppError } from '@/lib/errors';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { getTranslator, localeFromRequest } from '@/lib/i18n/translator';
import { translateKey } from '@/lib/http/route';
import type { SignatureResult } from '@/lib/petition/sign';
import { loadPetitionPage, petitionHtmlResponse } from './embed-page';

/**
 * A browser's own form post (a partner site's plain <form>, or our embed) rather than a script:
 * form-encoded and asking for HTML. Scripts keep getting JSON.
 */
export function isBrowserFormPost(request: Request): boolean {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' && (request.headers.get('accept') ?? '').includes('text/html');
}

/** The signer's language: what the form says, else what their browser asks for. */
export function signerLocale(request: Request, body: Record<string, unknown>): Locale {
  const given = typeof body.locale === 'string' ? body.locale : typeof body.lang === 'string' ? body.lang : undefined;
  return isLocale(given) ? given : localeFromRequest(request);
}

/**
 * Answers a browser form post with a page instead of JSON: 303 to the case's thank-you page in
 * the signer's language, to the partner's own return URL when its origin is on the case's list,
 * or back into the embed; a refusal shows the form again on our site with what was typed. Every
 * Location is a path of ours or an allow-listed URL — never built from request headers.
 */
export async function answerBrowserFormPost(
  db: Database,
  request: Request,
  slug: string,
  body: Record<string, unknown>,
  sign: (locale: Locale) => Promise<SignatureResult>,
): Promise<Response> {
  const locale = signerLocale(request, body);
  const isEmbed = body.embed === '1';
  const context = await loadPetitionPage(db, slug, locale);
  const t = getTranslator(locale);
  if (!context) return notFoundPage(t('petition.errors.unknownCase'), locale);
  let result: SignatureResult;
  try {
    result = await sign(locale);
  } catch (error) {
    const appError: AppError = toAppError(error, 'POST support (form)');
    if (appError.code === 'not_found') return notFoundPage(t('petition.errors.unknownCase'), locale);
    const errors = Object.fromEntries(Object.entries(appError.fieldErrors ?? {}).map(([field, key]) => [field, translateKey(t, key)]));
    const values = Object.fromEntries(
      ['name', 'email', 'region', 'privacyConsent', 'updatesConsent', 'source', 'return']
        .filter((key) => typeof body[key] === 'string')
        .map((key) => [key, String(body[key]).slice(0, 2000)]),
    );
    return petitionHtmlResponse(
      context,
      {
        variant: isEmbed ? 'embed' : 'page',
        locale,
        values,
        errors,
        message: translateKey(t, appError.messageKey ?? `errors.${appError.code}`),
      },
      appError.status,
    );
  }
  const status = result.status;
  if (isEmbed) return seeOther(`/embed/cases/${context.slug}/petition?status=${status}&lang=${locale}`);
  const back = allowedReturnUrl(body.return, context.partnerOrigins);
  if (back) {
    back.searchParams.set('joinder', status);
    return seeOther(back.href);
  }
  return seeOther(`/cases/${context.slug}/support/thanks?status=${status}&lang=${locale}`);
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

function notFoundPage(message: string, locale: Locale): Response {
  const escaped = message.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return new Response(
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>404</title></head><body><p>${escaped}</p></body></html>`,
    {
      status: 404,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
        'X-Frame-Options': 'DENY',
      },
    },
  );
}
