import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { downloadHeaders, findDownloadablePart, partFilename, recordPartDownload, streamPart } from '@/lib/filings/downloads';
import { parseVersion } from '@/lib/filings/route-params';
import { handleRoute } from '@/lib/http/route';
import { requestInfoFrom } from '@/lib/http/request-info';

/** Streams one stored part of a finished packet as an attachment, after writing its audit row. */
export const GET = handleRoute<{ slug: string; version: string; part: string }>(async (request, { params }) => {
  const { slug, version, part } = await params;
  const access = await requireCaseRole(slug, LAWYER_ROLES);
  const db = await getDb();
  const found = await findDownloadablePart(db, access.case.id, parseVersion(version), parseVersion(part));
  await recordPartDownload(db, { userId: access.user.id, ip: requestInfoFrom(request.headers).ip }, access.case.id, found);
  return new Response(await streamPart(db, found), { headers: downloadHeaders(partFilename(access.case.slug, found), found) });
});
