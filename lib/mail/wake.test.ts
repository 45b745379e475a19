import { describe, expect, it, vi } from 'vitest';

describe('the mail-queued nudge', () => {
  it('reaches a listener set by another copy of the module (the compiled server and the Next.js bundle each load one)', async () => {
    const runnerCopy = await import('./wake');
    vi.resetModules();
    const bundleCopy = await import('./wake');
    expect(bundleCopy).not.toBe(runnerCopy);
    const listener = vi.fn();
    runnerCopy.onMailQueued(listener);
    bundleCopy.kickMailSweeper();
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    runnerCopy.onMailQueued(undefined);
  });
});
