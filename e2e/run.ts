import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isBuildStale, runBuild } from '@/lib/server/build-freshness';
import { CHROMIUM_PATH } from './support/browser';

/**
 * `npm run test:e2e`: builds when needed, then runs the browser tests against a production server
 * on a fresh database. Without chromium it says so loudly and skips only this part.
 */
function main(): number {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    const banner = '!'.repeat(78);
    console.error(
      `\n${banner}\n!! No chromium at ${CHROMIUM_PATH}: END-TO-END BROWSER TESTS SKIPPED.\n!! Install it with: apt-get install -y chromium fonts-nanum\n${banner}\n`,
    );
    return 0;
  }
  if (isBuildStale()) {
    console.log('[e2e] building the app…');
    const status = runBuild();
    if (status !== 0) return status;
  }
  const extra = process.argv.slice(2);
  const run = spawnSync(
    process.execPath,
    [path.join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'vitest.e2e.config.ts', ...extra],
    { stdio: 'inherit', env: process.env },
  );
  return run.status ?? 1;
}

process.exit(main());
