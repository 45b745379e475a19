import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { findSubmission, recordSubmissionDownload, streamSubmission, submissionHeaders } from '@/lib/filings/submission';
import { parseVersion } from '@/lib/filings/route-params';
import { handleRoute } from '@/lib/http/route';
import { requestInfoFrom } from '@/lib/http/request-info';

/** Streams a finished packet's whole submission as one zip (parts, then attachments, then SUBMISSION.json), after writing its audit row. */
export const GET = handleRoute<{ slug: string; version: string }>(async (request, { params }) => {
  const { slug, version } = await params;
  const access = await requireCaseRole(slug, LAWYER_ROLES);
  const db = await getDb();
  const submission = await findSubmission(db, access.case.id, parseVersion(version));
  await recordSubmissionDownload(db, { userId: access.user.id, ip: requestInfoFrom(request.headers).ip }, access.case.id, submission);
  return new Response(streamSubmission(db, submission), { headers: submissionHeaders(submission) });
});
