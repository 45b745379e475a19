// `npm start`: the launcher is compiled too (dist/server/start.js). On a fresh checkout there is
// no dist yet, so build once first; from then on the launcher itself rebuilds when sources change.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const launcher = path.join(root, 'dist', 'server', 'start.js');
if (!fs.existsSync(launcher)) {
  console.log('[joinder] building the app (first start)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
createRequire(import.meta.url)(launcher);
