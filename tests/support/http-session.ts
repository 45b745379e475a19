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

  async request(
    target: string,
    init: { method?: string; headers?: Record<string, string>; body?: BodyInit | null; signal?: AbortSignal; duplex?: 'half' } = {},
  ): Promise<Response> {
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
      const isExpired = attributes.some(
        (attribute) =>
          /^\s*max-age=0/i.test(attribute) || (/^\s*expires=/i.test(attribute) && Date.parse(attribute.split('=')[1]) < Date.now()),
      );
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
    const response = await this.request(pagePath, {
      method: 'POST',
      headers: { 'Next-Action': actionId, Accept: 'text/x-component' },
      body,
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      redirect: response.headers.get('x-action-redirect') ?? response.headers.get('location'),
      value: decodeActionValue(bytes),
      raw: Buffer.from(bytes).toString('utf8'),
    };
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

/**
 * Splits a React Flight payload into its rows: `id:json\n`, or `id:T<hex byte length>,<text>` for a
 * long string (no newline after it; the length counts UTF-8 bytes).
 */
export function readFlightRows(payload: string | Uint8Array): Map<string, { text: string; isText: boolean }> {
  const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload);
  const rows = new Map<string, { text: string; isText: boolean }>();
  let offset = 0;
  while (offset < bytes.length) {
    const colon = bytes.indexOf(0x3a, offset);
    if (colon < 0) break;
    const id = bytes.subarray(offset, colon).toString('latin1');
    if (!/^[0-9a-f]+$/.test(id)) {
      const newline = bytes.indexOf(0x0a, offset);
      offset = newline < 0 ? bytes.length : newline + 1;
      continue;
    }
    if (bytes[colon + 1] === 0x54) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = Number.parseInt(bytes.subarray(colon + 2, comma).toString('latin1'), 16);
      rows.set(id, { text: bytes.subarray(comma + 1, comma + 1 + length).toString('utf8'), isText: true });
      offset = comma + 1 + length;
      continue;
    }
    const newline = bytes.indexOf(0x0a, colon);
    const end = newline < 0 ? bytes.length : newline;
    rows.set(id, { text: bytes.subarray(colon + 1, end).toString('utf8'), isText: false });
    offset = end + 1;
  }
  return rows;
}

/** The action's return value from the RSC payload: row 0 names the row (`$@1`) that holds it; long strings are rows of their own (`$1a`). */
export function decodeActionValue(payload: string | Uint8Array): unknown {
  const rows = readFlightRows(payload);
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (value === '$undefined') return undefined;
      const row = /^\$([0-9a-f]+)$/.exec(value) ? rows.get(value.slice(1)) : undefined;
      return row?.isText ? row.text : value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item)]));
    return value;
  };
  const parse = (id: string): unknown => {
    const row = rows.get(id);
    if (!row) return undefined;
    if (row.isText) return row.text;
    try {
      return resolve(JSON.parse(row.text) as unknown);
    } catch {
      return row.text;
    }
  };
  const root = parse('0') as { a?: unknown } | undefined;
  const reference = typeof root?.a === 'string' && root.a.startsWith('$@') ? root.a.slice(2) : null;
  return reference ? parse(reference) : root?.a;
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
    const pages = Object.keys(entry.workers)
      .map((worker) => routeOfWorker(worker))
      .sort((a, b) => Number(a.includes('[')) - Number(b.includes('[')));
    const pagePath = pages[0]?.replace(/\[[^\]]+\]/g, 'x') ?? '/';
    ids.set(`${entry.filename.split(path.sep).join('/')}#${entry.exportedName}`, { id, pagePath });
  }
  return ids;
}

/** `app/(auth)/sign-up/page` → `/sign-up`. */
function routeOfWorker(worker: string): string {
  const segments = worker
    .split('/')
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith('_'));
  return `/${segments.join('/')}`;
}
