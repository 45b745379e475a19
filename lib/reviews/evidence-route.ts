import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { requestInfoFrom } from '@/lib/http/request-info';
import { STORED_FILE_CSP } from '@/lib/http/security-headers';
import { requireReviewer } from './access';
import { type EvidenceDisposition, contentDisposition, openEvidenceFile } from './evidence-access';

export type EvidenceRouteParams = { slug: string; claimantId: string; evidenceId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Serves one evidence file to a lawyer of the case, inline (the claimant file's previews) or as
 * a download. The type is the one decided from the bytes at upload; nosniff and a fixed
 * disposition stop a browser from reinterpreting it; nothing is cached outside the browser tab.
 */
export async function serveEvidence(request: Request, params: EvidenceRouteParams, disposition: EvidenceDisposition): Promise<Response> {
  const { user, case: found } = await requireReviewer(params.slug);
  if (!UUID.test(params.claimantId) || !UUID.test(params.evidenceId)) throw new AppError('not_found');
  const opened = await openEvidenceFile(await getDb(), {
    caseId: found.id,
    claimantId: params.claimantId,
    evidenceId: params.evidenceId,
    disposition,
    actorId: user.id,
    ip: requestInfoFrom(request.headers).ip,
  });
  return new Response(opened.stream, {
    status: 200,
    headers: {
      'Content-Type': opened.disposition === 'inline' ? opened.file.detectedMime : 'application/octet-stream',
      'Content-Length': String(opened.byteSize),
      'Content-Disposition': contentDisposition(opened.disposition, opened.file.originalFilename),
      'X-Content-Type-Options': 'nosniff',
      // Scriptless and sandboxed even when shown in place; only the claimant file may frame it.
      'Content-Security-Policy': `${STORED_FILE_CSP}; frame-ancestors ${opened.disposition === 'inline' ? "'self'" : "'none'"}`,
      'Cache-Control': 'private, no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
      // The SHA-256 the lawyer sees in the file, so a download can be checked against it.
      Digest: `sha-256=${Buffer.from(opened.file.sha256, 'hex').toString('base64')}`,
    },
  });
}
