import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { requestInfoFrom } from '@/lib/http/request-info';
import { handleRoute } from '@/lib/http/route';
import { getTranslator, localeFromRequest } from '@/lib/i18n/translator';
import { streamCsv } from '@/lib/metrics/exports/csv';
import { csvResponse } from '@/lib/metrics/exports/respond';
import { type SupporterCursor, type SupporterExportRow, countSupportersForExport, readSupporterBatch, supporterExportColumns } from '@/lib/metrics/exports/supporters';

/**
 * The case's supporters as CSV, streamed batch by batch. The audit row (who, when, how many —
 * no names) is written before the first byte leaves, so no export goes unrecorded.
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const access = await requireCaseRole(slug, DASHBOARD_ROLES);
  const db = await getDb();
  const columns = supporterExportColumns(getTranslator(localeFromRequest(request)));
  const rowCount = await countSupportersForExport(db, access.case.id);
  await recordAudit(db, {
    action: 'export.supporters',
    actorUserId: access.user.id,
    caseId: access.case.id,
    subjectType: 'case',
    subjectId: access.case.id,
    ip: requestInfoFrom(request.headers).ip,
    details: { rows: rowCount, columns: columns.length, role: access.role, format: 'csv' },
  });
  const body = streamCsv<SupporterExportRow, SupporterCursor>({
    columns,
    readBatch: (after) => readSupporterBatch(db, access.case.id, after),
  });
  return csvResponse(body, 'supporters', access.case.slug);
});
