import { closeDb } from './client';

/**
 * Runs a command-line tool's main: closes the database whatever happens (a PGlite folder stays
 * locked while open), then exits with main's code, or with `failureCode` and the message alone —
 * no stack trace — when it throws.
 */
export function runCli(main: () => Promise<number>, failureCode = 2): void {
  main()
    .then(async (code) => {
      await closeDb();
      process.exit(code);
    })
    .catch(async (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      await closeDb().catch(() => {});
      process.exit(failureCode);
    });
}
