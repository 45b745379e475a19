import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

/** proxy.ts itself, called as Next.js calls it, on the requests scanners sent (issue 17, items 9, 14, 18). */
function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) {
  return new NextRequest(`http://localhost:3000${path}`, {
    method: init.method ?? 'GET',
    headers: { host: 'localhost:3000', 'accept-language': 'en', ...init.headers },
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
}

describe('proxy.ts refusals', () => {
  it('answers CR, LF or NUL in next-auth error query with a 4xx and a message, never a 500', async () => {
    for (const value of ['%0d%0aSet-Cookie:%20x=1', '%0a', '%00', 'a%0db']) {
      const response = await proxy(request(`/api/auth/error?error=${value}`));
      expect(response.status, value).toBe(422);
      expect(await response.json()).toMatchObject({
        error: 'invalid_input',
        message: 'The address could not be read. Please check the link.',
      });
    }
    expect((await proxy(request('/api/auth/error?error=CredentialsSignin'))).status).toBe(200);
  });

  it('refuses a server action posted from another site with a 403', async () => {
    for (const origin of ['https://attacker.example', 'null', 'http://localhost:3001']) {
      const response = await proxy(
        request('/account/security', {
          method: 'POST',
          headers: { origin, 'next-action': '00aa', 'content-type': 'text/plain;charset=UTF-8' },
          body: '[]',
        }),
      );
      expect(response.status, origin).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'cross_origin' });
    }
  });

  it('lets a same-site server action through, and a hand-made one without Origin as Next.js does', async () => {
    for (const headers of [{ origin: 'http://localhost:3000' }, {}] as Record<string, string>[]) {
      const response = await proxy(
        request('/account/security', {
          method: 'POST',
          headers: { ...headers, 'next-action': '00aa', 'content-type': 'text/plain;charset=UTF-8' },
          body: '[]',
        }),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('x-middleware-next')).toBe('1');
    }
  });

  it('cuts a chunked page post past 1 MB while reading it', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        if (pulled > 30 * 1024 * 1024) return controller.close();
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const response = await proxy(
      request('/cases/slammer-2003', { method: 'POST', headers: { 'next-action': '00aa', 'content-type': 'text/plain' }, body }),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(4 * 1024 * 1024);
  });

  it("keeps the stored files' strict policy: no scripts, sandboxed, also for a lawyer's inline preview", async () => {
    const download = await proxy(request('/api/cases/slammer-2003/filings/1/parts/1'));
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
    const inline = await proxy(request('/api/cases/slammer-2003/claimants/a/evidence/b/inline'));
    expect(inline.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox; frame-ancestors 'self'");
    expect(inline.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
