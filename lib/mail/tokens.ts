import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authTokens, caseInvitations, supporters } from '@/db/schema';
import { createToken } from '@/lib/crypto/hash';

export type TokenRequest = { mailId: string; kind: 'auth_token' | 'supporter' | 'invitation'; ref: string };

/**
 * Mints the live token of each mail as it is sent: a fresh random token whose SHA-256 replaces the
 * placeholder hash in the referenced row, in one statement per kind. Only rows still waiting for
 * their link are minted (an unused, unexpired auth token; a signature not withdrawn); a mail whose
 * row is gone, used or superseded gets no token and is not sent. The sweeper is the one writer of
 * these hashes after the row is created: minting again (a retry) makes the earlier link void.
 * Returns mail id → token.
 */
export async function mintMailTokens(db: Database, requests: TokenRequest[], now: Date): Promise<Map<string, string>> {
  const minted = new Map<string, string>();
  for (const kind of ['auth_token', 'supporter', 'invitation'] as const) {
    const wanted = requests.filter((request) => request.kind === kind);
    if (wanted.length === 0) continue;
    const tokens = wanted.map((request) => ({ ...request, ...createToken() }));
    const input = JSON.stringify(tokens.map((token) => ({ id: token.ref, hash: token.tokenHash })));
    const statement =
      kind === 'auth_token'
        ? sql`update ${authTokens} as t set token_hash = v.hash, updated_at = now()
              from jsonb_to_recordset(${input}::jsonb) as v(id uuid, hash text)
              where t.id = v.id and t.used_at is null and t.expires_at > ${now.toISOString()}::timestamptz
              returning t.id::text as id`
        : kind === 'supporter'
          ? sql`update ${supporters} as s set confirm_token_hash = v.hash, updated_at = now()
              from jsonb_to_recordset(${input}::jsonb) as v(id uuid, hash text)
              where s.id = v.id and s.withdrawn_at is null
              returning s.id::text as id`
          : // A role invitation (lib/cases/invitations.ts): only while it is neither accepted nor expired.
            sql`update ${caseInvitations} as i set token_hash = v.hash, updated_at = now()
              from jsonb_to_recordset(${input}::jsonb) as v(id uuid, hash text)
              where i.id = v.id and i.accepted_at is null and i.expires_at > ${now.toISOString()}::timestamptz
              returning i.id::text as id`;
    const result = await db.execute<{ id: string }>(statement);
    const updated = new Set((result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id));
    for (const token of tokens) if (updated.has(token.ref)) minted.set(token.mailId, token.token);
  }
  return minted;
}

/** `https://…/reset-password` + token → `https://…/reset-password?token=…` (or `&token=`). */
export function withToken(url: string, token: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}
