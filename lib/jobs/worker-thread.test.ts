import { describe, expect, it } from 'vitest';
import { WorkerTaskError, runInWorker } from './worker-thread';

const MODULE = 'lib/jobs/__fixtures__/worker-tasks.ts';

describe('runInWorker', () => {
  it('runs a TypeScript export in a worker thread and reports progress', async () => {
    const progress: unknown[] = [];
    const result = await runInWorker<number>({
      module: MODULE,
      exportName: 'sumWithProgress',
      input: { upTo: 100 },
      onProgress: (value) => progress.push(value),
    });
    expect(result).toBe(5050);
    expect(progress).toContainEqual({ done: 100, total: 100 });
  });

  it('stops a runaway task at its time limit', async () => {
    const error = await runInWorker({ module: MODULE, exportName: 'spinForever', input: null, timeoutMs: 1_500 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WorkerTaskError);
    expect((error as WorkerTaskError).reason).toBe('timeout');
  });

  it('stops a task that exceeds its heap cap without harming this process', async () => {
    const error = await runInWorker({
      module: MODULE,
      exportName: 'allocateWithoutLimit',
      input: null,
      maxHeapMb: 64,
      timeoutMs: 30_000,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkerTaskError);
    expect((error as WorkerTaskError).reason).toBe('crashed');
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const pending = runInWorker({ module: MODULE, exportName: 'spinForever', input: null, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await expect(pending).rejects.toMatchObject({ reason: 'aborted' });
  });
});

describe('runInWorker module resolution', () => {
  it('resolves the project’s @/ imports inside the worker', async () => {
    const hash = await runInWorker<string>({ module: MODULE, exportName: 'hashWithAlias', input: { text: 'MS02-039' } });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
