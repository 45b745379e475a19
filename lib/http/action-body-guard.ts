/**
 * A POST to a page is a server action call: React's reply format (JSON whose `$`-strings refer to
 * other parts of a multipart body) or a plain form post. Next.js answers a body it cannot decode
 * with a 500, and the decoder has been the door for remote code execution before (CVE-2025-55182).
 * proxy.ts checks the body against the small grammar our forms actually produce and refuses the
 * rest with a 400 before any decoder sees it.
 */
export type PagePostProblem = 'unsupported_media' | 'malformed';

const MAX_DEPTH = 32;
/** Scalars React encodes inline: undefined, NaN, ±Infinity, -0, dates, big integers, an escaped `$`. */
const SCALAR = /^\$(undefined|NaN|Infinity|-Infinity|-0|D.*|n-?\d{1,400}|\$[\s\S]*)$/;
/** References to another part: FormData (`$K`), promise/model (`$@`), Map (`$Q`), Set (`$W`), Blob (`$B`). */
const REFERENCE = /^\$(K|@|Q|W|B)([0-9a-f]{1,8})$/;

type Parts = { has: (name: string) => boolean; get: (name: string) => string | null };

/** Whether JSON text is a value our clients could have sent: parses, not too deep, no unknown or dangling `$`-references. */
function isWellFormedReply(text: string, parts: Parts, seen: Set<string>, depth = 0, isArgumentList = false): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  // The root of an action call is its argument list.
  if (isArgumentList && !Array.isArray(value)) return false;
  const visit = (node: unknown, level: number): boolean => {
    if (level > MAX_DEPTH) return false;
    if (typeof node === 'string') {
      if (!node.startsWith('$') || SCALAR.test(node)) return true;
      const reference = node.match(REFERENCE);
      if (!reference) return false;
      const [, kind, id] = reference;
      if (kind === 'K') return true; // a FormData argument; an empty one has no parts at all
      const partName = String(parseInt(id, 16));
      if (seen.has(partName)) return true;
      const part = parts.get(partName);
      if (part === null) return false;
      seen.add(partName);
      return kind === 'B' || isWellFormedReply(part, parts, seen, level + 1);
    }
    if (Array.isArray(node)) return node.every((item) => visit(item, level + 1));
    if (node && typeof node === 'object') return Object.values(node).every((item) => visit(item, level + 1));
    return true;
  };
  return visit(value, depth);
}

async function readForm(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return null;
  }
}

/** Parts are fields named by number; a form posted without JavaScript prefixes them (`$ACTION_2:1`). */
function partsOf(form: FormData, prefix = ''): Parts {
  return {
    has: (name) => form.has(`${prefix}${name}`),
    get: (name) => {
      const value = form.get(`${prefix}${name}`);
      return typeof value === 'string' ? value : value === null ? null : '""';
    },
  };
}

export async function findPagePostProblem(input: {
  contentType: string | null;
  isActionCall: boolean;
  bytes: Uint8Array<ArrayBuffer>;
}): Promise<PagePostProblem | null> {
  const type = (input.contentType ?? '').toLowerCase();
  const isMultipart = type.startsWith('multipart/form-data');
  const isUrlEncoded = type.startsWith('application/x-www-form-urlencoded');
  const isText = type.startsWith('text/plain');
  if (input.isActionCall) {
    if (isText)
      return isWellFormedReply(new TextDecoder().decode(input.bytes), { has: () => false, get: () => null }, new Set(), 0, true)
        ? null
        : 'malformed';
    if (!isMultipart) return 'unsupported_media';
    const form = await readForm(input.bytes, input.contentType ?? '');
    const root = form?.get('0');
    if (!form || typeof root !== 'string') return 'malformed';
    return isWellFormedReply(root, partsOf(form), new Set(['0']), 0, true) ? null : 'malformed';
  }
  // A form posted without JavaScript: only the progressive-enhancement fields may carry JSON.
  if (isUrlEncoded) return null;
  if (!isMultipart) return 'unsupported_media';
  const form = await readForm(input.bytes, input.contentType ?? '');
  if (!form) return 'malformed';
  for (const [name, value] of form.entries()) {
    const field = name.match(/^(\$ACTION_\d+:)(\d+)$/);
    if (field && (typeof value !== 'string' || !isWellFormedReply(value, partsOf(form, field[1]), new Set([field[2]])))) return 'malformed';
  }
  return null;
}
