import { AppError } from '@/lib/errors';

export const MAX_FORM_BODY_BYTES = 16 * 1024;

/**
 * Reads a small JSON or form-encoded body, refusing anything larger than `maxBytes` while
 * reading (a 10 MB body never gets buffered) and any other content type.
 */
export async function readFormBody(request: Request, maxBytes = MAX_FORM_BODY_BYTES): Promise<Record<string, unknown>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new AppError('payload_too_large');
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') throw new AppError('unsupported_media');
  const text = await readLimitedText(request, maxBytes);
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new AppError('invalid_input', { messageKey: 'petition.errors.badJson' });
}

async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError('payload_too_large');
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
