// Compiles the code that runs outside Next.js — the launcher (`npm start`), the HTTP server around
// Next, and the worker-thread entry with its task modules — into dist/, so production runs
// JavaScript and no TypeScript loader (tsx) is involved at run time. Part of `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --outdir and --task are for the test that runs a compiled worker (lib/server/compiled-build.test.ts).
const { values } = parseArgs({ options: { outdir: { type: 'string' }, task: { type: 'string', multiple: true } } });
const outdir = path.resolve(root, values.outdir ?? 'dist');

/** Modules that run in worker threads (lib/jobs/worker-thread.ts), compiled to dist/workers/<same path>.js. */
const WORKER_TASKS = ['lib/filings/render/render-packet.ts', ...(values.task ?? [])];

const entryPoints = [
  { in: 'lib/server/start.ts', out: 'server/start' },
  { in: 'lib/server/serve.ts', out: 'server/serve' },
  { in: 'lib/jobs/worker-entry.ts', out: 'workers/worker-entry' },
  ...WORKER_TASKS.map((task) => ({ in: task, out: `workers/${task.replace(/\.ts$/, '')}` })),
];

const started = Date.now();
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Our code (the @/ paths) is bundled; packages load from node_modules as they are, native
  // addons and WASM included.
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
fs.writeFileSync(path.join(outdir, 'BUILT_AT'), `${new Date().toISOString()}\n`);
console.log(`[build] compiled the server and worker code into ${path.relative(root, outdir)}/ in ${Date.now() - started} ms`);
