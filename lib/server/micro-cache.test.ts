import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKeyFor, createMicroCache } from './micro-cache';

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
});
