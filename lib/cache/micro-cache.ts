/**
 * A per-instance cache that keeps each value for a couple of seconds. A surge sends thousands of
 * anonymous visitors a second to the same few pages whose data changes rarely; with this each
 * instance reads it once per TTL whatever the request rate. Concurrent misses share one load, and
 * a failed load is not kept.
 */
export type MicroCache<T> = {
  get: (key: string, load: () => Promise<T>, now?: number) => Promise<T>;
  clear: (key?: string) => void;
};

export function createMicroCache<T>(ttlMs: number, maxEntries = 1_000): MicroCache<T> {
  const entries = new Map<string, { expiresAt: number; value: Promise<T> }>();
  return {
    get(key, load, now = Date.now()) {
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now) return hit.value;
      // Keys come from URLs: an attacker cycling through slugs must not grow the map without end.
      if (!hit && entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      const value = load();
      const entry = { expiresAt: now + ttlMs, value };
      entries.set(key, entry);
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
    clear(key) {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
  };
}
