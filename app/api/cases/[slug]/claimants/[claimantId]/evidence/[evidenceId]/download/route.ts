import { handleRoute } from '@/lib/http/route';
import { type EvidenceRouteParams, serveEvidence } from '@/lib/reviews/evidence-route';

/** Evidence as a download (Content-Disposition: attachment), for lawyers of the case. */
export const GET = handleRoute<EvidenceRouteParams>(async (request, { params }) => serveEvidence(request, await params, 'attachment'));
