import { PageTooLargeError, assemblePacket, preflightPdf } from '@/lib/pdf';
import type { DocumentMeta } from '@/lib/pdf/layout/pdf-builder';
import type { DocumentFormat } from '@/lib/pdf/types';
import { sha256Hex } from '@/lib/crypto/hash';
import { MEGABYTE } from './options';
import { FilingFailure, type RenderedAttachmentPart } from './render-result';

/** The PDF attachments stored beside a packet's parts, as the failure messages name them. */
export type PdfAttachmentDocument = 'authority' | 'exhibitList';

/** A drawn PDF attachment before it is fitted: its bytes, its bookmark title, its metadata. */
export type DrawnAttachment = { bytes: Uint8Array; title: string; metadata: DocumentMeta };

/**
 * Pre-flights a PDF attachment as the packet's parts are (render/render-packet.ts), against the
 * same per-file limit; called where it was drawn (a render worker), since a few thousand pages
 * of content scan must not hold up the job's thread. The page count comes with it.
 */
export async function preflightAttachment(bytes: Uint8Array, format: DocumentFormat, maxBytes: number): Promise<RenderedAttachmentPart> {
  const preflight = await preflightPdf(bytes, format, { maxBytes });
  return { bytes, sha256: sha256Hex(bytes), pageCount: preflight.pageCount, preflight };
}

/**
 * Fits a drawn attachment to the court's per-file limit: as it is when it fits (the bytes a
 * one-file build always stored), else split by pages into numbered parts by the packet's own
 * splitter (assemblePacket: "part N of M" in each file's title, pages as drawn, so page numbers
 * run on across parts), each pre-flighted. When it cannot be split under the limit (one page
 * alone is larger), the whole file comes back unsplit, so its failed size check refuses the
 * build (refuseUnfitAttachment) before anything is stored.
 */
export async function fitAttachment(drawn: DrawnAttachment, format: DocumentFormat, maxBytes: number): Promise<RenderedAttachmentPart[]> {
  if (drawn.bytes.byteLength <= maxBytes) return [await preflightAttachment(drawn.bytes, format, maxBytes)];
  let split: Uint8Array[];
  try {
    const result = await assemblePacket({
      documents: [{ title: drawn.title, bytes: drawn.bytes }],
      metadata: drawn.metadata,
      maxPartBytes: maxBytes,
    });
    split = result.parts.map((part) => part.bytes);
  } catch (error) {
    if (error instanceof PageTooLargeError || (error instanceof Error && /could not split/.test(error.message)))
      return [await preflightAttachment(drawn.bytes, format, maxBytes)];
    throw error;
  }
  const parts: RenderedAttachmentPart[] = [];
  for (const bytes of split) parts.push(await preflightAttachment(bytes, format, maxBytes));
  return parts;
}

/**
 * Every part of an attachment goes to the court like the packet's parts, so one that does not
 * fit (it could not be split under the limit), or fails another pre-flight check (text that can
 * be extracted, fonts embedded …), stops the build with a message the lawyer can act on, before
 * anything is stored.
 */
export function refuseUnfitAttachment(document: PdfAttachmentDocument, parts: readonly RenderedAttachmentPart[], maxBytes: number): void {
  for (const [index, rendered] of parts.entries()) {
    if (rendered.preflight.ok) continue;
    const failed = rendered.preflight.checks.filter((check) => !check.ok && check.severity === 'error');
    const detail = `${document} attachment (part ${index + 1} of ${parts.length}) failed pre-flight: ${failed.map((check) => `${check.id} (${check.detail})`).join('; ')}`;
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
}

/** A part's file name: today's name when the attachment is one file, `<name>-<part>.<ext>` when it was split. */
export function attachmentPartFileName(fileName: string, part: number, parts: number): string {
  if (parts <= 1) return fileName;
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)}-${part}${fileName.slice(dot)}` : `${fileName}-${part}`;
}
