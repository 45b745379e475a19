import { randomBytes } from 'node:crypto';
import type { Database } from '@/db/client';
import { findCaseBySlug, findCurrentConsentDocument, localized } from '@/lib/cases/queries';
import type { Locale } from '@/lib/i18n/config';
import { computePublicStats } from '@/lib/metrics/public-stats';
import { listRegions } from '@/lib/regions';
import { type PetitionHtmlInput, renderPetitionHtml } from './petition-html';

/** What an embed or a refused form post needs to draw the petition: only public facts of an open case. */
export type PetitionPageContext = {
  slug: string;
  title: string;
  partnerOrigins: readonly string[];
  count: number;
  consent: PetitionHtmlInput['consent'];
  regions: PetitionHtmlInput['regions'];
};

export async function loadPetitionPage(db: Database, slug: string, locale: Locale): Promise<PetitionPageContext | null> {
  const found = await findCaseBySlug(db, slug);
  if (!found || found.status !== 'open') return null;
  const consent =
    (await findCurrentConsentDocument(db, found.id, 'petition_privacy', locale)) ??
    (await findCurrentConsentDocument(db, found.id, 'petition_privacy', 'ko'));
  if (!consent) return null;
  const stats = await computePublicStats(db, found);
  return {
    slug: found.slug,
    title: localized(found, 'title', locale),
    partnerOrigins: found.partnerOrigins,
    count: stats.supporters.signed,
    consent: { title: consent.title, body: consent.body, version: consent.version },
    regions: listRegions(found.jurisdiction).map((region) => ({ code: region.code, name: region.name[locale] })),
  };
}

/**
 * The CSP of a petition document: its own nonce script, our stylesheet inline, posts only to us,
 * and framing only by the case's partner sites (`'none'` when it has none, or outside an embed).
 */
export function petitionCsp(nonce: string, frameAncestors: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/** An HTML answer with the petition's own CSP (the proxy leaves these paths' framing to the route). */
export function petitionHtmlResponse(
  context: PetitionPageContext,
  input: Omit<PetitionHtmlInput, 'caseSlug' | 'caseTitle' | 'count' | 'consent' | 'regions' | 'nonce'>,
  status = 200,
): Response {
  const nonce = randomBytes(16).toString('base64');
  const html = renderPetitionHtml({
    ...input,
    caseSlug: context.slug,
    caseTitle: context.title,
    count: context.count,
    consent: context.consent,
    regions: context.regions,
    nonce,
  });
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': petitionCsp(nonce, input.variant === 'embed' ? context.partnerOrigins : []),
      ...(input.variant === 'embed' && context.partnerOrigins.length ? {} : { 'X-Frame-Options': 'DENY' }),
      'Content-Language': input.locale,
    },
  });
}
