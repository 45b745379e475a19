import { ACCESS_FIXTURE_EMAILS } from '@/db/seed/access-fixture-ids';
import { DEMO_PASSWORD } from '@/db/seed/demo-case';
import enErrors from '@/lib/i18n/messages/en/errors.json';
import koErrors from '@/lib/i18n/messages/ko/errors.json';
import { enumerateSurfaces } from '@/tests/access/enumerate';
import { type Actor, PLACEHOLDERS, expandPlaceholders } from '@/tests/access/policies';
import { HttpSession, loadActionIds } from '@/tests/support/http-session';
import { HOSTILE_BODIES } from './bodies';
import {
  type HostileOutcome,
  type Judge,
  type Task,
  bytesOf,
  callTasks,
  formTasks,
  jsonTasks,
  queryTasks,
  sendBody,
  signInTasks,
  uploadTasks,
} from './corpus-tasks';
import { HOSTILE_FILES } from './files';
import { HOSTILE_REQUESTS, sendRawRequest } from './requests';
import { HOSTILE_TEXTS, UNESCAPED_XSS } from './strings';
import { HOSTILE_TARGETS, STORED_VIEWS, isTargetPending } from './targets';

export type { HostileOutcome, HostileVerdict } from './corpus-tasks';
export type HostileReport = {
  outcomes: HostileOutcome[];
  pendingTargets: string[];
  isServerHealthy: boolean;
  corpusSize: number;
  seconds: number;
};

/**
 * What the server under the corpus runs with: the access fixtures (records with fixed ids for the
 * targets to name) and room for every hostile file in one claimant's quota, so each one reaches
 * the inspection instead of a "too many files" refusal.
 */
export const HOSTILE_SERVER_ENV = {
  JOINDER_SEED_FIXTURES: 'access-matrix',
  EVIDENCE_MAX_FILES: '100000',
  EVIDENCE_MAX_TOTAL_BYTES: String(16 * 1024 ** 3),
};

const INTERNAL_MESSAGES = [enErrors.internal, koErrors.internal];
/** What a route handler reads at most: 1 MB, except the evidence upload (a file, 20 MB by default). */
const BODY_LIMIT = 1024 * 1024;
const UPLOAD_LIMIT = 20 * 1024 * 1024;
/** Files sent to route handlers that take no file: the biggest, the bombs, a polyglot, an empty one. */
const SWEEP_FILE_IDS = [
  'pdf-100000-pages',
  'pdf-flate-bomb',
  'image-png-bomb-400-megapixels',
  'polyglot-pdf-html',
  'empty-file',
  'filename-traversal',
];

/** Judges one answer: never a 5xx, a message with every refusal, never our script echoed into HTML. */
const judge: Judge = async (target, input, response, options = {}) => {
  const body = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const base = { target, input, status: response.status };
  if (response.status >= 500) return { ...base, verdict: 'server-error', detail: body.slice(0, 200) };
  if (options.mustBe413 && response.status !== 413)
    return { ...base, verdict: 'wrong-status', detail: `expected 413, got ${response.status}` };
  if (options.mustSucceed && response.status >= 400)
    return { ...base, verdict: 'wrong-status', detail: `expected the page, got ${response.status}: ${body.slice(0, 200)}` };
  if (type.includes('text/html') && UNESCAPED_XSS.test(body)) return { ...base, verdict: 'unescaped-script' };
  // A bare 405 (unsupported method, from Next.js) or 414/431 (URL or headers too long, from Node) says it all.
  if (response.status >= 400 && ![405, 414, 431].includes(response.status) && body.trim() === '') return { ...base, verdict: 'no-message' };
  if (type.includes('application/json') && response.status >= 400 && !/"(message|url|error)"\s*:/.test(body))
    return { ...base, verdict: 'no-message', detail: body.slice(0, 200) };
  if (type.includes('text/x-component')) {
    if (/^\d+:E\{/m.test(body)) return { ...base, verdict: 'server-error', detail: body.slice(0, 200) };
    const value = body.match(/^1:(\{.*\})$/m)?.[1];
    if (value && /"ok":false/.test(value) && !/"message":"[^"]+"/.test(value))
      return { ...base, verdict: 'no-message', detail: value.slice(0, 200) };
    // Our catch-all "something unexpected went wrong" is a 500 in disguise.
    if (value && INTERNAL_MESSAGES.some((message) => value.includes(JSON.stringify(message))))
      return { ...base, verdict: 'server-error', detail: value.slice(0, 200) };
  }
  return { ...base, verdict: 'ok' };
};

function connectionFailure(target: string, input: string, error: unknown, isOversized: boolean): HostileOutcome {
  const message = error instanceof Error ? `${error.message} ${String((error as { cause?: Error }).cause?.message ?? '')}` : String(error);
  // A server may stop reading an oversized body once it has answered 413 and closed the connection.
  const isRefusal = isOversized && /EPIPE|ECONNRESET|other side closed|socket|terminated/i.test(message);
  return { target, input, status: 0, verdict: isRefusal ? 'ok' : 'connection-error', detail: message.slice(0, 200) };
}

/** A concrete path for a route pattern: the demo case for [slug], the credentials callback for next-auth, a fixture id otherwise. */
function pathForPattern(pattern: string): string {
  return (
    pattern
      .replace(/\[slug\]/g, PLACEHOLDERS.case)
      .replace(/\[\.\.\.nextauth\]/g, 'callback/credentials')
      // An optional catch-all ([[...id]]) answers at its bare path too (a resumable upload's creation).
      .replace(/\/\[\[\.\.\.[^\]]+\]\]/g, '')
      .replace(/\[version\]|\[part\]/g, '1')
      .replace(/\[code\]/g, PLACEHOLDERS.campaignDemo)
      .replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]/g, PLACEHOLDERS.claimantA)
  );
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

/**
 * A task that throws (the client could not even send it) is an outcome, not the end of the run;
 * each is timed. A socket the server had just closed as idle (keep-alive race) is sent once more:
 * that is the client's transport, not the server's answer — a server that really went away fails
 * the retry too, and the health check after the run.
 */
function guarded(task: Task, target: string): Task {
  return async () => {
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return { ...(await task()), ms: performance.now() - started };
      } catch (error) {
        const cause = (error as { cause?: { message?: string; code?: string } }).cause;
        const detail = `${error instanceof Error ? error.message : String(error)} ${cause?.code ?? ''} ${cause?.message ?? ''}`.trim();
        if (attempt === 1 && /ECONNRESET|other side closed|UND_ERR_SOCKET|socket hang up/i.test(detail)) continue;
        return { target, input: '?', status: 0, verdict: 'connection-error', detail, ms: performance.now() - started };
      }
    }
  };
}

/** Every route handler on disk gets every hostile body and file; upload routes as the claimant who may upload. */
function sweepTasks(sessionFor: (actor?: Actor) => Promise<HttpSession>, actionIds: ReturnType<typeof loadActionIds>): Task[] {
  const uploads = HOSTILE_TARGETS.filter((target) => target.kind === 'upload');
  const routes = enumerateSurfaces().filter((surface) => surface.kind === 'route');
  const endpoints = [
    ...routes.map((route) => {
      const upload = uploads.find((target) => target.routeFile === route.file);
      return {
        name: route.key,
        method: ['GET', 'HEAD', 'OPTIONS'].includes(route.method) ? 'POST' : route.method,
        path: pathForPattern(route.pattern),
        headers: {},
        signInAs: upload?.signInAs,
        limit: upload ? UPLOAD_LIMIT : BODY_LIMIT,
        takesFiles: Boolean(upload),
      };
    }),
    {
      name: 'server action (sign-up)',
      method: 'POST',
      path: '/sign-up',
      headers: { 'Next-Action': actionIds.get('lib/users/actions.ts#signUpAction')?.id ?? '0' },
      signInAs: undefined,
      limit: BODY_LIMIT,
      takesFiles: true,
    },
    {
      name: 'page form post without JavaScript',
      method: 'POST',
      path: '/sign-up',
      headers: {},
      signInAs: undefined,
      limit: BODY_LIMIT,
      takesFiles: false,
    },
  ];
  const tasks: Task[] = [];
  const seen = new Set<string>();
  for (const endpoint of endpoints) {
    const key = `${endpoint.method} ${endpoint.path} ${JSON.stringify(endpoint.headers)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const body of HOSTILE_BODIES) {
      tasks.push(async () => {
        const bytes = body.build();
        const isOversized = Boolean(body.isOversized) && bytes.byteLength > endpoint.limit;
        try {
          const response = await sendBody(
            await sessionFor(endpoint.signInAs),
            endpoint.method,
            endpoint.path,
            body,
            bytes,
            endpoint.headers,
          );
          // A declared length over the limit is refused unread; a chunked one by whoever reads it (or not at all).
          // The resumable-upload route (tus) authenticates before it reads a byte: an anonymous body, however big, gets 401.
          const isAuthenticatedFirst = endpoint.name.includes('/resumable/') && !endpoint.signInAs;
          return await judge(endpoint.name, body.id, response, { mustBe413: isOversized && !body.isChunked && !isAuthenticatedFirst });
        } catch (error) {
          return connectionFailure(endpoint.name, body.id, error, isOversized);
        }
      });
    }
    for (const file of HOSTILE_FILES.filter((candidate) => endpoint.takesFiles || SWEEP_FILE_IDS.includes(candidate.id))) {
      tasks.push(async () => {
        const form = new FormData();
        form.append('file', new Blob([Buffer.from(await bytesOf(file))], { type: file.claimedType }), file.filename);
        try {
          return await judge(
            endpoint.name,
            file.id,
            await (
              await sessionFor(endpoint.signInAs)
            ).request(endpoint.path, { method: endpoint.method, headers: endpoint.headers, body: form }),
          );
        } catch (error) {
          return connectionFailure(endpoint.name, file.id, error, false);
        }
      });
    }
  }
  return tasks;
}

/**
 * Sends the whole corpus to a running server (demo seed and access fixtures needed:
 * HOSTILE_SERVER_ENV) and judges every answer. Returns every outcome; the caller asserts that all
 * are `ok` and that the server is still healthy.
 */
export async function runHostileCorpus(options: {
  baseUrl: string;
  concurrency?: number;
  log?: (message: string) => void;
}): Promise<HostileReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const actionIds = loadActionIds();
  const sessions = new Map<Actor | 'anonymous', Promise<HttpSession>>();
  const sessionFor = (actor: Actor = 'anonymous') => {
    let session = sessions.get(actor);
    if (!session) {
      const created = new HttpSession(options.baseUrl, { 'accept-language': 'ko' });
      session =
        actor === 'anonymous' ? Promise.resolve(created) : created.signIn(ACCESS_FIXTURE_EMAILS[actor], DEMO_PASSWORD).then(() => created);
      sessions.set(actor, session);
    }
    return session;
  };
  // Everyone signs in before the corpus starts: its sign-in attacks soon throttle this address.
  const actors = new Set(
    [...HOSTILE_TARGETS, ...STORED_VIEWS]
      .map((target) => ('signInAs' in target ? target.signInAs : undefined))
      .filter((actor): actor is Actor => Boolean(actor)),
  );
  for (const actor of actors) await sessionFor(actor);
  const pendingTargets = HOSTILE_TARGETS.filter((target) => isTargetPending(target)).map((target) => target.name);
  const tasks: Task[] = [];
  let unique = 0;
  const nextUnique = () => `${process.pid}-${Date.now().toString(36)}-${++unique}`;

  for (const target of HOSTILE_TARGETS.filter((candidate) => !isTargetPending(candidate))) {
    if (target.kind === 'form') tasks.push(...formTasks(target, sessionFor, actionIds, nextUnique, judge));
    if (target.kind === 'json') tasks.push(...jsonTasks(target, sessionFor, nextUnique, judge));
    if (target.kind === 'signin') tasks.push(...signInTasks(target, options.baseUrl, judge));
    if (target.kind === 'call') tasks.push(...callTasks(target, sessionFor, actionIds, judge));
    if (target.kind === 'query') tasks.push(...queryTasks(target, sessionFor, judge));
    if (target.kind === 'upload') tasks.push(...uploadTasks(target, sessionFor, judge));
  }
  tasks.push(...sweepTasks(sessionFor, actionIds));
  for (const request of HOSTILE_REQUESTS) {
    tasks.push(async () => {
      const response = await sendRawRequest(options.baseUrl, request);
      if (!request.expect.includes(response.status))
        return {
          target: 'raw request',
          input: request.id,
          status: response.status,
          verdict: 'wrong-status',
          detail: `expected ${request.expect.join(' or ')}`,
        };
      return judge('raw request', request.id, response);
    });
  }

  log(`${tasks.length} requests (${pendingTargets.length ? `pending targets: ${pendingTargets.join(', ')}` : 'no pending targets'})`);
  const outcomes = await runPool(
    tasks.map((task) => guarded(task, 'client')),
    options.concurrency ?? 6,
    (count) => {
      if (count % 1000 === 0) log(`${count}/${tasks.length}`);
    },
  );
  // What was stored, shown back: one after the other, once everything is written.
  const markers = HOSTILE_TEXTS.map((text) => text.value).filter(
    (value) => value.length >= 8 && value.length <= 200 && !/[<>&"']/.test(value),
  );
  let viewsShowingHostileText = 0;
  for (const view of STORED_VIEWS) {
    const task = guarded(async () => {
      const response = await (await sessionFor(view.signInAs)).request(expandPlaceholders(view.url));
      const text = Buffer.from(await response.clone().arrayBuffer()).toString('utf8');
      if (markers.some((marker) => text.includes(marker))) viewsShowingHostileText++;
      return judge('stored input shown back', view.url, response, { mustSucceed: true });
    }, 'stored input shown back');
    outcomes.push(await task());
  }
  log(`${STORED_VIEWS.length} views of what was stored, ${viewsShowingHostileText} of them showing a hostile text`);
  const health = await fetch(`${options.baseUrl}/api/health`).catch(() => null);
  return {
    outcomes,
    pendingTargets,
    isServerHealthy: health?.status === 200,
    corpusSize: HOSTILE_TEXTS.length + HOSTILE_BODIES.length + HOSTILE_FILES.length + HOSTILE_REQUESTS.length,
    seconds: (performance.now() - started) / 1000,
  };
}

export function summarizeHostileReport(report: HostileReport): {
  requests: number;
  byVerdict: Record<string, number>;
  failures: HostileOutcome[];
  slowestTargets: string[];
} {
  const byVerdict: Record<string, number> = {};
  const timeByTarget = new Map<string, { ms: number; count: number }>();
  for (const outcome of report.outcomes) {
    byVerdict[outcome.verdict] = (byVerdict[outcome.verdict] ?? 0) + 1;
    const name = outcome.target.replace(/ \[.*$/, '');
    const entry = timeByTarget.get(name) ?? { ms: 0, count: 0 };
    timeByTarget.set(name, { ms: entry.ms + (outcome.ms ?? 0), count: entry.count + 1 });
  }
  const slowestTargets = [...timeByTarget]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, Number(process.env.HOSTILE_TIMING_TOP ?? 8))
    .map(([name, { ms, count }]) => `${name}: ${count} × ${Math.round(ms / count)} ms`);
  return {
    requests: report.outcomes.length,
    byVerdict,
    failures: report.outcomes.filter((outcome) => outcome.verdict !== 'ok'),
    slowestTargets,
  };
}
