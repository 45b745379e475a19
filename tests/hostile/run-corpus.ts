import { DEMO_PASSWORD } from '@/db/seed/demo-case';
import enErrors from '@/lib/i18n/messages/en/errors.json';
import koErrors from '@/lib/i18n/messages/ko/errors.json';
import { enumerateSurfaces } from '@/tests/access/enumerate';
import { type Actor, PLACEHOLDERS, expandPlaceholders } from '@/tests/access/policies';
import { HttpSession, encodeActionArguments, loadActionIds } from '@/tests/support/http-session';
import { HOSTILE_BODIES, type HostileBody } from './bodies';
import { HOSTILE_FILES } from './files';
import { HOSTILE_TEXTS, UNESCAPED_XSS } from './strings';
import { type FormTarget, HOSTILE_TARGETS, type JsonTarget, type SignInTarget, isTargetPending } from './targets';

export type HostileVerdict = 'ok' | 'server-error' | 'no-message' | 'unescaped-script' | 'wrong-status' | 'connection-error';
export type HostileOutcome = { target: string; input: string; status: number; verdict: HostileVerdict; detail?: string };
export type HostileReport = { outcomes: HostileOutcome[]; pendingTargets: string[]; isServerHealthy: boolean; corpusSize: number };

const INTERNAL_MESSAGES = [enErrors.internal, koErrors.internal];
const ACCOUNTS: Partial<Record<Actor, string>> = { claimantA: 'claimant@joinder.test', lawyer: 'lawyer@joinder.test', organizer: 'organizer@joinder.test', admin: 'admin@joinder.test' };

/** Judges one answer: never a 5xx, a message with every refusal, never our script echoed into HTML. */
async function judge(target: string, input: string, response: Response, options: { mustBe413?: boolean } = {}): Promise<HostileOutcome> {
  const body = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const base = { target, input, status: response.status };
  if (response.status >= 500) return { ...base, verdict: 'server-error', detail: body.slice(0, 200) };
  if (options.mustBe413 && response.status !== 413) return { ...base, verdict: 'wrong-status', detail: `expected 413, got ${response.status}` };
  if (type.includes('text/html') && UNESCAPED_XSS.test(body)) return { ...base, verdict: 'unescaped-script' };
  // A bare 405 (unsupported method, from Next.js) or 414/431 (URL or headers too long, from Node) says it all.
  if (response.status >= 400 && ![405, 414, 431].includes(response.status) && body.trim() === '') return { ...base, verdict: 'no-message' };
  if (type.includes('application/json') && response.status >= 400 && !/"(message|url|error)"\s*:/.test(body)) return { ...base, verdict: 'no-message', detail: body.slice(0, 200) };
  if (type.includes('text/x-component')) {
    if (/^\d+:E\{/m.test(body)) return { ...base, verdict: 'server-error', detail: body.slice(0, 200) };
    const value = body.match(/^1:(\{.*\})$/m)?.[1];
    if (value && /"ok":false/.test(value) && !/"message":"[^"]+"/.test(value)) return { ...base, verdict: 'no-message', detail: value.slice(0, 200) };
    // Our catch-all "something unexpected went wrong" is a 500 in disguise.
    if (value && INTERNAL_MESSAGES.some((message) => value.includes(JSON.stringify(message)))) return { ...base, verdict: 'server-error', detail: value.slice(0, 200) };
  }
  return { ...base, verdict: 'ok' };
}

function connectionFailure(target: string, input: string, error: unknown, isOversized: boolean): HostileOutcome {
  const message = error instanceof Error ? `${error.message} ${String((error as { cause?: Error }).cause?.message ?? '')}` : String(error);
  // A server may stop reading an oversized body once it has answered 413 and closed the connection.
  const isRefusal = isOversized && /EPIPE|ECONNRESET|other side closed|socket|terminated/i.test(message);
  return { target, input, status: 0, verdict: isRefusal ? 'ok' : 'connection-error', detail: message.slice(0, 200) };
}

/** A concrete path for a route pattern: the demo case for [slug], the credentials callback for next-auth, a fixture id otherwise. */
function pathForPattern(pattern: string): string {
  return pattern
    .replace(/\[slug\]/g, PLACEHOLDERS.case)
    .replace(/\[\.\.\.nextauth\]/g, 'callback/credentials')
    .replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]/g, PLACEHOLDERS.claimantA);
}

function chunkedStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 256 * 1024));
      offset += 256 * 1024;
    },
  });
}

async function sendBody(session: HttpSession, method: string, path: string, body: HostileBody, bytes: Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
  return session.request(path, {
    method,
    headers: { ...(body.contentType ? { 'content-type': body.contentType } : {}), ...headers },
    body: body.isChunked ? chunkedStream(bytes) : (bytes as unknown as BodyInit),
    duplex: body.isChunked ? 'half' : undefined,
  });
}

async function runPool<T>(tasks: (() => Promise<T>)[], concurrency: number, onDone?: (count: number) => void): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
        onDone?.(++done);
      }
    }),
  );
  return results;
}

/** A task that throws (the client could not even send it) is an outcome, not the end of the run. */
function guarded(task: () => Promise<HostileOutcome>, target: string): () => Promise<HostileOutcome> {
  return async () => {
    try {
      return await task();
    } catch (error) {
      return { target, input: '?', status: 0, verdict: 'connection-error', detail: error instanceof Error ? error.message : String(error) };
    }
  };
}

/**
 * Sends the whole corpus to a running server (demo seed needed) and judges every answer. Returns
 * every outcome; the caller asserts that all are `ok` and that the server is still healthy.
 */
export async function runHostileCorpus(options: { baseUrl: string; concurrency?: number; log?: (message: string) => void }): Promise<HostileReport> {
  const log = options.log ?? (() => {});
  const actionIds = loadActionIds();
  const sessions = new Map<Actor | 'anonymous', HttpSession>();
  const sessionFor = async (actor: Actor = 'anonymous') => {
    let session = sessions.get(actor);
    if (!session) {
      session = new HttpSession(options.baseUrl, { 'accept-language': 'ko' });
      if (actor !== 'anonymous') await session.signIn(ACCOUNTS[actor] ?? '', DEMO_PASSWORD);
      sessions.set(actor, session);
    }
    return session;
  };
  const pendingTargets = HOSTILE_TARGETS.filter((target) => isTargetPending(target)).map((target) => target.name);
  const tasks: (() => Promise<HostileOutcome>)[] = [];
  let unique = 0;
  const nextUnique = () => `${process.pid}-${Date.now().toString(36)}-${++unique}`;

  for (const target of HOSTILE_TARGETS.filter((candidate) => !isTargetPending(candidate))) {
    if (target.kind === 'form') tasks.push(...formTasks(target, sessionFor, actionIds, nextUnique));
    if (target.kind === 'json') tasks.push(...jsonTasks(target, sessionFor, nextUnique));
    if (target.kind === 'signin') tasks.push(...signInTasks(target, options.baseUrl));
    if (target.kind === 'call') {
      const identity = actionIds.get(target.action);
      for (const [index, body] of target.rawBodies.entries()) {
        tasks.push(async () => {
          const session = await sessionFor();
          if (!identity) return { target: target.name, input: `args-${index}`, status: 0, verdict: 'connection-error' as const, detail: 'not in the build manifest' };
          return judge(target.name, `args-${index}`, await session.request(identity.pagePath, { method: 'POST', headers: { 'Next-Action': identity.id, Accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8' }, body }));
        });
      }
    }
    if (target.kind === 'query') {
      for (const text of HOSTILE_TEXTS) {
        tasks.push(async () => {
          const session = await sessionFor(target.signInAs);
          return judge(target.name, text.id, await session.request(target.url(text.value)));
        });
      }
    }
    if (target.kind === 'upload') {
      for (const file of HOSTILE_FILES) {
        tasks.push(async () => {
          const form = new FormData();
          for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
          form.append(target.fileField, new Blob([Buffer.from(await file.build())], { type: file.claimedType }), file.filename);
          const session = await sessionFor(target.signInAs);
          return judge(target.name, file.id, await session.request(expandPlaceholders(target.path), { method: 'POST', body: form }));
        });
      }
    }
  }

  // Every route handler on disk gets every hostile body and every hostile file, whatever it expects.
  const routes = enumerateSurfaces().filter((surface) => surface.kind === 'route');
  const endpoints = [
    ...routes.map((route) => ({ name: route.key, method: ['GET', 'HEAD', 'OPTIONS'].includes(route.method) ? 'POST' : route.method, path: pathForPattern(route.pattern), headers: {} })),
    { name: 'server action (sign-up)', method: 'POST', path: '/sign-up', headers: { 'Next-Action': actionIds.get('lib/users/actions.ts#signUpAction')?.id ?? '0' } },
    { name: 'page form post without JavaScript', method: 'POST', path: '/sign-up', headers: {} },
  ];
  const seenEndpoints = new Set<string>();
  for (const endpoint of endpoints) {
    const key = `${endpoint.method} ${endpoint.path} ${JSON.stringify(endpoint.headers)}`;
    if (seenEndpoints.has(key)) continue;
    seenEndpoints.add(key);
    for (const body of HOSTILE_BODIES) {
      tasks.push(async () => {
        const session = await sessionFor();
        try {
          const response = await sendBody(session, endpoint.method, endpoint.path, body, body.build(), endpoint.headers);
          // A declared length over the limit is refused unread; a chunked one by whoever reads it (or not at all).
          return await judge(endpoint.name, body.id, response, { mustBe413: body.isOversized && !body.isChunked });
        } catch (error) {
          return connectionFailure(endpoint.name, body.id, error, Boolean(body.isOversized));
        }
      });
    }
    for (const file of HOSTILE_FILES) {
      tasks.push(async () => {
        const form = new FormData();
        form.append('file', new Blob([Buffer.from(await file.build())], { type: file.claimedType }), file.filename);
        const session = await sessionFor();
        try {
          return await judge(endpoint.name, file.id, await session.request(endpoint.path, { method: endpoint.method, headers: endpoint.headers, body: form }));
        } catch (error) {
          return connectionFailure(endpoint.name, file.id, error, false);
        }
      });
    }
  }

  log(`${tasks.length} requests (${pendingTargets.length ? `pending targets: ${pendingTargets.join(', ')}` : 'no pending targets'})`);
  const outcomes = await runPool(tasks.map((task) => guarded(task, 'client')), options.concurrency ?? 6, (count) => {
    if (count % 500 === 0) log(`${count}/${tasks.length}`);
  });
  const health = await fetch(`${options.baseUrl}/api/health`).catch(() => null);
  return { outcomes, pendingTargets, isServerHealthy: health?.status === 200, corpusSize: HOSTILE_TEXTS.length + HOSTILE_BODIES.length + HOSTILE_FILES.length };
}

type SessionFor = (actor?: Actor) => Promise<HttpSession>;

/** next-auth's credentials callback, each field hostile in turn; a fresh session each time (own CSRF cookie). */
function signInTasks(target: SignInTarget, baseUrl: string): (() => Promise<HostileOutcome>)[] {
  return HOSTILE_TEXTS.flatMap((text) =>
    target.hostileFields.map((field) => async () => {
      const session = new HttpSession(baseUrl);
      const fields: Record<string, string> = { csrfToken: await session.csrfToken(), email: 'claimant@joinder.test', password: 'not the password', totp: '', json: 'true', [field]: text.value };
      const response = await session.request('/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
      return judge(`${target.name} [${field}]`, text.id, response);
    }),
  );
}

function formTasks(target: FormTarget, sessionFor: SessionFor, actionIds: ReturnType<typeof loadActionIds>, nextUnique: () => string): (() => Promise<HostileOutcome>)[] {
  const identity = actionIds.get(target.action);
  if (!identity) return [async () => ({ target: target.name, input: '(action)', status: 0, verdict: 'connection-error', detail: `${target.action} is not in the build manifest` })];
  return HOSTILE_TEXTS.flatMap((text) =>
    target.hostileFields.map((field) => async () => {
      const form = new FormData();
      for (const [name, value] of Object.entries({ ...target.fields(nextUnique()), [field]: text.value })) form.append(name, value);
      const session = await sessionFor(target.signInAs);
      const encoded = await encodeActionArguments(target.withPreviousState ? [null, form] : [form]);
      const response = await session.request(identity.pagePath, { method: 'POST', headers: { 'Next-Action': identity.id, Accept: 'text/x-component' }, body: encoded });
      return judge(`${target.name} [${field}]`, text.id, response);
    }),
  );
}

function jsonTasks(target: JsonTarget, sessionFor: SessionFor, nextUnique: () => string): (() => Promise<HostileOutcome>)[] {
  return HOSTILE_TEXTS.flatMap((text) =>
    target.hostileFields.flatMap((field) => {
      const send = (encoding: 'json' | 'form') => async () => {
        const fields = { ...target.body(nextUnique()), [field]: text.value };
        const session = await sessionFor(target.signInAs);
        const body = encoding === 'json' ? JSON.stringify(fields) : new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)])).toString();
        const contentType = encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
        return judge(`${target.name} [${field}, ${encoding}]`, text.id, await session.request(expandPlaceholders(target.path), { method: target.method, headers: { 'content-type': contentType }, body }));
      };
      return target.alsoFormEncoded ? [send('json'), send('form')] : [send('json')];
    }),
  );
}

export function summarizeHostileReport(report: HostileReport): { requests: number; byVerdict: Record<string, number>; failures: HostileOutcome[] } {
  const byVerdict: Record<string, number> = {};
  for (const outcome of report.outcomes) byVerdict[outcome.verdict] = (byVerdict[outcome.verdict] ?? 0) + 1;
  return { requests: report.outcomes.length, byVerdict, failures: report.outcomes.filter((outcome) => outcome.verdict !== 'ok') };
}
