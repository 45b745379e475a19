import { getDb } from '@/db/client';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { requestInfoFrom } from '@/lib/http/request-info';
import { handleRoute } from '@/lib/http/route';
import { getTranslator, localeFromRequest } from '@/lib/i18n/translator';
import {
  type SupporterCursor,
  type SupporterExportRow,
  countSupportersForExport,
  readSupporterBatch,
  supporterExportColumns,
} from '@/lib/metrics/exports/supporters';
import { auditedCsvExport } from '@/lib/metrics/exports/respond';

/** The case's supporters as CSV: name, contact, region, source and the signature's state. */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const access = await requireCaseRole(slug, DASHBOARD_ROLES);
  const db = await getDb();
  const locale = localeFromRequest(request);
  return auditedCsvExport<SupporterExportRow, SupporterCursor>(db, access, requestInfoFrom(request.headers).ip, 'supporters', {
    columns: supporterExportColumns(getTranslator(locale), access.case.jurisdiction, locale),
    rowCount: await countSupportersForExport(db, access.case.id),
    readBatch: (after) => readSupporterBatch(db, access.case.id, after),
  });
});
