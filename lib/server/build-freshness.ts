import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What the production build is made from; a change to any of them means building again. */
const BUILD_INPUTS = [
  'app',
  'lib',
  'db',
  'public',
  'next.config.js',
  'package-lock.json',
  'proxy.ts',
  'instrumentation.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'scripts/build-server.mjs',
];

function newestMtime(root: string, target: string): number {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(root, path.join(target, entry.name)));
  }
  return newest;
}

/**
 * Both halves of `npm run build` must exist and be newer than every input: the Next build
 * (.next/BUILD_ID) and the compiled server and worker code (dist/BUILT_AT, scripts/build-server.mjs).
 */
export function isBuildStale(root = process.cwd()): boolean {
  const stamps = [path.join(root, '.next', 'BUILD_ID'), path.join(root, 'dist', 'BUILT_AT')];
  if (stamps.some((stamp) => !fs.existsSync(stamp))) return true;
  const builtAt = Math.min(...stamps.map((stamp) => fs.statSync(stamp).mtimeMs));
  return BUILD_INPUTS.some((input) => newestMtime(root, input) > builtAt);
}

export function nextBin(): string {
  return require.resolve('next/dist/bin/next');
}

/** `npm run build`: the Next build, then the server and worker code into dist/. Returns the exit status. */
export function runBuild(root = process.cwd()): number {
  const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1' };
  const next = spawnSync(process.execPath, [nextBin(), 'build'], { cwd: root, stdio: 'inherit', env });
  if (next.status !== 0) return next.status ?? 1;
  const server = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-server.mjs')], { cwd: root, stdio: 'inherit', env });
  return server.status ?? 1;
}

/**
 * How to run the HTTP server: the compiled dist/server/serve.js once `npm run build` made it,
 * else the TypeScript source through tsx (tests and benches on a checkout that was never built).
 */
export function serverCommand(root = process.cwd()): string[] {
  const compiled = path.join(root, 'dist', 'server', 'serve.js');
  return fs.existsSync(compiled) ? ['--enable-source-maps', compiled] : ['--import', 'tsx', path.join(root, 'lib', 'server', 'serve.ts')];
}
