import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKeyFor, createMicroCache, hashPinnedPolicy, pageCacheKeyFor } from './micro-cache';

let clock = 1_000_000;
let origin: http.Server;
let baseUrl = '';
let originHits = 0;

/** A stand-in for Next: counts requests and answers like the stats and badge routes do. */
beforeAll(async () => {
  const cache = createMicroCache(() => clock);
  origin = http.createServer((request, response) => {
    if (cache.handle(request, response)) return;
    originHits++;
    if (request.url?.startsWith('/cases/')) {
      // Like Next's dynamic page: no max-age, a fresh nonce per response on every inline script.
      const nonce = `n${originHits}`;
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate',
        'content-security-policy': `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'`,
      });
      response.end(
        `<html><script nonce="${nonce}">self.render(${originHits})</script><script src="/_next/a.js" nonce="${nonce}"></script></html>`,
      );
      return;
    }
    if (request.url?.includes('private')) {
      response.writeHead(200, { 'cache-control': 'private, max-age=60' });
      response.end('secret');
      return;
    }
    const isCookie = request.url?.includes('lang=en');
    response.writeHead(request.url?.includes('missing') ? 404 : 200, {
      'cache-control': 'public, max-age=2',
      'content-type': 'application/json',
      ...(isCookie ? { 'set-cookie': 'NEXT_LOCALE=en' } : {}),
    });
    response.end(JSON.stringify({ hit: originHits }));
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});
afterAll(() => origin.close());

describe('micro-cache', () => {
  it('keys only the public counter routes, by path and language', () => {
    expect(cacheKeyFor('/api/cases/slammer-2003/stats?x=1&lang=ko')).toBe('/api/cases/slammer-2003/stats?lang=ko');
    expect(cacheKeyFor('/api/cases/slammer-2003/badge.svg')).toBe('/api/cases/slammer-2003/badge.svg?lang=');
    expect(cacheKeyFor('/api/cases/slammer-2003/claimants')).toBeNull();
    expect(cacheKeyFor('/my')).toBeNull();
  });

  it('answers repeats from memory for max-age, then refreshes', async () => {
    const before = originHits;
    const first = await fetch(`${baseUrl}/api/cases/demo-case/stats`);
    expect(first.headers.get('x-joinder-cache')).toBeNull();
    const second = await fetch(`${baseUrl}/api/cases/demo-case/stats?utm=ignored`);
    expect(second.headers.get('x-joinder-cache')).toBe('hit');
    expect(await second.json()).toEqual(await first.json());
    expect(originHits).toBe(before + 1);
    clock += 2_500;
    const third = await fetch(`${baseUrl}/api/cases/demo-case/stats`);
    expect(third.headers.get('x-joinder-cache')).toBeNull();
    expect(originHits).toBe(before + 2);
  });

  it('never caches errors or responses that set a cookie', async () => {
    const before = originHits;
    await fetch(`${baseUrl}/api/cases/missing-case/stats`);
    await fetch(`${baseUrl}/api/cases/missing-case/stats`);
    await fetch(`${baseUrl}/api/cases/demo-case/badge.svg?lang=en`);
    await fetch(`${baseUrl}/api/cases/demo-case/badge.svg?lang=en`);
    expect(originHits).toBe(before + 4);
  });

  it('keeps an anonymous visit to a case page for two seconds, with its inline scripts pinned by hash instead of the nonce', async () => {
    const before = originHits;
    const first = await fetch(`${baseUrl}/cases/page-case`);
    const firstBody = await first.text();
    expect(first.headers.get('content-security-policy')).toContain("'nonce-");
    const second = await fetch(`${baseUrl}/cases/page-case`);
    expect(second.headers.get('x-joinder-cache')).toBe('hit');
    expect(await second.text()).toBe(firstBody);
    const policy = second.headers.get('content-security-policy')!;
    const inline = /<script nonce="[^"]+">([^<]*)<\/script>/.exec(firstBody)![1];
    expect(policy).toContain(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`);
    expect(policy).not.toMatch(/nonce-|strict-dynamic/);
    expect(policy).toContain("object-src 'none'");
    expect(originHits).toBe(before + 1);
    clock += 2_100;
    expect((await fetch(`${baseUrl}/cases/page-case`)).headers.get('x-joinder-cache')).toBeNull();
    expect(originHits).toBe(before + 2);
  });

  it('never hands a cached page to a signed-in visitor, nor one cached for another language', async () => {
    const before = originHits;
    await fetch(`${baseUrl}/cases/other-case`, { headers: { 'accept-language': 'en-US' } });
    const signedIn = await fetch(`${baseUrl}/cases/other-case`, {
      headers: { 'accept-language': 'en-US', cookie: '__Host-joinder.session=abc' },
    });
    expect(signedIn.headers.get('x-joinder-cache')).toBeNull();
    const korean = await fetch(`${baseUrl}/cases/other-case`, { headers: { 'accept-language': 'ko-KR' } });
    expect(korean.headers.get('x-joinder-cache')).toBeNull();
    expect(originHits).toBe(before + 3);
  });

  it('keys a page by language, query and campaign source, and skips router requests and language switches', () => {
    const visit = (url: string, headers: Record<string, string> = {}) =>
      pageCacheKeyFor({ url, headers: { host: 'joinder.example', ...headers } });
    expect(visit('/cases/slammer-2003', { 'accept-language': 'en-US,en;q=0.9' })).not.toBe(visit('/cases/slammer-2003'));
    expect(visit('/cases/slammer-2003', { cookie: 'NEXT_LOCALE=en' })).toBe(visit('/cases/slammer-2003', { 'accept-language': 'en' }));
    expect(visit('/cases/slammer-2003', { referer: 'https://cafe.naver.com/x?id=1' })).toContain('|cafe.naver.com|');
    expect(visit('/cases/slammer-2003', { referer: 'https://joinder.example/' })).toBe(visit('/cases/slammer-2003'));
    expect(visit('/cases/slammer-2003?src=kakao')).toContain('|kakao|');
    expect(visit('/cases/slammer-2003?lang=en')).toBeNull();
    expect(visit('/cases/slammer-2003', { rsc: '1' })).toBeNull();
    expect(visit('/cases/slammer-2003', { cookie: 'joinder.session=abc' })).toBeNull();
    expect(visit('/cases/slammer-2003/support/confirm?token=abc')).toBeNull();
    expect(visit('/my')).toBeNull();
  });

  it('pins only the nonce policy it knows, and only inline scripts', () => {
    const html = '<script>a()</script><script src="/x.js"></script><script type="application/json">{}</script>';
    const pinned = hashPinnedPolicy("script-src 'self' 'nonce-abc' 'strict-dynamic'", html)!;
    expect(pinned.match(/'sha256-/g)).toHaveLength(2);
    expect(pinned).toMatch(/^script-src 'self' 'sha256-/);
    expect(hashPinnedPolicy("script-src 'self'", html)).toBeNull();
    expect(hashPinnedPolicy("script-src 'nonce-a' 'strict-dynamic'", '<script>x</script>'.repeat(0))).toBe("script-src 'none'");
  });
});
