/**
 * What changed between two signed statement versions: the answers key by key, and the signed
 * text word by word (a longest-common-subsequence diff; statements are a few hundred words, so
 * the quadratic table is small — and capped so a pathological text cannot stall a page).
 */
export type TextPart = { kind: 'same' | 'added' | 'removed'; text: string };
export type AnswerChange = { key: string; before: string | null; after: string | null };

const MAX_TOKENS = 2_000;

export function diffWords(before: string, after: string): TextPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    return [
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ];
  }
  // lengths[i][j] = LCS length of a[i..] and b[j..]
  const lengths: Uint16Array[] = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const parts: TextPart[] = [];
  const push = (kind: TextPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      push('removed', a[i++]);
    } else {
      push('added', b[j++]);
    }
  }
  while (i < a.length) push('removed', a[i++]);
  while (j < b.length) push('added', b[j++]);
  return parts;
}

/** Words with the whitespace that follows them, so spaces never count as shared text and the parts reassemble exactly. */
function tokenize(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}

export function diffAnswers(before: unknown, after: unknown): AnswerChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((key) => a[key] !== b[key]).map((key) => ({ key, before: a[key] ?? null, after: b[key] ?? null }));
}

/** Nested answers as dotted keys with printable values. */
function flatten(value: unknown, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  if (value === null || value === undefined) return into;
  if (typeof value !== 'object') {
    into[prefix || 'value'] = String(value);
    return into;
  }
  if (Array.isArray(value)) {
    into[prefix || 'value'] = value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
    return into;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  return into;
}
