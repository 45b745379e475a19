import { refuseUnfitAttachment } from './attachment-preflight';
import { type BuiltAttachment, pdfAttachmentParts } from './authority-attachments';
import type { RenderedAttachmentPart } from './render-result';

/**
 * The packet's list of exhibits (민사소송규칙 제105조) as the packet's render worker drew it
 * (render/render-packet.ts), from the same frozen snapshots and in the same order as the exhibit
 * bundle, so its numbers are the bundle's: one file, or numbered parts when it is over the
 * per-file limit. Filed with the court like the annex: every part must pass the same pre-flight
 * and per-file limit, or the build stops before anything is stored.
 */
export function exhibitListAttachments(
  parts: readonly RenderedAttachmentPart[],
  filing: { caseSlug: string; version: number },
  maxPartBytes: number,
): BuiltAttachment[] {
  if (parts.length === 0) return [];
  refuseUnfitAttachment('exhibitList', parts, maxPartBytes);
  return pdfAttachmentParts('exhibit_list', parts, `${filing.caseSlug}-v${filing.version}-exhibit-list.pdf`);
}
