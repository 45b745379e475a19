import { parentPort, workerData } from 'node:worker_threads';

type TaskModule = Record<string, (input: unknown, report: (progress: unknown) => void) => Promise<unknown>>;

/**
 * The buffers of a result's byte arrays (the result itself, or arrays and objects of them, a few
 * levels down), moved to the main thread instead of copied: copying a few hundred megabytes of
 * rendered files would stall the web server while it deserializes them and double the memory.
 */
function transferablesOf(value: unknown, depth = 0, found = new Set<ArrayBuffer>()): Set<ArrayBuffer> {
  if (value instanceof Uint8Array) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (depth < 3 && value !== null && typeof value === 'object')
    for (const item of Array.isArray(value) ? value : Object.values(value)) transferablesOf(item, depth + 1, found);
  return found;
}

/** Inside the worker: loads the requested module, runs its export, posts progress and the result. */
async function main() {
  const { module, exportName, input } = workerData as { module: string; exportName: string; input: unknown };
  // require, not import(): only the CommonJS hook registered by worker-bootstrap.cjs compiles TypeScript here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(module) as TaskModule;
  const run = loaded[exportName];
  if (typeof run !== 'function') throw new Error(`${module} has no export ${exportName}`);
  const result = await run(input, (progress) => parentPort?.postMessage({ type: 'progress', value: progress }));
  const transfer = [...transferablesOf(result)];
  parentPort?.postMessage({ type: 'result', value: result }, transfer);
}

main().catch((error: unknown) => parentPort?.postMessage({ type: 'error', error: error instanceof Error ? error.message : String(error) }));
