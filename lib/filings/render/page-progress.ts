/** What the worker posts while it renders: pages done of the (estimated, then exact) total. */
export type RenderProgress = { done: number; total: number; phase: 'render' | 'assemble' };

const REPORT_EVERY_MS = 200;

/**
 * Pages done of total across documents rendered one after another. A document's page count is
 * known only once it is drawn, so each starts with an estimate that is replaced by the real
 * count when it is finished; the total only ever narrows towards the truth, and `done` never
 * goes back.
 */
export class PageProgress {
  private readonly pages: number[];
  private readonly isFinal: boolean[];
  private current = 0;
  private fraction = 0;
  private lastReportAt = 0;
  private lastDone = 0;

  constructor(
    estimates: readonly number[],
    private readonly report: (progress: RenderProgress) => void,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.pages = estimates.map((estimate) => Math.max(1, Math.round(estimate)));
    this.isFinal = estimates.map(() => false);
  }

  begin(index: number): void {
    this.current = index;
    this.fraction = 0;
    this.emit(true);
  }

  /** Share (0–1) of the current document drawn so far. */
  advance(done: number, total: number): void {
    this.fraction = total > 0 ? Math.min(1, done / total) : 0;
    this.emit(false);
  }

  finish(index: number, pageCount: number): void {
    this.pages[index] = pageCount;
    this.isFinal[index] = true;
    this.fraction = 0;
    this.current = index + 1;
    this.emit(true);
  }

  get total(): number {
    return this.pages.reduce((sum, pages) => sum + pages, 0);
  }

  /** Assembly copies every page once more; reported against the exact page count. */
  assemble(done: number, total: number): void {
    this.report({ done, total, phase: 'assemble' });
  }

  private emit(isForced: boolean): void {
    const at = this.now();
    if (!isForced && at - this.lastReportAt < REPORT_EVERY_MS) return;
    this.lastReportAt = at;
    let done = 0;
    for (let index = 0; index < this.current && index < this.pages.length; index++) done += this.pages[index];
    if (this.current < this.pages.length) done += Math.floor(this.pages[this.current] * this.fraction);
    const total = this.total;
    this.lastDone = Math.min(total, Math.max(this.lastDone, done));
    this.report({ done: this.lastDone, total, phase: 'render' });
  }
}
