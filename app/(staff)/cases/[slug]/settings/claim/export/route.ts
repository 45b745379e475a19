import { getDb } from '@/db/client';
import { CASE_ADMIN_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { loadDraft } from '@/lib/claims/editor/draft-store';
import { loadPublishedDefinition } from '@/lib/claims/store/definitions';
import { AppError } from '@/lib/errors';
import { handleRoute } from '@/lib/http/route';

/**
 * The case's claim definition as a JSON file, to copy it to another case (import there): the
 * draft, or a published version with `?version=N`. Case admins only, like the editor.
 */
export const GET = handleRoute<{ slug: string }>(async (request, { params }) => {
  const { slug } = await params;
  const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
  const db = await getDb();
  const asked = new URL(request.url).searchParams.get('version');
  const version = asked === null ? null : Number(asked);
  if (version !== null && (!Number.isInteger(version) || version < 1)) throw new AppError('not_found');
  const definition =
    version === null
      ? (await loadDraft(db, access.case.id))?.definition
      : (await loadPublishedDefinition(db, access.case.id, version))?.definition;
  if (!definition) throw new AppError('not_found');
  const name = version === null ? `${access.case.slug}-claim-draft.json` : `${access.case.slug}-claim-v${version}.json`;
  return new Response(`${JSON.stringify(definition, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
