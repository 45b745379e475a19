import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import {
  attachmentHeaders,
  findDownloadableAttachment,
  parseAttachmentKind,
  recordAttachmentDownload,
} from '@/lib/filings/attachment-downloads';
import { streamPart } from '@/lib/filings/downloads';
import { parseVersion } from '@/lib/filings/route-params';
import { handleRoute } from '@/lib/http/route';
import { requestInfoFrom } from '@/lib/http/request-info';

/** Streams one part of an attachment split to fit the court's per-file limit, after writing its audit row. */
export const GET = handleRoute<{ slug: string; version: string; kind: string; part: string }>(async (request, { params }) => {
  const { slug, version, kind, part } = await params;
  const access = await requireCaseRole(slug, LAWYER_ROLES);
  const db = await getDb();
  const found = await findDownloadableAttachment(db, access.case.id, parseVersion(version), parseAttachmentKind(kind), parseVersion(part));
  await recordAttachmentDownload(db, { userId: access.user.id, ip: requestInfoFrom(request.headers).ip }, access.case.id, found);
  return new Response(await streamPart(db, found), { headers: attachmentHeaders(found) });
});
