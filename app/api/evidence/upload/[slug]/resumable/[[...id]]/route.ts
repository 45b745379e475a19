import { getDb } from '@/db/client';
import { requireOwnClaimant } from '@/lib/auth/guards';
import { AppError, toAppError } from '@/lib/errors';
import { handleResumableUpload } from '@/lib/evidence/resumable/server';
import { evidenceLimits } from '@/lib/evidence/store';
import { errorResponse } from '@/lib/http/route';
import { assertSameOrigin } from '@/lib/http/same-origin';
import { offeredEvidenceKinds } from '@/lib/claimants/claim-context';
import { isEditable } from '@/lib/claimants/intake-steps';

/**
 * Resumable evidence uploads (tus): a phone whose connection drops at 80 % goes on from there.
 * Under /api/evidence/upload/, so proxy.ts leaves the body unbuffered, as for the one-shot upload;
 * the proxy's headers are set here. Every request checks origin, session, claimant and case.
 */
const HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

async function handle(request: Request, { params }: { params: Promise<{ slug: string; id?: string[] }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const { slug } = await params;
    const access = await requireOwnClaimant(slug);
    if (!isEditable(access.claimant.status)) throw new AppError('conflict', { messageKey: 'intake.errors.notEditable' });
    const db = await getDb();
    // Only a new upload (POST) names its kind; it must be one the case's definition offers this claimant.
    const offeredKinds = request.method === 'POST' ? await offeredEvidenceKinds(db, access.claimant, access.case) : ([] as string[]);
    const response = await handleResumableUpload(db, request, { slug, access, limits: evidenceLimits(), offeredKinds });
    for (const [name, value] of Object.entries(HEADERS)) response.headers.set(name, value);
    return response;
  } catch (error) {
    return errorResponse(request, toAppError(error, `${request.method} resumable evidence upload`), HEADERS);
  }
}

export const POST = handle;
export const HEAD = handle;
export const PATCH = handle;
export const DELETE = handle;
