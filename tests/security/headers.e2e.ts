import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '@/e2e/support/server';
import { HttpSession } from '@/tests/support/http-session';

/**
 * Security headers and session cookies on real production servers: one served as plain HTTP, one
 * whose public address is HTTPS (APP_URL=https://…, as behind a TLS-terminating proxy).
 */
let plain: TestServer;
let https: TestServer;

beforeAll(async () => {
  [plain, https] = await Promise.all([startTestServer(), startTestServer({ env: { APP_URL: 'https://joinder.example' } })]);
});
afterAll(async () => {
  await Promise.all([plain?.stop(), https?.stop()]);
});

type Sample = { name: string; path: string; method?: string; headers?: Record<string, string>; body?: string; status: number };

const SAMPLES: Sample[] = [
  { name: 'home page', path: '/', status: 200 },
  { name: 'case page', path: '/cases/slammer-2003', status: 200 },
  { name: 'sign-in page', path: '/sign-in', status: 200 },
  { name: 'redirect to sign-in', path: '/admin/audit', status: 307 },
  { name: 'page not found', path: '/no-such-page', status: 404 },
  { name: 'case not found', path: '/cases/no-such-case', status: 404 },
  { name: 'JSON route', path: '/api/cases/slammer-2003/stats', status: 200 },
  { name: 'health', path: '/api/health', status: 200 },
  { name: 'API not found', path: '/api/cases/no-such-case/stats', status: 404 },
  { name: 'unknown API path', path: '/api/nothing-here', status: 404 },
  { name: 'method not allowed', path: '/api/health', method: 'POST', status: 405 },
  { name: 'auth endpoint', path: '/api/auth/csrf', status: 200 },
  {
    name: 'body too large',
    path: '/api/cases/slammer-2003/stats',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `[${'1,'.repeat(5 * 1024 * 1024)}1]`,
    status: 413,
  },
  {
    name: 'unknown server action',
    path: '/',
    method: 'POST',
    headers: { 'Next-Action': '00deadbeef', 'content-type': 'text/plain' },
    body: '[]',
    status: 400,
  },
];

async function fetchSample(server: TestServer, sample: Sample): Promise<Response> {
  return fetch(`${server.baseUrl}${sample.path}`, {
    method: sample.method ?? 'GET',
    headers: sample.headers,
    body: sample.body,
    redirect: 'manual',
  });
}

function cspDirectives(header: string | null): Map<string, string> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

describe('security headers on every response', () => {
  for (const sample of SAMPLES) {
    it(`${sample.name} (${sample.method ?? 'GET'} ${sample.path} → ${sample.status})`, async () => {
      for (const server of [plain, https]) {
        const response = await fetchSample(server, sample);
        expect(response.status).toBe(sample.status);
        const csp = cspDirectives(response.headers.get('content-security-policy'));
        expect(csp.get('script-src')).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
        expect(csp.get('script-src')).not.toContain('unsafe-inline');
        expect(csp.get('object-src')).toBe("'none'");
        expect(csp.get('frame-ancestors')).toBe("'none'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('x-powered-by')).toBeNull();
        const hsts = response.headers.get('strict-transport-security');
        if (server === https) expect(hsts).toMatch(/max-age=(\d{8,}).*includeSubDomains/);
        else expect(hsts).toBeNull();
      }
    });
  }

  it('gives each rendered page its own nonce on every script, and a cached copy its own inline scripts by hash', async () => {
    const scriptSources = (response: Response) => cspDirectives(response.headers.get('content-security-policy')).get('script-src')!;
    // Rendered pages: a signed-in area's sign-in page is never served from the micro-cache.
    const [first, second] = await Promise.all([fetch(`${plain.baseUrl}/sign-in`), fetch(`${plain.baseUrl}/sign-in`)]);
    const nonceOf = (response: Response) => scriptSources(response).match(/'nonce-([^']+)'/)![1];
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(first)}"`);

    // The public case page, where a surge lands, is kept two seconds for anonymous visitors
    // (lib/server/micro-cache.ts): one nonce must not serve many responses, so the copy pins its
    // inline scripts by SHA-256 and loads Next's files by 'self'.
    const rendered = await fetch(`${plain.baseUrl}/cases/coupang-2025`);
    const renderedHtml = await rendered.text();
    const copy = await fetch(`${plain.baseUrl}/cases/coupang-2025`);
    expect(copy.headers.get('x-joinder-cache')).toBe('hit');
    expect(await copy.text()).toBe(renderedHtml);
    const pinned = scriptSources(copy);
    expect(pinned).not.toMatch(/nonce-|strict-dynamic|unsafe-inline/);
    const inline = [...renderedHtml.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
    expect(inline.length).toBeGreaterThan(0);
    for (const body of inline) expect(pinned).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  });

  it('lets only the embeddable counter be framed by other sites', async () => {
    const embed = await fetch(`${plain.baseUrl}/embed/slammer-2003`);
    expect(cspDirectives(embed.headers.get('content-security-policy')).get('frame-ancestors')).toBe('*');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends nosniff with the static assets too', async () => {
    const html = await (await fetch(`${plain.baseUrl}/`)).text();
    const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    expect(asset).toBeTruthy();
    const response = await fetch(`${plain.baseUrl}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('session cookies', () => {
  function sessionCookie(response: Response, name: string): string {
    const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
    if (!line) throw new Error(`no ${name} cookie in ${response.headers.getSetCookie().join(' | ')}`);
    return line;
  }

  it('over HTTPS: __Host- prefix, Secure, HttpOnly, SameSite, Path=/ and no Domain', async () => {
    const session = new HttpSession(https.baseUrl, { host: 'joinder.example', 'x-forwarded-proto': 'https' });
    const response = await session.attemptSignIn('lawyer@joinder.test', 'joinder-demo');
    expect(response.status).toBe(200);
    const cookie = sessionCookie(response, '__Host-joinder.session');
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Domain=/i);
    // The CSRF cookie of the sign-in form is locked down the same way.
    expect(session.hasCookie('__Host-next-auth.csrf-token')).toBe(true);
    // And the session works: the signed-in lawyer reaches the staff page.
    expect((await session.request('/staff')).status).toBe(200);
  });

  it('over plain HTTP (development): HttpOnly and SameSite, without the Secure-only prefix', async () => {
    const session = new HttpSession(plain.baseUrl);
    const cookie = sessionCookie(await session.attemptSignIn('claimant@joinder.test', 'joinder-demo'), 'joinder.session');
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('a wrong password sets no session cookie and says only that the credentials are wrong', async () => {
    const session = new HttpSession(https.baseUrl);
    const response = await session.attemptSignIn('lawyer@joinder.test', 'not the password');
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie().some((cookie) => cookie.includes('joinder.session='))).toBe(false);
    expect(await response.text()).toContain('error=invalid');
  });
});
