import { getDb } from '@/db/client';
import { handleRoute } from '@/lib/http/route';
import { isLocale } from '@/lib/i18n/config';
import { localeFromRequest } from '@/lib/i18n/translator';
import { loadPetitionPage, petitionHtmlResponse } from '@/lib/petition/embed/embed-page';

/**
 * The petition for partner sites' iframes: `<iframe src="/embed/cases/{slug}/petition?lang=en">`.
 * Framable only by the case's partner origins (case settings), compact, Korean or English, the
 * count kept live by a nonce script. Public: anyone may sign; nothing personal is shown.
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const url = new URL(request.url);
  const lang = url.searchParams.get('lang');
  const locale = isLocale(lang) ? lang : localeFromRequest(request);
  const context = await loadPetitionPage(await getDb(), slug, locale);
  if (!context) {
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" },
    });
  }
  const status = url.searchParams.get('status');
  const src = url.searchParams.get('src');
  return petitionHtmlResponse(context, {
    variant: 'embed',
    locale,
    status: status === 'signed' ? status : undefined,
    values: src ? { source: src.slice(0, 200) } : {},
  });
});
