import { getDb } from '@/db/client';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { canWriteTo, getMessage } from '@/lib/communications/messages';
import { deliveryReportCsv } from '@/lib/communications/report';
import { AppError } from '@/lib/errors';
import { handleRoute } from '@/lib/http/route';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One message's delivery report (`?message=<id>`): a line per recipient, addresses masked. */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const access = await requireCaseRole(slug, DASHBOARD_ROLES);
  const messageId = new URL(request.url).searchParams.get('message') ?? '';
  if (!UUID.test(messageId)) throw new AppError('not_found');
  const db = await getDb();
  const message = await getMessage(db, access.case.id, messageId);
  if (!canWriteTo(access.role, message.audience)) throw new AppError('forbidden');
  const csv = await deliveryReportCsv(db, access.case.id, message.id);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="delivery-${message.id}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
