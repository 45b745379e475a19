import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases } from '@/db/schema';
import type { ExhibitListInput } from '@/lib/pdf/exhibit-list';
import type { ClaimantSnapshot, RenderOptions } from '@/lib/pdf/types';
import { refuseUnfitAttachment } from './attachment-preflight';
import { type BuiltAttachment, pdfAttachmentParts } from './authority-attachments';
import type { FilingOptions } from './options';
import { drawExhibitList } from './render/attachment-pdfs';
import type { RenderedAttachmentPart } from './render-result';

/** How the list is drawn, split under `maxBytes` when it does not fit, and pre-flighted: in the job's render worker (generate-job.ts), or in this thread. */
export type RenderExhibitList = (
  list: ExhibitListInput,
  options: Pick<RenderOptions, 'format' | 'language' | 'now'>,
  maxBytes: number,
) => Promise<RenderedAttachmentPart[]>;

/**
 * The packet's list of exhibits (민사소송규칙 제105조), from the same frozen snapshots and in the
 * same order as the exhibit bundle (claimants in packet order, each one's files as uploaded), so
 * its numbers are the bundle's: one file, or numbered parts when it is over the per-file limit.
 * Empty when the packet has no exhibit bundle or no file in it.
 */
export async function buildExhibitListAttachment(
  db: Database,
  filing: { caseId: string; version: number },
  claimants: readonly ClaimantSnapshot[],
  options: Pick<FilingOptions, 'caseInfo' | 'format' | 'language' | 'documents' | 'maxPartBytes'>,
  now: Date,
  render: RenderExhibitList = drawExhibitList,
): Promise<BuiltAttachment[]> {
  if (!options.documents.exhibits) return [];
  const exhibits = claimants.flatMap((claimant) =>
    claimant.evidence.map((file) => ({
      claimantId: claimant.id,
      title: file.label,
      author: file.author ?? '',
      documentDate: file.documentDate ?? null,
      provesWhat: file.provesWhat ?? '',
    })),
  );
  if (exhibits.length === 0) return [];
  const [found] = await db.select({ slug: cases.slug }).from(cases).where(eq(cases.id, filing.caseId));
  const rendered = await render(
    { case: options.caseInfo, filingVersion: filing.version, exhibits },
    { format: options.format, language: options.language, now },
    options.maxPartBytes,
  );
  // Filed with the court like the annex: the same pre-flight and per-file limit for every part.
  refuseUnfitAttachment('exhibitList', rendered, options.maxPartBytes);
  return pdfAttachmentParts('exhibit_list', rendered, `${found?.slug ?? filing.caseId}-v${filing.version}-exhibit-list.pdf`);
}
