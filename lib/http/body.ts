import { AppError } from '@/lib/errors';

/** JSON and form posts are small; anything bigger is a mistake or an attack. */
export const SMALL_BODY_MAX_BYTES = 1024 * 1024;
/** Multipart carries one evidence file plus a little form data around it. */
const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

export function multipartBodyMaxBytes(): number {
  const perFile = Number(process.env.EVIDENCE_MAX_FILE_BYTES) || 20 * 1024 * 1024;
  return perFile + MULTIPART_OVERHEAD_BYTES;
}

/**
 * The most a request may carry. Only route handlers under /api take files (multipart); a post to
 * a page is a server action, which Next.js caps at 1 MB — and answers a bigger one with a 500.
 */
export function bodyLimitFor(contentType: string | null, pathname = '/api/'): number {
  const isApi = pathname.startsWith('/api/');
  return isApi && (contentType ?? '').toLowerCase().startsWith('multipart/form-data') ? multipartBodyMaxBytes() : SMALL_BODY_MAX_BYTES;
}

/**
 * Refuses a body by its declared length alone (proxy.ts does this for every request), so a
 * 10 MB JSON never reaches a parser. Chunked bodies without a length are capped while reading.
 */
export function isDeclaredBodyTooLarge(headers: Headers, pathname = '/api/'): boolean {
  const declared = Number(headers.get('content-length') ?? 0);
  return Number.isFinite(declared) && declared > bodyLimitFor(headers.get('content-type'), pathname);
}

/** Reads at most `maxBytes` of the body, refusing with 413 as soon as it grows past that. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw new AppError('payload_too_large');
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError('payload_too_large');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A JSON body of bounded size; anything that does not parse is a 422 with a clear message. */
export async function readJsonBody(request: Request, options: { maxBytes?: number } = {}): Promise<unknown> {
  const bytes = await readBodyBytes(request, options.maxBytes ?? SMALL_BODY_MAX_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw malformedBody();
  }
  try {
    return JSON.parse(text);
  } catch {
    throw malformedBody();
  }
}

/**
 * JSON or a classic form post (partner sites embed forms): both become a plain object of fields.
 * Repeated form fields keep their last value.
 */
export async function readJsonOrFormBody(request: Request, options: { maxBytes?: number } = {}): Promise<Record<string, unknown>> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const form = await readFormBody(request, options);
    const fields: Record<string, unknown> = {};
    for (const [key, value] of form.entries()) if (typeof value === 'string') fields[key] = value;
    return fields;
  }
  const parsed = await readJsonBody(request, options);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw malformedBody();
  return parsed as Record<string, unknown>;
}

/** Form data (urlencoded or multipart) of bounded size; broken multipart is a 422, never a 500. */
export async function readFormBody(request: Request, options: { maxBytes?: number } = {}): Promise<FormData> {
  const maxBytes = options.maxBytes ?? bodyLimitFor(request.headers.get('content-type'));
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return await new Response(bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw malformedBody();
  }
}

function malformedBody(): AppError {
  return new AppError('invalid_input', { messageKey: 'security.body.malformed' });
}

/**
 * Errors that `request.json()` / `request.formData()` throw inside a route handler that did not use
 * the readers above: they describe the client's body, so they are the client's 422, not our 500.
 */
export function bodyParseErrorToAppError(error: unknown): AppError | null {
  if (error instanceof SyntaxError) return malformedBody();
  if (error instanceof TypeError && /FormData|multipart|boundary|body/i.test(error.message)) return malformedBody();
  return null;
}
