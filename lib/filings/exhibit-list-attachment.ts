import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';
import { type ExhibitListInput, renderExhibitList } from '@/lib/pdf/exhibit-list';
import type { ClaimantSnapshot, RenderOptions } from '@/lib/pdf/types';
import { preflightAttachment, refuseUnfitAttachment } from './attachment-preflight';
import type { BuiltAttachment } from './authority-attachments';
import type { FilingOptions } from './options';
import type { RenderedAnnex } from './render-result';

/** How the list is drawn and pre-flighted against `maxBytes`: in the job's render worker (generate-job.ts), or in this thread. */
export type RenderExhibitList = (
  list: ExhibitListInput,
  options: Pick<RenderOptions, 'format' | 'language' | 'now'>,
  maxBytes: number,
) => Promise<RenderedAnnex>;

const renderListHere: RenderExhibitList = async (list, options, maxBytes) =>
  preflightAttachment(await renderExhibitList(list, options), options.format, maxBytes);

/**
 * The packet's list of exhibits (민사소송규칙 제105조), from the same frozen snapshots and in the
 * same order as the exhibit bundle (claimants in packet order, each one's files as uploaded), so
 * its numbers are the bundle's. Null when the packet has no exhibit bundle or no file in it.
 */
export async function buildExhibitListAttachment(
  db: Database,
  filing: { caseId: string; version: number },
  claimants: readonly ClaimantSnapshot[],
  options: Pick<FilingOptions, 'caseInfo' | 'format' | 'language' | 'documents' | 'maxPartBytes'>,
  now: Date,
  render: RenderExhibitList = renderListHere,
): Promise<BuiltAttachment | null> {
  if (!options.documents.exhibits) return null;
  const exhibits = claimants.flatMap((claimant) =>
    claimant.evidence.map((file) => ({
      claimantId: claimant.id,
      title: file.label,
      author: file.author ?? '',
      documentDate: file.documentDate ?? null,
      provesWhat: file.provesWhat ?? '',
    })),
  );
  if (exhibits.length === 0) return null;
  const [found] = await db.select({ slug: cases.slug }).from(cases).where(eq(cases.id, filing.caseId));
  const rendered = await render(
    { case: options.caseInfo, filingVersion: filing.version, exhibits },
    { format: options.format, language: options.language, now },
    options.maxPartBytes,
  );
  // Filed with the court like the annex: the same pre-flight and per-file limit.
  refuseUnfitAttachment('exhibitList', rendered, options.maxPartBytes);
  const { bytes, pageCount } = rendered;
  return {
    kind: 'exhibit_list',
    bytes,
    sha256: sha256Hex(bytes),
    mime: 'application/pdf',
    pageCount,
    fileName: `${found?.slug ?? filing.caseId}-v${filing.version}-exhibit-list.pdf`,
  };
}
