import type { Database } from '@/db/client';
import { startSession } from '@/lib/auth/sessions';

/**
 * Signs a test user in for route-handler tests. Route handlers read the session through
 * next-auth's getServerSession, which needs Next's request scope; test files replace only that
 * call (vi.mock('next-auth')) with `currentTestSession`, and everything after it — the session row
 * check, the role lookup, the queries — runs for real against the test database.
 */
export const testSession: { current: { user: { id: string; sessionId: string; email: string; name: string } } | null } = { current: null };

export async function signInForTest(db: Database, user: { id: string; email: string; name: string }, isStaff = true): Promise<void> {
  const session = await startSession(db, { userId: user.id, isStaff, ipHash: 'test', userAgent: 'vitest' });
  testSession.current = { user: { id: user.id, sessionId: session.id, email: user.email, name: user.name } };
}

export function signOutForTest(): void {
  testSession.current = null;
}

/** A GET request for a route handler, with the params promise Next passes. */
export function routeRequest<P extends Record<string, string>>(path: string, params: P, headers: Record<string, string> = {}) {
  return [new Request(`http://localhost${path}`, { headers }), { params: Promise.resolve(params) }] as const;
}
