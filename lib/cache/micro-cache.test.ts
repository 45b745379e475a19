import { describe, expect, it } from 'vitest';
import { createMicroCache } from './micro-cache';

describe('createMicroCache', () => {
  it('loads once per key within the TTL, shares a pending load, and loads again after it', async () => {
    const cache = createMicroCache<number>(2_000);
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.get('case', load, 0), cache.get('case', load, 10)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cache.get('case', load, 1_999)).toBe(1);
    expect(await cache.get('case', load, 2_000)).toBe(2);
    expect(await cache.get('other', load, 2_000)).toBe(3);
  });

  it('does not keep a failed load', async () => {
    const cache = createMicroCache<number>(2_000);
    await expect(cache.get('case', async () => Promise.reject(new Error('database down')), 0)).rejects.toThrow('database down');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get('case', async () => 7, 1)).toBe(7);
  });

  it('holds at most maxEntries keys, dropping the oldest', async () => {
    const cache = createMicroCache<string>(60_000, 2);
    let loads = 0;
    const load = (value: string) => async () => (loads++, value);
    await cache.get('a', load('a'), 0);
    await cache.get('b', load('b'), 0);
    await cache.get('c', load('c'), 0);
    await cache.get('b', load('b'), 0);
    expect(loads).toBe(3);
    await cache.get('a', load('a'), 0);
    expect(loads).toBe(4);
  });
});
