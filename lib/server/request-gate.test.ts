import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admitBody, answerClientError, dropForgeableHeaders, refuseUnsupportedMethod } from './request-gate';

/**
 * The gate in front of Next.js, on a real HTTP server whose "Next" records what reached it:
 * the headers it saw and the body bytes it could read.
 */
type Reached = { url: string; headers: http.IncomingHttpHeaders; body: Buffer };
const reached: Reached[] = [];
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    dropForgeableHeaders(request, 0);
    if (refuseUnsupportedMethod(request, response)) return;
    admitBody(request, response, () => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        reached.push({ url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
        response.end('next');
      });
    });
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A chunked body of `total` bytes made on demand; counts how much the client managed to send. */
function endlessBody(total: number) {
  const sent = { bytes: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent.bytes >= total) return controller.close();
      sent.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, sent };
}

describe('the request gate before Next.js (issue 17, items 9 and 18)', () => {
  it('cuts a chunked 30 MB post to a page at 1 MB with a 413, and Next never sees it', async () => {
    const before = reached.length;
    const { stream, sent } = endlessBody(30 * 1024 * 1024);
    const response = await fetch(`${baseUrl}/cases/slammer-2003`, {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'next-action': 'abc', 'accept-language': 'en' },
      duplex: 'half',
    } as RequestInit).catch((error: unknown) => error as Error);
    if (response instanceof Error) throw response;
    expect(response.status).toBe(413);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await response.json()).toMatchObject({ error: 'payload_too_large', message: 'What you sent is too large.' });
    // Read into nothing for at most 16 MB more (so a sender can read the answer), then cut.
    expect(sent.bytes).toBeLessThan(24 * 1024 * 1024);
    expect(reached.length).toBe(before);
  });

  it('refuses a declared length over the limit unread, for pages and API routes alike', async () => {
    for (const path of ['/cases/slammer-2003', '/api/cases/slammer-2003/support']) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        body: 'x'.repeat(1024 * 1024 + 10),
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status, path).toBe(413);
    }
  });

  it('lets a sender finish a 9 MB post and read its 413 instead of a reset connection', async () => {
    const response = await fetch(`${baseUrl}/sign-up`, {
      method: 'POST',
      body: new Blob([new Uint8Array(9 * 1024 * 1024)]).stream(),
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });

  it('hands a small page post on with its body intact', async () => {
    const body = JSON.stringify(['한국어', 'x'.repeat(200_000)]);
    const response = await fetch(`${baseUrl}/cases/slammer-2003`, {
      method: 'POST',
      body: new Blob([body]).stream(),
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      duplex: 'half',
    } as RequestInit);
    expect(await response.text()).toBe('next');
    expect(reached.at(-1)!.body.toString('utf8')).toBe(body);
  });

  it('answers TRACE with 405 and the allowed methods, never reaching Next', async () => {
    const before = reached.length;
    const status = await new Promise<{ status?: number; allow?: string; body: string }>((resolve, reject) => {
      const request = http.request(`${baseUrl}/`, { method: 'TRACE', headers: { 'accept-language': 'ko' } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode, allow: response.headers.allow, body }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(status.status).toBe(405);
    expect(status.allow).toContain('GET');
    expect(JSON.parse(status.body)).toMatchObject({ error: 'method_not_allowed', message: '여기서는 지원하지 않는 요청 방식입니다.' });
    expect(reached.length).toBe(before);
  });

  it('drops X-Forwarded-Host and -Proto no trusted proxy wrote, and takes the address from the socket', async () => {
    await fetch(`${baseUrl}/api/health`, {
      headers: {
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        'x-forwarded-for': '6.6.6.6',
        forwarded: 'host=evil.example',
      },
    });
    const { headers } = reached.at(-1)!;
    expect(headers['x-forwarded-host']).toBeUndefined();
    expect(headers['x-forwarded-proto']).toBeUndefined();
    expect(headers.forwarded).toBeUndefined();
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('answers a request the parser cannot read (TRACK) with a 400 and a message in both languages', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(baseUrl).port), '127.0.0.1', () => socket.write('TRACK / HTTP/1.1\r\nHost: x\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('"message":"요청을 읽을 수 없습니다. / The request could not be read."');
  });
});
