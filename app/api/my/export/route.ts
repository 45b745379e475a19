import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/guards';
import { streamOwnDataExport } from '@/lib/claimants/export';
import { requestInfoFrom } from '@/lib/http/request-info';
import { handleRoute } from '@/lib/http/route';

/** "Download my data": a zip of the signed-in person's own data and files, streamed. */
export const GET = handleRoute(async (request) => {
  const user = await requireUser();
  const stream = await streamOwnDataExport(await getDb(), { userId: user.id, ip: requestInfoFrom(request.headers).ip });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="joinder-my-data-${day}.zip"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
});
