import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { handleRoute } from '@/lib/http/route';
import { toLocale } from '@/lib/i18n/config';
import { renderSupportersBadge } from '@/lib/metrics/badge';
import { type PublicStats, getCachedPublicStats, loadPublicStats } from '@/lib/metrics/public-stats';

// One rendering per cached numbers and language: the stats object changes every two seconds at most.
const rendered = new WeakMap<PublicStats, Map<string, string>>();

/**
 * The embeddable counter image: `<img src="/api/cases/{slug}/badge.svg?lang=en">`. Language from
 * `?lang=` only (not the visitor's cookie), so the URL alone decides the bytes and caches can share
 * them. The count is the public signature count, withdrawals already subtracted.
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const locale = toLocale(new URL(request.url).searchParams.get('lang'));
  const stats = await getCachedPublicStats(slug, async () => loadPublicStats(await getDb(), slug));
  if (!stats) throw new AppError('not_found');
  const etag = `W/"${stats.supporters.signed}-${locale}"`;
  const headers = {
    'Content-Type': 'image/svg+xml; charset=utf-8',
    'Cache-Control': 'public, max-age=5, stale-while-revalidate=30',
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    ETag: etag,
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  let byLocale = rendered.get(stats);
  if (!byLocale) {
    byLocale = new Map();
    rendered.set(stats, byLocale);
  }
  let svg = byLocale.get(locale);
  if (!svg) {
    svg = renderSupportersBadge({ count: stats.supporters.signed, locale, caseTitle: stats.title[locale] });
    byLocale.set(locale, svg);
  }
  return new Response(svg, { headers });
});
