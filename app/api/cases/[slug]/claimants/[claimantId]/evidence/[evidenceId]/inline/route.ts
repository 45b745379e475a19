import { handleRoute } from '@/lib/http/route';
import { type EvidenceRouteParams, serveEvidence } from '@/lib/reviews/evidence-route';

/** Evidence shown in place (an image, or a PDF in the browser's viewer inside the claimant file). */
export const GET = handleRoute<EvidenceRouteParams>(async (request, { params }) => serveEvidence(request, await params, 'inline'));
