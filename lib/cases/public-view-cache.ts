import type { Database } from '@/db/client';
import type { ConsentKind } from '@/db/schema';
import { createMicroCache } from '@/lib/cache/micro-cache';
import type { Locale } from '@/lib/i18n/config';
import { findCurrentConsentDocument, getCasePublicView } from './queries';

/**
 * The public case page is where a surge lands (issue 14.6): its case text, defendants, timeline
 * and petition notice are read from a two-second per-instance cache, like the counts. An edit by
 * the organizer shows to visitors within two seconds.
 */
const PUBLIC_TTL_MS = 2_000;

const views = createMicroCache<Awaited<ReturnType<typeof getCasePublicView>>>(PUBLIC_TTL_MS);
const consentDocuments = createMicroCache<Awaited<ReturnType<typeof findCurrentConsentDocument>>>(PUBLIC_TTL_MS);

export function getCachedCasePublicView(db: Database, slug: string) {
  return views.get(slug, () => getCasePublicView(db, slug));
}

export function getCachedConsentDocument(db: Database, caseId: string, kind: ConsentKind, locale: Locale) {
  return consentDocuments.get(`${caseId}:${kind}:${locale}`, () => findCurrentConsentDocument(db, caseId, kind, locale));
}

export function clearPublicViewCache(): void {
  views.clear();
  consentDocuments.clear();
}
