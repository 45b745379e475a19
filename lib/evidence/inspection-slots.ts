import os from 'node:os';
import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Judging a file (the PDF sandbox, the image re-encode) needs all of it in memory and a core's
 * worth of CPU, then storing it holds the cleaned bytes until the store has them. A campaign's
 * first hours bring hundreds of uploads at once: they wait here, staged on disk, and only a few
 * are in memory at a time — so the server's memory grows with this number, not with the crowd.
 * One queue per process (the one-shot and the resumable routes are bundled apart).
 */
const SLOTS_KEY = Symbol.for('joinder.evidence-inspection-slots');

function slots(): LimitFunction {
  const shared = globalThis as typeof globalThis & { [SLOTS_KEY]?: LimitFunction };
  shared[SLOTS_KEY] ??= pLimit(Math.max(2, os.availableParallelism()));
  return shared[SLOTS_KEY];
}

export function withInspectionSlot<T>(work: () => Promise<T>): Promise<T> {
  return slots()(work);
}
