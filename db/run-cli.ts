import { closeDb } from './client';

/**
 * Waits until everything written to stdout and stderr so far has been handed to the OS. Writes to
 * a pipe are asynchronous on POSIX, so `process.exit` right after a long report (one line per
 * appointing party of `authority:verify`, piped to `tee` or a CI log) would cut it short.
 */
async function flushOutput(): Promise<void> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
}

/**
 * Runs a command-line tool's main: closes the database whatever happens (a PGlite folder stays
 * locked while open), then exits with main's code, or with `failureCode` and the message alone —
 * no stack trace — when it throws. Output is flushed first, so a piped report arrives whole.
 */
export function runCli(main: () => Promise<number>, failureCode = 2): void {
  main()
    .then(async (code) => {
      await closeDb();
      await flushOutput();
      process.exit(code);
    })
    .catch(async (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      await closeDb().catch(() => {});
      await flushOutput();
      process.exit(failureCode);
    });
}
