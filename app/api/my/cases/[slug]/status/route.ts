import { requireOwnClaimant } from '@/lib/auth/guards';
import { handleRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/**
 * The signed-in claimant's own claim status, for the status page's polling fallback while its
 * event stream (./events) is down. Only the caller's own claim; anyone else's is a 404.
 */
export const GET = handleRoute<{ slug: string }>(async (_request, { params }) => {
  const { slug } = await params;
  const { claimant } = await requireOwnClaimant(slug);
  return Response.json(
    { status: claimant.status, updatedAt: claimant.updatedAt.toISOString() },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
});
