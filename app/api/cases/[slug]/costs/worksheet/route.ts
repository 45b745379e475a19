import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { localized } from '@/lib/cases/queries';
import { loadCostWorksheet } from '@/lib/costs/load-worksheet';
import { renderCostWorksheetPdf } from '@/lib/costs/render';
import { costWorksheetQuerySchema, queryValues } from '@/lib/costs/schemas';
import { parseInput } from '@/lib/forms/action';
import { handleRoute } from '@/lib/http/route';
import { toLocale } from '@/lib/i18n/config';
import { localeFromRequest } from '@/lib/i18n/translator';

/**
 * The court-cost worksheet as a one-page PDF, with the same query as the page
 * (`?representatives=3&filing=electronic&lang=en`). Lawyers and admins of the case only: it is
 * built from the claims of the case's claimants.
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const access = await requireCaseRole(slug, LAWYER_ROLES);
  const url = new URL(request.url);
  const query = parseInput(costWorksheetQuerySchema, queryValues(url.searchParams));
  const locale = url.searchParams.has('lang') ? toLocale(url.searchParams.get('lang')) : localeFromRequest(request);
  const loaded = await loadCostWorksheet(await getDb(), access.case, query);
  const pdf = await renderCostWorksheetPdf(loaded, localized(access.case, 'title', locale), locale);
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="cost-worksheet-${access.case.slug}-${loaded.worksheet.input.day}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
