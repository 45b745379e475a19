import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { handleRoute } from '@/lib/http/route';
import { getCachedPublicStats, loadPublicStats } from '@/lib/metrics/public-stats';

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, OPTIONS' };

/** Public, CORS-open counts for a case: the JSON source of every counter. No personal data. */
export const GET = handleRoute<{ slug: string }>(async (_request, { params }) => {
  const { slug } = await params;
  const stats = await getCachedPublicStats(slug, async () => loadPublicStats(await getDb(), slug));
  if (!stats) throw new AppError('not_found');
  // The documented JSON shape; the title is only for the badge and the page.
  const { title: _title, ...body } = stats;
  return Response.json(body, { headers: { ...CORS, 'Cache-Control': 'public, max-age=2, stale-while-revalidate=10' } });
});

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}
