import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { filings } from '@/db/schema';
import type { JobContext } from '@/lib/jobs/types';
import type { RenderProgress } from './render/page-progress';

/** The progress bar polls every second; writing more often would only load the database. */
export const PROGRESS_WRITE_MS = 1_000;

/**
 * Watches one render: writes the latest page count to the filing once a second (pg-boss keeps
 * the job's own heartbeat), and aborts the render as soon as the filing is no longer running —
 * a lawyer cancelled it — without waiting for pg-boss's slower heartbeat to notice.
 */
export class RunMonitor {
  readonly controller = new AbortController();
  private latest: RenderProgress = { done: 0, total: 0, phase: 'render' };
  private timer: ReturnType<typeof setInterval> | undefined;
  private writing: Promise<void> | undefined;
  private isCancelled = false;

  constructor(
    private readonly db: Database,
    private readonly filingId: string,
    private readonly context: JobContext,
  ) {
    if (context.signal.aborted) this.controller.abort(context.signal.reason);
    context.signal.addEventListener('abort', () => this.controller.abort(context.signal.reason), { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True when the render stopped because the filing was cancelled (not because the server is going down). */
  get wasCancelled(): boolean {
    return this.isCancelled;
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), PROGRESS_WRITE_MS);
  }

  update = (progress: unknown): void => {
    this.latest = progress as RenderProgress;
  };

  /** Writes the latest progress; one write at a time. */
  flush(): Promise<void> {
    this.writing ??= this.write().finally(() => (this.writing = undefined));
    return this.writing;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async write(): Promise<void> {
    const { done, total } = this.latest;
    try {
      const [still] = await this.db
        .update(filings)
        .set({ progressDone: done, progressTotal: total })
        .where(and(eq(filings.id, this.filingId), eq(filings.status, 'running')))
        .returning({ id: filings.id });
      if (!still) {
        this.isCancelled = true;
        this.controller.abort(new Error('cancelled'));
      }
    } catch (error) {
      // A missed progress write is harmless; the next tick tries again.
      console.warn('[joinder] filing progress:', (error as Error).message);
    }
  }
}
