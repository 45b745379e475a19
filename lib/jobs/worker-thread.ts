import fs from 'node:fs';
import path from 'node:path';
import { type TransferListItem, Worker } from 'node:worker_threads';

export type WorkerTask = {
  /** Module path relative to the project root, e.g. `lib/filings/render-packet.ts`. */
  module: string;
  /** Name of an exported async function `(input, report) => output`. */
  exportName: string;
  input: unknown;
  /** Moved to the worker instead of copied: ArrayBuffers, or a MessagePort for a conversation with the task. */
  transferList?: TransferListItem[];
  timeoutMs?: number;
  maxHeapMb?: number;
  signal?: AbortSignal;
  onProgress?: (progress: unknown) => void;
};

export class WorkerTaskError extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'aborted' | 'crashed' | 'failed',
  ) {
    super(message);
    this.name = 'WorkerTaskError';
  }
}

// Loaded from disk at run time, never bundled (turbopackIgnore keeps `next build` from tracing the
// entry and the task modules into the server). A production server (JOINDER_DIST, set by the
// compiled dist/server/serve.js) runs the entry and tasks that `npm run build` compiled into
// dist/workers; from source (tests), the bootstrap registers tsx, which a bundler cannot follow.
function workerFiles(module: string): { entry: string; module: string } {
  const dist = process.env.JOINDER_DIST;
  if (!dist) {
    return {
      entry: path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'jobs', 'worker-bootstrap.cjs'),
      module: path.join(/* turbopackIgnore: true */ process.cwd(), module),
    };
  }
  const compiled = path.join(/* turbopackIgnore: true */ dist, 'workers', module.replace(/\.ts$/, '.js'));
  // A task missing from the build is a build mistake (scripts/build-server.mjs lists the tasks).
  if (!fs.existsSync(compiled)) throw new WorkerTaskError(`${module} is not compiled into ${dist}/workers (npm run build)`, 'failed');
  return { entry: path.join(/* turbopackIgnore: true */ dist, 'workers', 'worker-entry.js'), module: compiled };
}

/**
 * Runs CPU-heavy work (PDF rendering, parsing untrusted files) in a worker thread so the web
 * server's event loop stays responsive, with a hard time limit and heap cap: a hostile input can
 * stall or bloat the worker, never the server. In production the worker runs compiled JavaScript
 * (dist/workers); from source, TypeScript through tsx.
 */
export function runInWorker<T>(task: WorkerTask): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (task.signal?.aborted) return reject(new WorkerTaskError('aborted before start', 'aborted'));
    let files: ReturnType<typeof workerFiles>;
    try {
      files = workerFiles(task.module);
    } catch (error) {
      return reject(error);
    }
    const worker = new Worker(files.entry, {
      workerData: {
        module: files.module,
        exportName: task.exportName,
        input: task.input,
      },
      transferList: task.transferList,
      resourceLimits: task.maxHeapMb
        ? { maxOldGenerationSizeMb: task.maxHeapMb, maxYoungGenerationSizeMb: Math.min(64, task.maxHeapMb) }
        : undefined,
      env: process.env,
    });
    let isSettled = false;
    const settle = (action: () => void) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      task.signal?.removeEventListener('abort', onAbort);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new WorkerTaskError(`worker timed out after ${task.timeoutMs} ms`, 'timeout'))),
      task.timeoutMs ?? 10 * 60_000,
    );
    const onAbort = () => settle(() => reject(new WorkerTaskError('aborted', 'aborted')));
    task.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: { type: 'progress' | 'result' | 'error'; value?: unknown; error?: string }) => {
      if (message.type === 'progress') task.onProgress?.(message.value);
      else if (message.type === 'result') settle(() => resolve(message.value as T));
      else settle(() => reject(new WorkerTaskError(message.error ?? 'worker failed', 'failed')));
    });
    worker.on('error', (error) => settle(() => reject(new WorkerTaskError(error.message, 'crashed'))));
    worker.on('exit', (code) => settle(() => reject(new WorkerTaskError(`worker exited with code ${code}`, 'crashed'))));
  });
}
