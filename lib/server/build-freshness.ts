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

export function isBuildStale(root = process.cwd()): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(root, input) > builtAt);
}

export function nextBin(): string {
  return require.resolve('next/dist/bin/next');
}
