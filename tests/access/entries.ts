import type { Expectation, Probe } from './policies';

/** One line of the access matrix: a surface (as tests/access/enumerate names it) and how to probe it. */
export type MatrixEntry =
  | { kind: 'page'; key: string; probes: Probe[] }
  | { kind: 'route'; key: string; method: string; probes: Probe[] }
  | { kind: 'action'; key: string; expect: Expectation; args: (context: ActionContext) => unknown[] };

export type ActionContext = { uniqueEmail: () => string };

/** A URL for a pattern whose only dynamic segment is the case slug; anything else needs explicit probes. */
function defaultUrl(pattern: string): string {
  const url = pattern.replace(/\[slug\]/g, '{case}');
  if (/\[/.test(url)) throw new Error(`${pattern} has dynamic segments besides [slug]: give its probes (recordProbes, caseRecordProbes or probe())`);
  return url;
}

export function probe(url: string, expect: Expectation, options: Omit<Probe, 'url' | 'expect'> = {}): Probe {
  return { url, expect, ...options };
}

export function page(pattern: string, access: Expectation | Probe[]): MatrixEntry {
  return { kind: 'page', key: pattern, probes: Array.isArray(access) ? access : [probe(defaultUrl(pattern), access)] };
}

/** `route('POST /api/cases/[slug]/support', PUBLIC, { body: json({...}) })`. */
export function route(key: `${string} /${string}`, access: Expectation | Probe[], options: Omit<Probe, 'url' | 'expect'> = {}): MatrixEntry {
  const [method, pattern] = key.split(' ');
  return { kind: 'route', key, method, probes: Array.isArray(access) ? access : [probe(defaultUrl(pattern), access, options)] };
}

/** `action('lib/users/actions.ts#signUpAction', PUBLIC, (context) => [null, form({...})])`: the arguments a client would send. */
export function action(key: `${string}.ts#${string}`, expect: Expectation, args: (context: ActionContext) => unknown[] = () => []): MatrixEntry {
  return { kind: 'action', key, expect, args };
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

export function json(value: unknown): Probe['body'] {
  return { contentType: 'application/json', text: JSON.stringify(value) };
}

export function urlEncoded(fields: Record<string, string>): Probe['body'] {
  return { contentType: 'application/x-www-form-urlencoded', text: new URLSearchParams(fields).toString() };
}
