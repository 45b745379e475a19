'use client';

import { type DetailedError, Upload } from 'tus-js-client';
import type { EvidenceView } from '@/lib/evidence/view';

type EvidenceKind = string;

export type UploadResult =
  { ok: true; evidence: EvidenceView; isDuplicate: boolean } | { ok: false; message: string; fieldErrors?: Record<string, string> };

type Item = { file: File; kind: EvidenceKind; label: string; note: string; documentAuthor: string; documentDate: string };
type AnswerBody = { evidence?: EvidenceView; isDuplicate?: boolean; message?: string; fieldErrors?: Record<string, string> } | null;

/** Sent on every request of a resumable upload (lib/evidence/resumable/server.ts): which file this is. */
const UPLOAD_SHA256_HEADER = 'Joinder-Upload-Sha256';
/** Small enough that a phone on a weak signal finishes a request often; a drop costs at most this much. */
const CHUNK_BYTES = 2 * 1024 * 1024;
/** Retries after a drop, in milliseconds: quickly at first, then for about a minute and a half. */
const RETRY_DELAYS = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000];

async function sha256Of(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function parseAnswer(text: string | undefined): AnswerBody {
  try {
    return text ? (JSON.parse(text) as AnswerBody) : null;
  } catch {
    return null;
  }
}

function toResult(body: AnswerBody, networkErrorMessage: string): UploadResult {
  if (body?.evidence) return { ok: true, evidence: body.evidence, isDuplicate: Boolean(body.isDuplicate) };
  return { ok: false, message: body?.message ?? networkErrorMessage, fieldErrors: body?.fieldErrors };
}

/** What the claimant typed about the file, as the server's metadata schema (lib/evidence/upload-meta.ts) names it. */
function metaOf(item: Item): Record<string, string> {
  return {
    kind: item.kind,
    label: item.label,
    note: item.note,
    documentAuthor: item.documentAuthor,
    documentDate: item.documentDate,
    filename: item.file.name,
  };
}

/**
 * Uploads one file resumably (tus): when the connection drops the upload waits and goes on from
 * the last byte the server kept, and a page reloaded mid-upload picks it up again (the browser
 * remembers the upload by file name, size and date). The whole file's SHA-256 goes with it, so the
 * server refuses a different file under the same upload. Refusals (type, size, quota) are not
 * retried: their translated message is shown. Without Web Crypto (a plain-http address other
 * than localhost) it falls back to one request.
 */
export async function uploadEvidenceFile(
  caseSlug: string,
  item: Item,
  onProgress: (percent: number) => void,
  networkErrorMessage: string,
): Promise<UploadResult> {
  if (!globalThis.crypto?.subtle) return uploadInOneRequest(caseSlug, item, onProgress, networkErrorMessage);
  const sha256 = await sha256Of(item.file);
  return new Promise((resolve) => {
    const upload = new Upload(item.file, {
      endpoint: `/api/evidence/upload/${encodeURIComponent(caseSlug)}/resumable`,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      metadata: { ...metaOf(item), sha256 },
      headers: { [UPLOAD_SHA256_HEADER]: sha256 },
      removeFingerprintOnSuccess: true,
      onShouldRetry: (error: DetailedError) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        return status === 0 || status >= 500 || status === 423;
      },
      onProgress: (sent, total) => onProgress(total ? Math.round((sent / total) * 100) : 0),
      onSuccess: ({ lastResponse }) => resolve(toResult(parseAnswer(lastResponse.getBody()), networkErrorMessage)),
      onError: (error) => {
        resolve(toResult(parseAnswer((error as DetailedError).originalResponse?.getBody()), networkErrorMessage));
      },
    });
    void upload
      .findPreviousUploads()
      .then((previous) => {
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      })
      .catch(() => {})
      .finally(() => upload.start());
  });
}

/**
 * Sends one file as the raw request body with XMLHttpRequest, whose upload progress events
 * (unlike fetch's) drive the progress bar. The server's translated message comes back on refusal.
 */
function uploadInOneRequest(
  caseSlug: string,
  item: Item,
  onProgress: (percent: number) => void,
  networkErrorMessage: string,
): Promise<UploadResult> {
  const query = new URLSearchParams(metaOf(item));
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/evidence/upload/${encodeURIComponent(caseSlug)}?${query}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = request.response as AnswerBody;
      if (request.status >= 200 && request.status < 300 && body?.evidence)
        resolve({ ok: true, evidence: body.evidence, isDuplicate: Boolean(body.isDuplicate) });
      else resolve({ ok: false, message: body?.message ?? networkErrorMessage, fieldErrors: body?.fieldErrors });
    };
    request.onerror = () => resolve({ ok: false, message: networkErrorMessage });
    request.send(item.file);
  });
}
