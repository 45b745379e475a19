import type { Database } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import type { CaseAccess } from '@/lib/auth/guards';
import { type CsvColumn, csvDisposition, streamCsv } from './csv';
import { toKstDate } from '../periods';

type ExportKind = 'supporters' | 'claimants';

/** The response for a streamed CSV download: never cached, named after the case and the day. */
export function csvResponse(body: ReadableStream<Uint8Array>, kind: ExportKind, caseSlug: string, now = new Date()): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': csvDisposition(`${kind}-${caseSlug}-${toKstDate(now)}.csv`),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * A CSV export of the case, streamed batch by batch. The audit row (who, when, how many rows and
 * columns — no names) is written before the first byte leaves, so no export goes unrecorded.
 */
export async function auditedCsvExport<Row, Cursor>(
  db: Database,
  access: CaseAccess,
  ip: string | null,
  kind: ExportKind,
  options: {
    columns: readonly CsvColumn<Row>[];
    rowCount: number;
    readBatch: (after: Cursor | null) => Promise<{ rows: Row[]; next: Cursor | null }>;
  },
): Promise<Response> {
  await recordAudit(db, {
    action: `export.${kind}`,
    actorUserId: access.user.id,
    caseId: access.case.id,
    subjectType: 'case',
    subjectId: access.case.id,
    ip,
    details: { rows: options.rowCount, columns: options.columns.length, role: access.role, format: 'csv' },
  });
  return csvResponse(streamCsv<Row, Cursor>({ columns: options.columns, readBatch: options.readBatch }), kind, access.case.slug);
}
