/**
 * JSON for signed-in staff: never cached by anyone, with the time the server spent in a
 * Server-Timing header (what the dashboard bench holds to p95 ≤ 50 ms).
 */
export function privateJson(body: unknown, startedAt: number): Response {
  return Response.json(body, {
    headers: { 'Cache-Control': 'private, no-store', 'Server-Timing': `app;dur=${(performance.now() - startedAt).toFixed(1)}` },
  });
}
