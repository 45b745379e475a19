import { STRINGS } from '@/lib/pdf';
import { type AuthorityAnnexInput, renderAuthorityAnnex } from '@/lib/pdf/authority-annex';
import { caseDocumentMeta } from '@/lib/pdf/document-meta';
import { type ExhibitListInput, renderExhibitList } from '@/lib/pdf/exhibit-list';
import type { RenderOptions } from '@/lib/pdf/types';
import { fitAttachment } from '../attachment-preflight';
import type { RenderedAttachmentPart } from '../render-result';

type AttachmentRenderOptions = Pick<RenderOptions, 'format' | 'language' | 'now'>;

/**
 * The proof of authority annex drawn and fitted to the per-file limit: one file, or numbered
 * parts when it does not fit. No database here: it runs in a render worker (render-packet.ts)
 * or, in tests, on the caller's thread.
 */
export async function drawAuthorityAnnex(
  annex: AuthorityAnnexInput,
  options: AttachmentRenderOptions,
  maxBytes: number,
): Promise<RenderedAttachmentPart[]> {
  const title = STRINGS[options.language].authority.title;
  const bytes = await renderAuthorityAnnex(annex, options);
  return fitAttachment({ bytes, title, metadata: caseDocumentMeta(title, annex.case, options) }, options.format, maxBytes);
}

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
