import { parentPort, workerData } from 'node:worker_threads';

type TaskModule = Record<string, (input: unknown, report: (progress: unknown) => void) => Promise<unknown>>;

/** Inside the worker: loads the requested module, runs its export, posts progress and the result. */
async function main() {
  const { module, exportName, input } = workerData as { module: string; exportName: string; input: unknown };
  // require, not import(): only the CommonJS hook registered by worker-bootstrap.cjs compiles TypeScript here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(module) as TaskModule;
  const run = loaded[exportName];
  if (typeof run !== 'function') throw new Error(`${module} has no export ${exportName}`);
  const result = await run(input, (progress) => parentPort?.postMessage({ type: 'progress', value: progress }));
  const transfer = result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : [];
  parentPort?.postMessage({ type: 'result', value: result }, transfer);
}

main().catch((error: unknown) => parentPort?.postMessage({ type: 'error', error: error instanceof Error ? error.message : String(error) }));
