import { STRINGS } from '@/lib/pdf';
import { caseDocumentMeta } from '@/lib/pdf/document-meta';
import { type ExhibitListInput, renderExhibitList } from '@/lib/pdf/exhibit-list';
import type { ClaimantSnapshot, RenderOptions } from '@/lib/pdf/types';
import { fitAttachment } from '../attachment-preflight';
import type { RenderedAttachmentPart } from '../render-result';

type AttachmentRenderOptions = Pick<RenderOptions, 'format' | 'language' | 'now'>;

/** The exhibit list drawn and fitted to the per-file limit, like the annex. */
export async function drawExhibitList(
  list: ExhibitListInput,
  options: AttachmentRenderOptions,
  maxBytes: number,
): Promise<RenderedAttachmentPart[]> {
  const title = STRINGS[options.language].exhibitList.title;
  const bytes = await renderExhibitList(list, options);
  return fitAttachment({ bytes, title, metadata: caseDocumentMeta(title, list.case, options) }, options.format, maxBytes);
}

/** The exhibit list's entries: claimants in packet order, each one's files as uploaded — the bundle's order. */
export function exhibitListEntries(claimants: readonly ClaimantSnapshot[]): ExhibitListInput['exhibits'] {
  return claimants.flatMap((claimant) =>
    claimant.evidence.map((file) => ({
      claimantId: claimant.id,
      title: file.label,
      author: file.author ?? '',
      documentDate: file.documentDate ?? null,
      provesWhat: file.provesWhat ?? '',
    })),
  );
}
