import { getDb } from '@/db/client';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { loadPublishedDefinition } from '@/lib/claims/store';
import { requestInfoFrom } from '@/lib/http/request-info';
import { handleRoute } from '@/lib/http/route';
import { getTranslator, localeFromRequest } from '@/lib/i18n/translator';
import { type ClaimantExportRow, claimantExportColumns, countClaimantsForExport, readClaimantBatch } from '@/lib/metrics/exports/claimants';
import { auditedCsvExport } from '@/lib/metrics/exports/respond';

/**
 * The case's claimants as CSV with the columns the caller's role may see (organizers: contact,
 * progress and the definition's export dimensions), headed and labelled in the reader's language.
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const access = await requireCaseRole(slug, DASHBOARD_ROLES);
  const db = await getDb();
  const locale = localeFromRequest(request);
  const version = access.case.claimDefinitionVersion;
  // Columns follow the case's current definition; earlier versions' answers print under it by question id.
  const definition = version ? ((await loadPublishedDefinition(db, access.case.id, version))?.definition ?? null) : null;
  return auditedCsvExport<ClaimantExportRow, string>(db, access, requestInfoFrom(request.headers).ip, 'claimants', {
    columns: claimantExportColumns(access.role, getTranslator(locale), { definition, locale }),
    rowCount: await countClaimantsForExport(db, access.case.id),
    readBatch: (after) => readClaimantBatch(db, access.case.id, access.role, after),
  });
});
