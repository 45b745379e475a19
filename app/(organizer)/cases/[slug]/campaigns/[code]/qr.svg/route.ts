import { getDb } from '@/db/client';
import { ORGANIZER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { findCampaignCode } from '@/lib/campaigns/queries';
import { campaignShareUrl, renderQrSvg } from '@/lib/campaigns/share-link';
import { AppError } from '@/lib/errors';
import { currentAppUrl } from '@/lib/http/app-url';
import { handleRoute } from '@/lib/http/route';

/** The QR code of one campaign link, as SVG (shown on the page and downloadable for flyers). */
export const GET = handleRoute<{ slug: string; code: string }>(async (_request, { params }) => {
  const { slug, code } = await params;
  const access = await requireCaseRole(slug, ORGANIZER_ROLES);
  const campaign = await findCampaignCode(await getDb(), access.case.id, code);
  if (!campaign) throw new AppError('not_found');
  const svg = await renderQrSvg(campaignShareUrl(await currentAppUrl(), access.case.slug, campaign.code));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'private, max-age=300' } });
});
