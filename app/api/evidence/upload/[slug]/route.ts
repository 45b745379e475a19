import { getDb } from '@/db/client';
import { requireOwnClaimant } from '@/lib/auth/guards';
import { AppError, toAppError } from '@/lib/errors';
import { inspectUpload } from '@/lib/evidence/inspect';
import { withInspectionSlot } from '@/lib/evidence/inspection-slots';
import { assertDeclaredSize, receiveUpload } from '@/lib/evidence/receive';
import { assertRoomForAnotherFile, evidenceLimits, storeEvidence } from '@/lib/evidence/store';
import { evidenceMetaSchema } from '@/lib/evidence/upload-meta';
import { toEvidenceView } from '@/lib/evidence/view';
import { parseTypedInput } from '@/lib/forms/parse-typed-input';
import { offeredEvidenceKinds } from '@/lib/claimants/claim-context';
import { isEditable } from '@/lib/claimants/intake-steps';
import { requestInfoFrom } from '@/lib/http/request-info';
import { errorResponse, type RouteContext } from '@/lib/http/route';
import { assertSameOrigin } from '@/lib/http/same-origin';

/**
 * Evidence upload: the raw file is the request body (XHR, for a progress bar), its metadata is in
 * the query string. This path is left out of proxy.ts's matcher so Next.js does not buffer (and,
 * past 10 MB, cut) the body before it gets here: it is streamed to a staging file, hashed on the
 * way, and dropped the moment it passes the size limit; then judged and stored in one of a few
 * inspection slots (lib/evidence/inspection-slots.ts). So the proxy's headers are set here.
 */
const HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

export async function POST(request: Request, { params }: RouteContext<{ slug: string }>): Promise<Response> {
  try {
    assertSameOrigin(request);
    const limits = evidenceLimits();
    const declaredLength = Number(request.headers.get('content-length')) || null;
    assertDeclaredSize(declaredLength, limits.maxFileBytes);
    const { slug } = await params;
    const access = await requireOwnClaimant(slug);
    if (!isEditable(access.claimant.status)) throw new AppError('conflict', { messageKey: 'intake.errors.notEditable' });
    const url = new URL(request.url);
    const meta = parseTypedInput(evidenceMetaSchema, Object.fromEntries(url.searchParams));
    const db = await getDb();
    // The kind must be one the case's definition offers this claimant (never trusted from the browser).
    if (!(await offeredEvidenceKinds(db, access.claimant, access.case)).includes(meta.kind))
      throw new AppError('invalid_input', { fieldErrors: { kind: 'validation.choose' } });
    await assertRoomForAnotherFile(db, access.claimant, limits);
    const received = await receiveUpload(request.body, limits.maxFileBytes, declaredLength);
    const info = requestInfoFrom(request.headers);
    const result = await withInspectionSlot(async () =>
      storeEvidence(db, {
        claimant: access.claimant,
        file: await inspectUpload(await received.readBytes()),
        meta: { ...meta, filename: meta.filename.normalize('NFC') },
        limits,
        actor: { userId: access.user.id, ip: info.ip },
      }),
    ).finally(received.discard);
    return Response.json(
      { evidence: toEvidenceView(result.evidence, slug), isDuplicate: result.isDuplicate, uploadedSha256: received.sha256 },
      { status: result.isDuplicate ? 200 : 201, headers: HEADERS },
    );
  } catch (error) {
    return errorResponse(request, toAppError(error, 'POST evidence upload'), HEADERS);
  }
}
