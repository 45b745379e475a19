import { getDb } from '@/db/client';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { requestInfoFrom } from '@/lib/http/request-info';
import { handleRoute } from '@/lib/http/route';
import { getTranslator, localeFromRequest } from '@/lib/i18n/translator';
import { type ClaimantExportRow, claimantExportColumns, countClaimantsForExport, readClaimantBatch } from '@/lib/metrics/exports/claimants';
import { auditedCsvExport } from '@/lib/metrics/exports/respond';

/** The case's claimants as CSV with the columns the caller's role may see (organizers: contact and progress only). */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const access = await requireCaseRole(slug, DASHBOARD_ROLES);
  const db = await getDb();
  return auditedCsvExport<ClaimantExportRow, string>(db, access, requestInfoFrom(request.headers).ip, 'claimants', {
    columns: claimantExportColumns(access.role, getTranslator(localeFromRequest(request))),
    rowCount: await countClaimantsForExport(db, access.case.id),
    readBatch: (after) => readClaimantBatch(db, access.case.id, access.role, after),
  });
});
