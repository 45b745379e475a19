import { createHash } from 'node:crypto';
import { AppError } from '@/lib/errors';

export type ReceivedFile = { bytes: Uint8Array; sha256: string; byteSize: number };

/**
 * Reads an upload body chunk by chunk, hashing as it goes, and stops the moment it passes
 * `maxBytes` — a 2 GB body costs no more than the limit. The declared Content-Length is checked
 * first so an honest client learns at once.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  declaredLength?: number | null,
): Promise<ReceivedFile> {
  const tooLarge = () => fileTooLarge(maxBytes);
  assertDeclaredSize(declaredLength, maxBytes);
  if (!body) throw new AppError('invalid_input', { messageKey: 'intake.evidence.errors.empty' });
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  let byteSize = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    byteSize += value.byteLength;
    if (byteSize > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    hash.update(value);
    chunks.push(value);
  }
  if (byteSize === 0) throw new AppError('invalid_input', { messageKey: 'intake.evidence.errors.empty' });
  return { bytes: new Uint8Array(Buffer.concat(chunks)), sha256: hash.digest('hex'), byteSize };
}

function fileTooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', {
    messageKey: `intake.evidence.errors.fileTooLarge|${JSON.stringify({ max: megabytes(maxBytes) })}`,
  });
}

/** A declared Content-Length over the limit is refused unread — before the session is even looked up. */
export function assertDeclaredSize(declaredLength: number | null | undefined, maxBytes: number): void {
  if (declaredLength && declaredLength > maxBytes) throw fileTooLarge(maxBytes);
}

export function megabytes(bytes: number): string {
  return String(Math.round((bytes / 1024 / 1024) * 10) / 10);
}
