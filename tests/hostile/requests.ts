import http from 'node:http';

/**
 * Requests no browser form would send, as the scanners of issue 17 (item 18) sent them: methods
 * our stack cannot construct, control characters meant for a response header, server actions
 * posted from another site, forged Host headers. Sent with node:http, because fetch refuses
 * TRACE and CR/LF itself. Each names the status it must get (never a 5xx).
 */
export type HostileRequest = {
  id: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The statuses that are right; anything else is a failure even if it is a 4xx. */
  expect: number[];
};

const ACTION_HEADERS = { 'next-action': '7f00000000000000000000000000000000000000aa', 'content-type': 'text/plain;charset=UTF-8' };

export const HOSTILE_REQUESTS: HostileRequest[] = [
  { id: 'trace-home', method: 'TRACE', path: '/', expect: [405] },
  { id: 'trace-api', method: 'TRACE', path: '/api/health', expect: [405] },
  // Node's parser knows no TRACK: it never reaches a handler, and is answered 400 with a message.
  { id: 'track-home', method: 'TRACK', path: '/', expect: [400] },
  ...['%0d%0aSet-Cookie:%20injected=1', '%0d', '%0a', '%00', 'Configuration%0d%0aLocation:%20https://attacker.example'].map(
    (value, index): HostileRequest => ({
      id: `auth-error-control-${index}`,
      method: 'GET',
      path: `/api/auth/error?error=${value}`,
      expect: [422],
    }),
  ),
  { id: 'auth-signin-control', method: 'GET', path: '/api/auth/signin?error=%0d%0ax', expect: [422] },
  ...['https://attacker.example', 'null', 'http://127.0.0.1.attacker.example'].map((origin, index): HostileRequest => ({
    id: `cross-origin-action-${index}`,
    method: 'POST',
    path: '/account/security',
    headers: { ...ACTION_HEADERS, origin },
    body: '[]',
    expect: [403],
  })),
  {
    id: 'cross-origin-form-post',
    method: 'POST',
    path: '/sign-up',
    headers: { origin: 'https://attacker.example', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'email=a%40b.c&password=x',
    expect: [403],
  },
  {
    id: 'forged-forwarded-host-action',
    method: 'POST',
    path: '/forgot-password',
    headers: { ...ACTION_HEADERS, origin: 'https://attacker.example', 'x-forwarded-host': 'attacker.example' },
    body: '[]',
    expect: [403],
  },
  {
    id: 'forged-host-page',
    method: 'GET',
    path: '/sign-in',
    headers: { 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'https' },
    expect: [200],
  },
];

/** Sends one raw request and hands back a fetch Response for the corpus judge. */
export function sendRawRequest(baseUrl: string, request: HostileRequest): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      new URL(request.path, baseUrl),
      { method: request.method, headers: { 'accept-language': 'ko', ...request.headers }, insecureHTTPParser: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
          const status = incoming.statusCode ?? 0;
          const hasBody = ![101, 204, 205, 304].includes(status);
          resolve(new Response(hasBody ? Buffer.concat(chunks) : null, { status: status < 200 ? 599 : status, headers }));
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
