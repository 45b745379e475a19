'use client';

import type { EvidenceKind } from '@/db/schema';
import type { EvidenceView } from '@/lib/evidence/view';

export const EVIDENCE_KINDS = [
  'isp_bill',
  'screenshot',
  'revenue_record',
  'outage_log',
  'other',
] as const satisfies readonly EvidenceKind[];

export type UploadResult = { ok: true; evidence: EvidenceView; isDuplicate: boolean } | { ok: false; message: string };

/**
 * Sends one file as the raw request body with XMLHttpRequest, whose upload progress events
 * (unlike fetch's) drive the progress bar. The server's translated message comes back on refusal.
 */
export function uploadEvidenceFile(
  caseSlug: string,
  item: { file: File; kind: EvidenceKind; label: string; note: string },
  onProgress: (percent: number) => void,
  networkErrorMessage: string,
): Promise<UploadResult> {
  const query = new URLSearchParams({ kind: item.kind, label: item.label, note: item.note, filename: item.file.name });
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/evidence/upload/${encodeURIComponent(caseSlug)}?${query}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = request.response as { evidence?: EvidenceView; isDuplicate?: boolean; message?: string } | null;
      if (request.status >= 200 && request.status < 300 && body?.evidence)
        resolve({ ok: true, evidence: body.evidence, isDuplicate: Boolean(body.isDuplicate) });
      else resolve({ ok: false, message: body?.message ?? networkErrorMessage });
    };
    request.onerror = () => resolve({ ok: false, message: networkErrorMessage });
    request.send(item.file);
  });
}
