import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { preparePrivateDir, setPrivateUmask } from '@/db/data-dir';
import { getEnv, getSecrets, isEmbeddedDatabase, resolveDataDir } from '@/lib/env';
import { isBuildStale, runBuild, serverCommand } from './build-freshness';

/**
 * `npm start` (compiled to dist/server/start.js): checks the configuration (a deployment's
 * secrets, a private data folder), builds when the build is missing or older than the sources
 * (`npm run build`: Next plus dist/), then serves the build with the compiled dist/server/serve.js.
 * Migrations, the demo seed and the job runner run inside the server process (instrumentation.ts),
 * the only process allowed to open the embedded database.
 */
function main() {
  setPrivateUmask();
  const env = getEnv();
  let secrets: ReturnType<typeof getSecrets>;
  try {
    // The folder first: a refused start must not leave generated keys behind.
    if (isEmbeddedDatabase()) preparePrivateDir(resolveDataDir());
    secrets = getSecrets();
  } catch (error) {
    // A configuration mistake, not a crash: the message says what to set or run.
    console.error(`[joinder] ${(error as Error).message}`);
    process.exit(1);
  }
  if (isBuildStale()) {
    console.log('[joinder] building the app (first start or sources changed)…');
    const status = runBuild();
    if (status !== 0) process.exit(status);
  }
  if (isEmbeddedDatabase()) {
    const lock = path.join(resolveDataDir(), 'joinder.lock');
    if (fs.existsSync(lock)) {
      const { pid } = JSON.parse(fs.readFileSync(lock, 'utf8')) as { pid: number };
      try {
        process.kill(pid, 0);
        console.error(`[joinder] the embedded database in ${resolveDataDir()} is in use by process ${pid}. Stop it first.`);
        process.exit(1);
      } catch {
        // Stale lock from a process that is gone; the server takes it over.
      }
    }
  }
  const child = spawn(process.execPath, serverCommand(), {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(env.PORT),
      // glibc gives each thread its own malloc arenas; with the PDF worker threads that fragments
      // into ~1 GB peaks for a big exhibit bundle. Two arenas keep it near 800 MB at no speed cost.
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
      AUTH_SECRET: secrets.authSecret,
      JOINDER_ENCRYPTION_KEYS: secrets.encryptionKeys,
      JOINDER_BLIND_INDEX_KEY: secrets.blindIndexKey,
      JOINDER_AUDIT_KEYS: secrets.auditKeys,
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
