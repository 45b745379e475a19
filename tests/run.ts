import path from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * `npm test`: unit and integration tests (each file on its own fresh database: in-memory PGlite,
 * or a new database on the server when DATABASE_URL is set), then the end-to-end browser tests.
 * Arguments after `--` go to vitest for the first part.
 */
function run(args: string[]): number {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

const target = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite';
console.log(`\n== Unit and integration tests on ${target} ==`);
const unit = run([path.join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)]);
if (unit !== 0) process.exit(unit);
console.log(`\n== End-to-end tests in chromium on ${target} ==`);
process.exit(run([require.resolve('tsx/cli'), 'e2e/run.ts']));
