/**
 * PostgreSQL ends a deadlock by aborting one of the two transactions (40P01). The aborted one
 * wrote nothing, so it may simply run again. Audited work that writes to more than one chain (a
 * person's claims in several cases) can meet another such transaction going the other way round.
 */
export async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
    }
  }
}

/** Drizzle wraps the driver's error ("Failed query: …", the PostgreSQL error as its cause). */
function isDeadlock(error: unknown): boolean {
  for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === '40P01') return true;
  }
  return false;
}
