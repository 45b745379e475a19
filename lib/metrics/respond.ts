/**
 * JSON for signed-in staff: never cached by anyone, with the time the server spent in a
 * Server-Timing header (`app` in all; `auth` of it for the session and role check), which is what
 * the dashboard bench holds to p95 ≤ 50 ms.
 */
export function privateJson(body: unknown, startedAt: number, authDoneAt?: number): Response {
  const timings = [`app;dur=${(performance.now() - startedAt).toFixed(1)}`];
  if (authDoneAt !== undefined) timings.push(`auth;dur=${(authDoneAt - startedAt).toFixed(1)}`);
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-store', 'Server-Timing': timings.join(', ') } });
}
