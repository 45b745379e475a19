import { preflightPdf } from '@/lib/pdf';
import type { DocumentFormat } from '@/lib/pdf/types';
import { MEGABYTE } from './options';
import { FilingFailure, type RenderedAnnex } from './render-result';

/** The PDF attachments stored beside a packet's parts, as the failure messages name them. */
export type PdfAttachmentDocument = 'authority' | 'exhibitList';

/**
 * Pre-flights a PDF attachment as the packet's parts are (render/render-packet.ts), against the
 * same per-file limit; called where it was drawn (a render worker), since a few thousand pages
 * of content scan must not hold up the job's thread. The page count comes with it.
 */
export async function preflightAttachment(bytes: Uint8Array, format: DocumentFormat, maxBytes: number): Promise<RenderedAnnex> {
  const preflight = await preflightPdf(bytes, format, { maxBytes });
  return { bytes, pageCount: preflight.pageCount, preflight };
}

/**
 * A packet's parts are split to fit the court's per-file limit; an attachment is one file (one
 * filing_attachments row per kind), so one that does not fit, or fails another pre-flight check
 * (text that can be extracted, fonts embedded …), stops the build with a message the lawyer can
 * act on, before anything is stored.
 */
export function refuseUnfitAttachment(document: PdfAttachmentDocument, rendered: RenderedAnnex, maxBytes: number): void {
  if (rendered.preflight.ok) return;
  const failed = rendered.preflight.checks.filter((check) => !check.ok && check.severity === 'error');
  const detail = `${document} attachment failed pre-flight: ${failed.map((check) => `${check.id} (${check.detail})`).join('; ')}`;
  if (failed.some((check) => check.id === 'file-size'))
    throw new FilingFailure({
      code: 'attachment_too_large',
      messageKey: 'filings.errors.attachmentTooLarge',
      params: {
        document,
        size: Math.ceil((rendered.bytes.byteLength / MEGABYTE) * 10) / 10,
        limit: Math.round(maxBytes / MEGABYTE),
      },
      detail,
    });
  throw new FilingFailure({
    code: 'attachment_preflight',
    messageKey: 'filings.errors.attachmentPreflight',
    params: { document, checks: failed.map((check) => check.id).join(', ') },
    detail,
  });
}
