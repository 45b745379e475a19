import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { parseVersion } from '@/lib/filings/route-params';
import { findFilingProgress } from '@/lib/filings/queries';
import { handleRoute, translateKey } from '@/lib/http/route';
import { getTranslator, localeFromRequest } from '@/lib/i18n/translator';

/** What the progress bar polls about once a second while a packet is built (lawyers and admins of the case). */
export const GET = handleRoute<{ slug: string; version: string }>(async (request, { params }) => {
  const { slug, version } = await params;
  const access = await requireCaseRole(slug, LAWYER_ROLES);
  const progress = await findFilingProgress(await getDb(), access.case.id, parseVersion(version));
  if (!progress) throw new AppError('not_found');
  const message = progress.error ? translateKey(getTranslator(localeFromRequest(request)), progress.error) : null;
  return Response.json(
    { status: progress.status, progressDone: progress.progressDone, progressTotal: progress.progressTotal, message },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
