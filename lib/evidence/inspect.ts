import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '@/lib/errors';
import { inspectPdf } from './pdf-inspect';
import { type ImageMime, reencodeImage } from './sanitize-image';

export const ALLOWED_EVIDENCE_MIMES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type EvidenceMime = (typeof ALLOWED_EVIDENCE_MIMES)[number];

/** `removed`: what a rebuilt PDF no longer carries (attachments, actions); kept for the audit row. */
export type InspectedUpload = { mime: EvidenceMime; bytes: Uint8Array; pageCount: number | null; removed?: string[] };

const PDF_REFUSALS = {
  encrypted: 'intake.evidence.errors.pdfEncrypted',
  script: 'intake.evidence.errors.pdfScript',
  unreadable: 'intake.evidence.errors.pdfUnreadable',
  too_many_pages: 'intake.evidence.errors.pdfTooManyPages',
  too_complex: 'intake.evidence.errors.pdfTooComplex',
  timeout: 'intake.evidence.errors.pdfTooComplex',
  active_content: 'intake.evidence.errors.pdfActiveContent',
} as const;

/**
 * Decides what an upload is from its bytes (magic numbers), never from its name or the type the
 * browser claims, and makes it safe to keep and hand to a lawyer: PDFs are checked in a
 * sandboxed worker (and rebuilt without attachments and actions), images are re-encoded without
 * their metadata.
 */
export async function inspectUpload(bytes: Uint8Array): Promise<InspectedUpload> {
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime as string | undefined;
  if (!mime || !(ALLOWED_EVIDENCE_MIMES as readonly string[]).includes(mime)) {
    throw new AppError('unsupported_media', { messageKey: 'intake.evidence.errors.wrongType' });
  }
  if (mime === 'application/pdf') {
    const inspection = await inspectPdf(bytes);
    if (!inspection.ok) throw new AppError('invalid_input', { messageKey: PDF_REFUSALS[inspection.reason] });
    // A rebuilt PDF is what is kept and hashed, as a re-encoded photo is.
    return inspection.rebuilt
      ? { mime, bytes: inspection.rebuilt, pageCount: inspection.pageCount, removed: inspection.removed }
      : { mime, bytes, pageCount: inspection.pageCount };
  }
  try {
    return { mime: mime as ImageMime, bytes: await reencodeImage(bytes, mime as ImageMime), pageCount: null };
  } catch (error) {
    const message = (error as Error).message ?? '';
    const isTooLarge = /pixel limit/i.test(message);
    throw new AppError('invalid_input', {
      messageKey: isTooLarge ? 'intake.evidence.errors.imageTooLarge' : 'intake.evidence.errors.imageUnreadable',
    });
  }
}
