import { ERRORS, MemoryLocker, Metadata, Server } from '@tus/server';
import type { Database } from '@/db/client';
import type { ClaimantAccess } from '@/lib/auth/guards';
import { AppError, isAppError, toAppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/route';
import { requestInfoFrom } from '@/lib/http/request-info';
import { parseTypedInput } from '@/lib/forms/parse-typed-input';
import { assertDeclaredSize } from '../receive';
import { assertRoomForAnotherFile, type EvidenceLimits } from '../store';
import { resumableMetaSchema } from '../upload-meta';
import { toEvidenceView } from '../view';
import { finishUpload } from './finish';
import { discardExpiredUploads, EvidenceUploadStore, findOwnUpload, type NewUpload, newUploadId, type UploadOwner } from './upload-store';

/** Sent by our uploader on every request: the SHA-256 of the file it is sending. */
export const UPLOAD_SHA256_HEADER = 'joinder-upload-sha256';

/**
 * tus serialises the requests of one upload with this lock (a HEAD racing a PATCH after a
 * reconnect). It is per process; across processes the upload row's lock keeps the offset right.
 */
const LOCKER_KEY = Symbol.for('joinder.tus-locker');
function sharedLocker(): MemoryLocker {
  const g = globalThis as typeof globalThis & { [LOCKER_KEY]?: MemoryLocker };
  g[LOCKER_KEY] ??= new MemoryLocker();
  return g[LOCKER_KEY];
}

/** What tus sends when a hook refuses: our translated JSON answer, with its status. */
async function tusRefusal(request: Request, error: AppError): Promise<{ status_code: number; body: string }> {
  const response = errorResponse(request, error);
  return { status_code: response.status, body: await response.text() };
}

const TUS_MESSAGES: Record<number, string> = {
  [ERRORS.FILE_NOT_FOUND.status_code]: 'intake.evidence.errors.uploadGone',
  [ERRORS.FILE_NO_LONGER_EXISTS.status_code]: 'intake.evidence.errors.uploadGone',
};

/** Validates a new upload's length and metadata before tus creates anything: translated refusals, nothing stored. */
async function readNewUpload(
  db: Database,
  request: Request,
  access: ClaimantAccess,
  limits: EvidenceLimits,
  offeredKinds: readonly string[],
): Promise<NewUpload> {
  const length = Number(request.headers.get('upload-length'));
  if (!Number.isSafeInteger(length) || length <= 0) throw new AppError('invalid_input', { messageKey: 'intake.evidence.errors.empty' });
  assertDeclaredSize(length, limits.maxFileBytes);
  // A key sent without a value (an empty note) parses as null.
  const metadata = Object.fromEntries(
    Object.entries(Metadata.parse(request.headers.get('upload-metadata') ?? '')).map(([key, value]) => [key, value ?? '']),
  );
  const { sha256, ...meta } = parseTypedInput(resumableMetaSchema, metadata);
  if (!offeredKinds.includes(meta.kind)) throw new AppError('invalid_input', { fieldErrors: { kind: 'validation.choose' } });
  await assertRoomForAnotherFile(db, access.claimant, limits);
  await discardExpiredUploads(db);
  return { byteSize: length, sha256, meta: { ...meta, filename: meta.filename.normalize('NFC') } };
}

/**
 * One request of a resumable evidence upload (tus 1.0: POST creates, HEAD tells the offset,
 * PATCH appends, DELETE cancels), for the signed-in claimant of this case only. The caller has
 * checked the origin, the session and that the claim is editable. A request naming another
 * user's upload finds nothing; a request for this upload sending a different file's SHA-256 is
 * refused (409), and the finished bytes must hash to it too.
 */
export async function handleResumableUpload(
  db: Database,
  request: Request,
  input: {
    slug: string;
    access: ClaimantAccess;
    limits: EvidenceLimits;
    /** The evidence kinds the case's claim definition offers this claimant (decided by the caller). */
    offeredKinds: readonly string[];
  },
): Promise<Response> {
  const { access, limits } = input;
  const owner: UploadOwner = { claimantId: access.claimant.id, caseId: access.claimant.caseId, userId: access.user.id };
  const pending = request.method === 'POST' ? await readNewUpload(db, request, access, limits, input.offeredKinds) : null;
  const server = new Server({
    path: `/api/evidence/upload/${input.slug}/resumable`,
    datastore: new EvidenceUploadStore(db, owner, pending),
    locker: sharedLocker(),
    maxSize: limits.maxFileBytes,
    relativeLocation: true,
    namingFunction: () => newUploadId(),
    // Only this site's pages upload here (the origin was checked): no CORS answer for anyone.
    allowedOrigins: () => false,
    disableTerminationForFinishedUploads: true,
    onIncomingRequest: async (req, uploadId) => {
      const row = await findOwnUpload(db, owner, uploadId);
      if (row && req.headers.get(UPLOAD_SHA256_HEADER) !== row.fingerprint) {
        throw await tusRefusal(request, new AppError('conflict', { messageKey: 'intake.evidence.errors.uploadMismatch' }));
      }
    },
    onUploadFinish: async (_req, upload) => {
      const row = await findOwnUpload(db, owner, upload.id);
      if (!row) throw ERRORS.FILE_NOT_FOUND;
      try {
        const result = await finishUpload(db, {
          row,
          claimant: access.claimant,
          limits,
          actor: { userId: access.user.id, ip: requestInfoFrom(request.headers).ip },
        });
        return {
          status_code: result.isDuplicate ? 200 : 201,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            evidence: toEvidenceView(result.evidence, input.slug),
            isDuplicate: result.isDuplicate,
            uploadedSha256: result.uploadedSha256,
          }),
        };
      } catch (error) {
        throw await tusRefusal(request, toAppError(error, 'finish resumable upload'));
      }
    },
    onResponseError: async (_req, error) => {
      if (isAppError(error)) return tusRefusal(request, error);
      if ('status_code' in error && error.body.startsWith('{')) return undefined;
      const status = 'status_code' in error ? error.status_code : 500;
      const messageKey = TUS_MESSAGES[status];
      if (messageKey) return tusRefusal(request, new AppError('not_found', { messageKey }));
      if (status >= 500) return tusRefusal(request, toAppError(error, 'resumable upload'));
      return undefined;
    },
  });
  return server.handleWeb(request);
}
