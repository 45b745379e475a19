import type { Expectation, Probe } from './policies';

/** One line of the access matrix: a surface (as tests/access/enumerate names it) and how to probe it. */
export type MatrixEntry =
  | { kind: 'page'; key: string; probes: Probe[] }
  | { kind: 'route'; key: string; method: string; probes: Probe[] }
  | { kind: 'action'; key: string; calls: ActionProbe[] };

export type ActionContext = { uniqueEmail: () => string; unique: () => string };

/**
 * One way of calling a server action, as all seven actors. `args` are what a client sends (bound
 * arguments first, as `.bind(null, slug)` sends them); `page` is where it is posted (placeholders
 * allowed; by default the page the build serves it on).
 */
export type ActionProbe = { label: string; expect: Expectation; args: (context: ActionContext) => unknown[]; page?: string };

/** A URL for a pattern whose only dynamic segment is the case slug; anything else needs explicit probes. */
function defaultUrl(pattern: string): string {
  const url = pattern.replace(/\[slug\]/g, '{case}');
  if (/\[/.test(url))
    throw new Error(`${pattern} has dynamic segments besides [slug]: give its probes (recordProbes, caseRecordProbes or probe())`);
  return url;
}

export function probe(url: string, expect: Expectation, options: Omit<Probe, 'url' | 'expect'> = {}): Probe {
  return { url, expect, ...options };
}

export function page(pattern: string, access: Expectation | Probe[]): MatrixEntry {
  return { kind: 'page', key: pattern, probes: Array.isArray(access) ? access : [probe(defaultUrl(pattern), access)] };
}

/** `route('POST /api/cases/[slug]/support', PUBLIC, { body: json({...}) })`. */
export function route(
  key: `${string} /${string}`,
  access: Expectation | Probe[],
  options: Omit<Probe, 'url' | 'expect'> = {},
): MatrixEntry {
  const [method, pattern] = key.split(' ');
  return { kind: 'route', key, method, probes: Array.isArray(access) ? access : [probe(defaultUrl(pattern), access, options)] };
}

/** `action('lib/users/actions.ts#signUpAction', PUBLIC, (context) => [null, form({...})])`: the arguments a client would send. */
export function action(
  key: `${string}.ts#${string}`,
  expect: Expectation,
  args: (context: ActionContext) => unknown[] = () => [],
  options: { page?: string } = {},
): MatrixEntry {
  return { kind: 'action', key, calls: [{ label: 'call', expect, args, ...options }] };
}

/**
 * An action called several ways: the record it is meant for, and the same call aimed at another
 * person's or another case's record by id (which must find nothing: 404 for everyone).
 */
export function actionProbes(key: `${string}.ts#${string}`, calls: ActionProbe[]): MatrixEntry {
  return { kind: 'action', key, calls };
}

export function call(
  label: string,
  expect: Expectation,
  args: (context: ActionContext) => unknown[],
  options: { page?: string } = {},
): ActionProbe {
  return { label, expect, args, ...options };
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
