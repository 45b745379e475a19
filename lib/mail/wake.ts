/**
 * A nudge for this process's sweeper after a mail is queued, so a mail goes out within moments
 * instead of at the next poll. It may come before the caller's transaction commits; the sweeper
 * then finds nothing and the next poll picks the mail up. Kept apart from the sweeper so that
 * queueing a mail loads no SMTP code.
 *
 * The listener lives on globalThis: the compiled server (dist/) that starts the job runner and the
 * Next.js bundle whose actions queue mail each load their own copy of this module, and a
 * module-level variable would leave the actions nudging nobody.
 */
const WAKE_KEY = Symbol.for('joinder.mailQueuedListener');
type GlobalWithWake = typeof globalThis & { [WAKE_KEY]?: () => void };

export function onMailQueued(listener: (() => void) | undefined): void {
  (globalThis as GlobalWithWake)[WAKE_KEY] = listener;
}

export function kickMailSweeper(): void {
  const wake = (globalThis as GlobalWithWake)[WAKE_KEY];
  if (wake) setTimeout(wake, 5).unref?.();
}
