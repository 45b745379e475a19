import type { LiveEvent, LiveHub } from './hub';

/** Changes in one case arriving closer together than this are answered with one reload. */
const COALESCE_MS = 200;

/**
 * Everything one instance pushes for one case: a single hub subscription, a single reload per
 * burst of changes (a surge notifies hundreds of times a second), and the result fanned out to
 * every open stream of the case. `load` runs at most once per burst, however many are watching.
 */
export class CaseFeed<T> {
  private readonly watchers = new Set<(value: T) => void>();
  private unsubscribe: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private isLoading = false;
  private isDirty = false;

  constructor(
    private readonly hub: LiveHub,
    private readonly caseId: string,
    private readonly load: () => Promise<T>,
    private readonly onEmpty: () => void,
    private readonly coalesceMs = COALESCE_MS,
  ) {}

  watch(watcher: (value: T) => void): () => void {
    this.watchers.add(watcher);
    if (!this.unsubscribe) {
      this.unsubscribe = this.hub.subscribe(this.caseId, (event: LiveEvent) => this.onEvent(event));
      // What a new stream was first sent may predate its listening: it came from a cache up to
      // two seconds old, or a change landed before LISTEN was active. Reload once it listens.
      const subscription = this.unsubscribe;
      void this.hub.ready().then(() => {
        if (this.unsubscribe === subscription) this.onEvent({ kind: 'resync' });
      });
    }
    return () => {
      this.watchers.delete(watcher);
      if (this.watchers.size > 0) return;
      this.unsubscribe?.();
      this.unsubscribe = null;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.onEmpty();
    };
  }

  private onEvent(_event: LiveEvent): void {
    if (this.isLoading) {
      // A change during a reload may not be in its result: reload once more afterwards.
      this.isDirty = true;
      return;
    }
    this.timer ??= setTimeout(() => void this.reload(), this.coalesceMs);
  }

  private async reload(): Promise<void> {
    this.timer = null;
    this.isLoading = true;
    this.isDirty = false;
    try {
      const value = await this.load();
      for (const watcher of [...this.watchers]) watcher(value);
    } catch (error) {
      console.warn('[joinder] live reload failed:', (error as Error).message);
    } finally {
      this.isLoading = false;
      if (this.isDirty && this.watchers.size > 0) this.onEvent({ kind: 'resync' });
    }
  }
}

/** One feed per key (case id and kind) per instance, dropped when its last watcher leaves. */
export function feedRegistry<T>(coalesceMs = COALESCE_MS) {
  const feeds = new Map<string, CaseFeed<T>>();
  return (hub: LiveHub, key: string, caseId: string, load: () => Promise<T>): CaseFeed<T> => {
    let feed = feeds.get(key);
    if (!feed) {
      feed = new CaseFeed(hub, caseId, load, () => feeds.delete(key), coalesceMs);
      feeds.set(key, feed);
    }
    return feed;
  };
}
