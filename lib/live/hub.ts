/**
 * One listener per app instance: a single LISTEN connection fans counter changes out to every
 * open stream (dashboards, case pages) of this process. The connection itself is injected
 * (`ListenConnect`), so PostgreSQL and PGlite share this logic and tests can break it on purpose.
 */
export const COUNTS_CHANNEL = 'joinder_counts';

/** `changed`: the counters of one case moved. `resync`: notifications may have been missed (the
 * connection was lost and is back); every subscriber should reload what it shows. */
export type LiveEvent = { kind: 'changed'; caseId: string } | { kind: 'resync' };
export type LiveSubscriber = (event: LiveEvent) => void;

/** Opens a listening connection; resolves to its closer. `onLost` is called at most once. */
export type ListenConnect = (onPayload: (payload: string) => void, onLost: (error: Error) => void) => Promise<() => Promise<void>>;

export type LiveHubOptions = { retryMs?: number; maxRetryMs?: number; log?: (message: string) => void };

export class LiveHub {
  private readonly subscribers = new Map<string, Set<LiveSubscriber>>();
  private close: (() => Promise<void>) | null = null;
  private starting: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private isStopped = false;
  private hasConnectedBefore = false;

  constructor(
    private readonly connect: ListenConnect,
    private readonly options: LiveHubOptions = {},
  ) {}

  /** Subscribes to one case's changes (and to resyncs); the first subscriber opens the connection. */
  subscribe(caseId: string, subscriber: LiveSubscriber): () => void {
    let set = this.subscribers.get(caseId);
    if (!set) {
      set = new Set();
      this.subscribers.set(caseId, set);
    }
    set.add(subscriber);
    void this.ensureStarted();
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(caseId);
    };
  }

  get subscriberCount(): number {
    let count = 0;
    for (const set of this.subscribers.values()) count += set.size;
    return count;
  }

  get isConnected(): boolean {
    return this.close !== null;
  }

  /** Resolves once the connection is listening (for tests and the bench); starts it if needed. */
  async ready(): Promise<void> {
    while (!this.close && !this.isStopped) {
      await this.ensureStarted();
      if (!this.close) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.starting;
    const close = this.close;
    this.close = null;
    if (close) await close().catch(() => {});
  }

  private ensureStarted(): Promise<void> {
    if (this.close || this.isStopped || this.retryTimer) return Promise.resolve();
    this.starting ??= this.open().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async open(): Promise<void> {
    let isLost = false;
    try {
      const close = await this.connect(
        (payload) => this.dispatch({ kind: 'changed', caseId: payload }),
        (error) => {
          if (isLost) return;
          isLost = true;
          this.options.log?.(`live listener lost: ${error.message}`);
          const closeLost = this.close;
          this.close = null;
          if (closeLost) void closeLost().catch(() => {});
          this.scheduleRetry();
        },
      );
      if (isLost) return;
      this.close = close;
      this.failures = 0;
      // Whatever changed while nobody listened is unknown: everyone reloads once.
      if (this.hasConnectedBefore) this.dispatch({ kind: 'resync' });
      this.hasConnectedBefore = true;
    } catch (error) {
      this.options.log?.(`live listener could not connect: ${(error as Error).message}`);
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.isStopped || this.retryTimer) return;
    const base = this.options.retryMs ?? 250;
    const delay = Math.min(this.options.maxRetryMs ?? 5_000, base * 2 ** this.failures);
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      // After a loss the connection comes back even with nobody subscribed: it is cheap, and a
      // subscriber arriving meanwhile must not wait for it.
      void this.ensureStarted();
    }, delay);
    this.retryTimer.unref?.();
  }

  private dispatch(event: LiveEvent): void {
    const targets =
      event.kind === 'changed'
        ? [...(this.subscribers.get(event.caseId) ?? [])]
        : [...this.subscribers.values()].flatMap((set) => [...set]);
    for (const subscriber of targets) {
      try {
        subscriber(event);
      } catch (error) {
        this.options.log?.(`live subscriber failed: ${(error as Error).message}`);
      }
    }
  }
}
