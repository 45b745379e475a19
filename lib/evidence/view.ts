import type { Evidence } from '@/db/schema';

/** What the claimant's own pages and the upload answer show of a file. */
export type EvidenceView = {
  id: string;
  kind: string;
  label: string;
  note: string;
  filename: string;
  mime: string;
  byteSize: number;
  pageCount: number | null;
  sha256: string;
  uploadedAt: string;
  downloadUrl: string;
};

export function toEvidenceView(row: Evidence, caseSlug: string): EvidenceView {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    note: row.note,
    filename: row.originalFilename,
    mime: row.detectedMime,
    byteSize: row.byteSize,
    pageCount: row.pageCount,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
    downloadUrl: `/api/my/cases/${caseSlug}/evidence/${row.id}`,
  };
}
