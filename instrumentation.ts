/**
 * Runs once when the Next.js server starts, before it serves a request: migrations, the demo seed
 * on a fresh embedded database, and the background job runner.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootServer } = await import('./lib/server/boot');
  await bootServer();
}
