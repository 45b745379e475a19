import fs from 'node:fs';
import path from 'node:path';

/**
 * A browser-like client for tests against a real server: keeps cookies, never follows redirects
 * (so a test sees where it is sent), signs in through next-auth's own credentials flow, and calls
 * server actions by their id exactly as React does (the same reply encoding, the Next-Action header).
 */
export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request(target: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit | null; signal?: AbortSignal; duplex?: 'half' } = {}): Promise<Response> {
    const cookie = this.cookieHeader();
    const response = await fetch(new URL(target, this.baseUrl), {
      method: init.method ?? 'GET',
      headers: { ...this.defaultHeaders, ...(cookie ? { cookie } : {}), ...init.headers },
      body: init.body,
      redirect: 'manual',
      signal: init.signal ?? AbortSignal.timeout(60_000),
      ...(init.duplex ? { duplex: init.duplex } : {}),
    } as RequestInit);
    this.storeCookies(response);
    return response;
  }

  private storeCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const isExpired = attributes.some((attribute) => /^\s*max-age=0/i.test(attribute) || (/^\s*expires=/i.test(attribute) && Date.parse(attribute.split('=')[1]) < Date.now()));
      if (isExpired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async csrfToken(): Promise<string> {
    const response = await this.request('/api/auth/csrf');
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  /** next-auth's credentials flow over HTTP: the CSRF token, then the callback. Returns the raw response. */
  async attemptSignIn(email: string, password: string, totp = ''): Promise<Response> {
    const csrfToken = await this.csrfToken();
    return this.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email, password, totp, json: 'true' }).toString(),
    });
  }

  async signIn(email: string, password: string, totp = ''): Promise<void> {
    const response = await this.attemptSignIn(email, password, totp);
    const body = await response.text();
    if (response.status !== 200 || /error=/.test(body)) throw new Error(`Sign-in of ${email} failed: ${response.status} ${body}`);
  }

  /** Calls a server action the way the browser does; `pagePath` is any page the action is served on. */
  async callAction(actionId: string, args: unknown[], pagePath = '/'): Promise<ActionCall> {
    const body = await encodeReply(args);
    const response = await this.request(pagePath, { method: 'POST', headers: { 'Next-Action': actionId, Accept: 'text/x-component' }, body });
    const raw = await response.text();
    return { status: response.status, redirect: response.headers.get('x-action-redirect') ?? response.headers.get('location'), value: decodeActionValue(raw), raw };
  }
}

export type ActionCall = { status: number; redirect: string | null; value: unknown; raw: string };

type EncodeReply = (value: unknown) => Promise<string | FormData>;
// React's own encoder for server action arguments, as bundled with Next.js (no types shipped).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node') as { encodeReply: EncodeReply };

/** The body a browser sends for a server action called with these arguments. */
export function encodeActionArguments(args: unknown[]): Promise<string | FormData> {
  return encodeReply(args);
}

/** The action's return value from the RSC payload: row 0 names the row (`$@1`) that holds it. */
export function decodeActionValue(payload: string): unknown {
  const rows = new Map<string, string>();
  for (const line of payload.split('\n')) {
    const match = line.match(/^([0-9a-f]+):(.*)$/);
    if (match) rows.set(match[1], match[2]);
  }
  const parse = (text: string | undefined): unknown => {
    if (text === undefined) return undefined;
    try {
      const value = JSON.parse(text) as unknown;
      return value === '$undefined' ? undefined : value;
    } catch {
      return text;
    }
  };
  const root = parse(rows.get('0')) as { a?: unknown } | undefined;
  const reference = typeof root?.a === 'string' && root.a.startsWith('$@') ? root.a.slice(2) : null;
  return reference ? parse(rows.get(reference)) : root?.a;
}

export type ActionIdentity = { id: string; pagePath: string };

/**
 * Server action ids of the current build (`.next/server/server-reference-manifest.json`), keyed
 * like the access matrix: `lib/users/actions.ts#signUpAction`. The page path is one that serves it.
 */
export function loadActionIds(root = process.cwd()): Map<string, ActionIdentity> {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  const ids = new Map<string, ActionIdentity>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    // The page a form of this action lives on (a static one when there is a choice).
    const pages = Object.keys(entry.workers).map((worker) => routeOfWorker(worker)).sort((a, b) => Number(a.includes('[')) - Number(b.includes('[')));
    const pagePath = pages[0]?.replace(/\[[^\]]+\]/g, 'x') ?? '/';
    ids.set(`${entry.filename.split(path.sep).join('/')}#${entry.exportedName}`, { id, pagePath });
  }
  return ids;
}

/** `app/(auth)/sign-up/page` → `/sign-up`. */
function routeOfWorker(worker: string): string {
  const segments = worker.split('/').slice(1, -1).filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith('_'));
  return `/${segments.join('/')}`;
}
