import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { requestInfoFrom } from '@/lib/http/request-info';
import { handleRoute } from '@/lib/http/route';
import { getTranslator, localeFromRequest } from '@/lib/i18n/translator';
import { type ClaimantExportRow, claimantExportColumns, countClaimantsForExport, readClaimantBatch } from '@/lib/metrics/exports/claimants';
import { streamCsv } from '@/lib/metrics/exports/csv';
import { csvResponse } from '@/lib/metrics/exports/respond';

/**
 * The case's claimants as CSV with the columns the caller's role may see (organizers: contact and
 * progress only), streamed batch by batch; audited before the first byte with counts only.
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const access = await requireCaseRole(slug, DASHBOARD_ROLES);
  const db = await getDb();
  const columns = claimantExportColumns(access.role, getTranslator(localeFromRequest(request)));
  const rowCount = await countClaimantsForExport(db, access.case.id);
  await recordAudit(db, {
    action: 'export.claimants',
    actorUserId: access.user.id,
    caseId: access.case.id,
    subjectType: 'case',
    subjectId: access.case.id,
    ip: requestInfoFrom(request.headers).ip,
    details: { rows: rowCount, columns: columns.length, role: access.role, format: 'csv' },
  });
  const body = streamCsv<ClaimantExportRow, string>({
    columns,
    readBatch: (after) => readClaimantBatch(db, access.case.id, access.role, after),
  });
  return csvResponse(body, 'claimants', access.case.slug);
});
