import { ACCESS_FIXTURE_EMAILS } from '@/db/seed/access-fixtures';
import { DEMO_PASSWORD } from '@/db/seed/demo-case';
import enErrors from '@/lib/i18n/messages/en/errors.json';
import koErrors from '@/lib/i18n/messages/ko/errors.json';
import { type ActionIdentity, HttpSession } from '@/tests/support/http-session';
import type { MatrixEntry } from './entries';
import { ACTORS, type Actor, type Outcome, type Probe, expandPlaceholders } from './policies';

export type Observed = Outcome | `error: ${string}`;
export type MatrixCheck = { surface: string; url: string; actor: Actor; expected: Outcome; observed: Observed; status: number };

/** One signed-in HTTP session per actor (anonymous keeps a cookie jar too, for CSRF). */
export async function signInActors(baseUrl: string): Promise<Record<Actor, HttpSession>> {
  const entries = await Promise.all(
    ACTORS.map(async (actor) => {
      const session = new HttpSession(baseUrl, { 'accept-language': 'en' });
      if (actor !== 'anonymous') await session.signIn(ACCESS_FIXTURE_EMAILS[actor], DEMO_PASSWORD);
      return [actor, session] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Actor, HttpSession>;
}

const messagesFor = (code: 'unauthenticated' | 'forbidden' | 'not_found' | 'internal' | 'unavailable') => [enErrors[code], koErrors[code]];
const SIGN_IN_MESSAGES = messagesFor('unauthenticated');
const DENIED_MESSAGES = [...messagesFor('forbidden'), ...messagesFor('not_found')];
const FAILURE_MESSAGES = [...messagesFor('internal'), ...messagesFor('unavailable')];

function isSignInLocation(location: string | null): boolean {
  return location !== null && new URL(location, 'http://x').pathname.startsWith('/sign-in');
}

/** What an HTTP answer means for access: a redirect to sign-in or 401, a 404, or through the guard. */
export function classifyHttpAnswer(status: number, location: string | null, probe: Pick<Probe, 'status'>): Observed {
  if (probe.status !== undefined && status === probe.status) return 'allow';
  if (status >= 500) return `error: status ${status}`;
  if (status === 403) return 'error: 403 reveals that the record exists (answer 404)';
  if (status === 401) return 'signin';
  if (status === 404) return 'deny';
  if (status >= 300 && status < 400) return isSignInLocation(location) ? 'signin' : 'allow';
  return 'allow';
}

/** What a server action's answer means: its translated refusal, a redirect, or a result past the guard. */
export function classifyActionAnswer(status: number, redirect: string | null, value: unknown): Observed {
  if (status >= 500) return `error: status ${status}`;
  if (status === 404) return 'deny';
  if (redirect) return isSignInLocation(redirect) ? 'signin' : 'allow';
  if (status >= 400) return `error: status ${status}`;
  if (value && typeof value === 'object' && (value as { ok?: unknown }).ok === false) {
    const message = String((value as { message?: unknown }).message);
    if (SIGN_IN_MESSAGES.includes(message)) return 'signin';
    if (DENIED_MESSAGES.includes(message)) return 'deny';
    if (FAILURE_MESSAGES.includes(message)) return `error: ${message}`;
  }
  return 'allow';
}

async function probeOnce(
  session: HttpSession,
  actor: Actor,
  method: string,
  probe: Probe,
): Promise<{ observed: Observed; status: number }> {
  const body = probe.body
    ? probe.body.text.replace('{csrf}', probe.body.text.includes('{csrf}') ? await session.csrfToken() : '')
    : undefined;
  const response = await session.request(expandPlaceholders(probe.url), {
    method,
    headers: probe.body ? { 'content-type': probe.body.contentType } : {},
    body,
  });
  // A server-sent event stream stays open by design: its status and headers are the answer.
  const isEventStream = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
  if (isEventStream) await response.body?.cancel();
  const bytes = isEventStream ? Buffer.alloc(0) : Buffer.from(await response.arrayBuffer());
  const observed = classifyHttpAnswer(response.status, response.headers.get('location'), probe);
  const leaked = observed === 'allow' ? (probe.forbiddenContent?.[actor] ?? []).find((text) => bytes.includes(text)) : undefined;
  return { observed: leaked ? `error: the answer holds ${JSON.stringify(leaked)}` : observed, status: response.status };
}

let uniqueCounter = 0;
const nextUnique = () => `${process.pid}-${++uniqueCounter}`;

/** Runs one matrix line for all seven actors; returns every check, matching or not. */
export async function checkEntry(
  entry: MatrixEntry,
  sessions: Record<Actor, HttpSession>,
  actionIds: Map<string, ActionIdentity>,
): Promise<MatrixCheck[]> {
  const checks: MatrixCheck[] = [];
  if (entry.kind === 'action') {
    const identity = actionIds.get(entry.key);
    for (const call of entry.calls) {
      const surface = entry.calls.length > 1 ? `${entry.key} (${call.label})` : entry.key;
      if (!identity) {
        checks.push(
          ...ACTORS.map((actor) => ({
            surface,
            url: '(action)',
            actor,
            expected: call.expect[actor],
            observed: 'error: not in the build manifest (rebuild, or no client imports it)' as const,
            status: 0,
          })),
        );
        continue;
      }
      const page = call.page ? expandPlaceholders(call.page) : identity.pagePath;
      // One actor after the other: a call may change what the next one finds (a second code with the same name is refused, not forbidden).
      for (const actor of ACTORS) {
        const args = call.args({ uniqueEmail: () => `matrix-${nextUnique()}@joinder.test`, unique: nextUnique });
        const answer = await sessions[actor].callAction(identity.id, args, page);
        checks.push({
          surface,
          url: page,
          actor,
          expected: call.expect[actor],
          observed: classifyActionAnswer(answer.status, answer.redirect, answer.value),
          status: answer.status,
        });
      }
    }
    return checks;
  }
  const method = entry.kind === 'route' ? entry.method : 'GET';
  for (const probe of entry.probes) {
    const results = await Promise.all(
      ACTORS.map(async (actor) => ({ actor, ...(await probeOnce(sessions[actor], actor, method, probe)) })),
    );
    for (const { actor, observed, status } of results)
      checks.push({ surface: entry.key, url: probe.url, actor, expected: probe.expect[actor], observed, status });
  }
  return checks;
}

export function describeMismatch(check: MatrixCheck): string {
  return `${check.surface} ${check.url} as ${check.actor}: expected ${check.expected}, got ${check.observed} (HTTP ${check.status})`;
}
