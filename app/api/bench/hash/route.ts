import { randomBytes } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';

/**
 * The sign-up ceiling: a route that does nothing but the one argon2id hash (the app's parameters)
 * every sign-up must pay. `claimant-register` is measured against it in the same run, as the
 * petition is against /api/bench/insert. Off unless JOINDER_BENCH_ROUTES=1.
 */
export async function POST() {
  if (process.env.JOINDER_BENCH_ROUTES !== '1') return Response.json({ error: 'not_found' }, { status: 404 });
  await hashPassword(randomBytes(12).toString('hex'));
  return Response.json({ ok: true }, { status: 201 });
}
