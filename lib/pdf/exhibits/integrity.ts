import { createHash } from 'node:crypto';
import { ExhibitIntegrityError } from '../errors';
import type { ExhibitFile } from '../types';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Loads a file and checks it still hashes to the SHA-256 recorded at upload. */
export async function loadVerified(file: ExhibitFile, label: string): Promise<Uint8Array> {
  const bytes = typeof file.data === 'function' ? await file.data() : file.data;
  const actual = sha256Hex(bytes);
  if (actual !== file.evidence.sha256.toLowerCase()) throw new ExhibitIntegrityError(label, file.evidence.id, file.evidence.sha256, actual);
  return bytes;
}

export type SourceKind = 'pdf' | 'jpeg' | 'png' | 'image' | 'unsupported';

/** What the bytes are, by magic number first and the declared MIME type second. */
export function sniffKind(bytes: Uint8Array, mime: string): SourceKind {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (mime === 'application/pdf') return 'pdf';
  if (/^image\/(webp|gif|tiff|heic|heif|avif|bmp)$/.test(mime)) return 'image';
  return 'unsupported';
}
