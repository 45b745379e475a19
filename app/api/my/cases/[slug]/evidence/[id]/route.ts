import { getDb } from '@/db/client';
import { requireOwnClaimant } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { attachmentHeaders, openOwnEvidenceFile } from '@/lib/evidence/download';
import { removeEvidence } from '@/lib/evidence/store';
import { requestInfoFrom } from '@/lib/http/request-info';
import { handleRoute } from '@/lib/http/route';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The claimant's own file, always as a download (never rendered by the browser). */
export const GET = handleRoute<{ slug: string; id: string }>(async (request, { params }) => {
  const { slug, id } = await params;
  const access = await requireOwnClaimant(slug);
  if (!UUID.test(id)) throw new AppError('not_found');
  const file = await openOwnEvidenceFile(await getDb(), {
    claimant: access.claimant,
    evidenceId: id,
    actor: { userId: access.user.id, ip: requestInfoFrom(request.headers).ip },
  });
  return new Response(file.stream, {
    status: 200,
    headers: attachmentHeaders(file.evidence.originalFilename, file.evidence.detectedMime, file.byteSize),
  });
});

/** Removes a file before the claim is submitted (or one added since counsel asked for more). */
export const DELETE = handleRoute<{ slug: string; id: string }>(async (request, { params }) => {
  const { slug, id } = await params;
  const access = await requireOwnClaimant(slug);
  if (!UUID.test(id)) throw new AppError('not_found');
  await removeEvidence(await getDb(), {
    claimant: access.claimant,
    evidenceId: id,
    actor: { userId: access.user.id, ip: requestInfoFrom(request.headers).ip },
  });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
