import { getDb } from '@/db/client';
import { isValidUnsubscribeToken, unsubscribe } from '@/lib/communications/unsubscribe';
import { AppError } from '@/lib/errors';
import { handleRoute } from '@/lib/http/route';
import { getTranslator, localeFromRequest } from '@/lib/i18n/translator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function linkOf(request: Request): { recipientId: string; token: string } {
  const url = new URL(request.url);
  const recipientId = url.searchParams.get('r') ?? '';
  const token = url.searchParams.get('t') ?? '';
  if (!UUID.test(recipientId) || !isValidUnsubscribeToken(recipientId, token)) throw new AppError('not_found');
  return { recipientId, token };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(request: Request, body: (t: (key: string) => string) => string): Response {
  const locale = localeFromRequest(request);
  const t = getTranslator(locale) as unknown as (key: string) => string;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t('communications.unsubscribe.title'))}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem"><main><h1>${escapeHtml(t('communications.unsubscribe.title'))}</h1>${body((key) => escapeHtml(t(key)))}</main></body></html>`;
  return new Response(html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
  });
}

/**
 * The link in the mail's footer: a page with one button, because mail scanners follow links and
 * must not unsubscribe anyone by looking (RFC 8058 §3.2).
 */
export const GET = handleRoute(async (request) => {
  linkOf(request);
  const action = new URL(request.url);
  return page(
    request,
    (t) =>
      `<p>${t('communications.unsubscribe.lead')}</p><form method="post" action="${escapeHtml(action.pathname + action.search)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" style="font-size:1rem;padding:.6rem 1.2rem">${t('communications.unsubscribe.confirm')}</button></form>`,
  );
});

/** One-click unsubscribe (RFC 8058): the mail client's POST, or the button above. */
export const POST = handleRoute(async (request) => {
  const { recipientId, token } = linkOf(request);
  if (!(await unsubscribe(await getDb(), recipientId, token))) throw new AppError('not_found');
  return page(request, (t) => `<p role="status">${t('communications.unsubscribe.done')}</p>`);
});
