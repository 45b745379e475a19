import { getDb } from '@/db/client';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { parseInput } from '@/lib/forms/action';
import { handleRoute } from '@/lib/http/route';
import { toLocale } from '@/lib/i18n/config';
import { localeFromRequest } from '@/lib/i18n/translator';
import { loadSupportReportData, supportReportQuerySchema } from '@/lib/metrics/support-report-data';
import { renderSupportReportPdf } from '@/lib/metrics/support-report-render';

/**
 * The one-page support report for press and partners: `?date=2003-02-27&lang=en`. Numbers only
 * (counts, no person), so every dashboard role may make one.
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const access = await requireCaseRole(slug, DASHBOARD_ROLES);
  const url = new URL(request.url);
  const query = parseInput(supportReportQuerySchema, { date: url.searchParams.get('date') || undefined });
  const locale = url.searchParams.has('lang') ? toLocale(url.searchParams.get('lang')) : localeFromRequest(request);
  const data = await loadSupportReportData(await getDb(), access.case, { date: query.date, locale });
  const pdf = await renderSupportReportPdf(data, locale);
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="support-report-${access.case.slug}-${data.asOf}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
