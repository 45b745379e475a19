import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditChainHeads, auditLog } from '@/db/schema';
import { auditRowHash } from './digest';
import { signingAuditKey } from './keys';

/**
 * Audit actions. Each is written in the same transaction as the action itself, so there is never
 * an action without its row or a row without its action. `details` holds ids, counts, hashes and
 * status names — never the personal data itself (names, addresses, statement texts). The list is
 * also what the admin audit browser offers as filters.
 */
export const AUDIT_ACTIONS = [
  'statement.signed',
  'consent.signed',
  'claim.submitted',
  'claim.withdrawn',
  'claim.answered',
  'review.verified',
  'review.rejected',
  'review.info_requested',
  'review.assigned',
  'review.note_added',
  'flag.dismissed',
  'flag.confirmed',
  'evidence.uploaded',
  'evidence.removed',
  'evidence.viewed',
  'evidence.downloaded',
  'evidence.exhibit_fields_set',
  'claimant.viewed',
  'filing.requested',
  'filing.generated',
  'filing.failed',
  'filing.cancelled',
  'filing.downloaded',
  'filing.recorded',
  'filing.discarded',
  'filing.record_corrected',
  'export.supporters',
  'export.claimants',
  'export.own_data',
  'account.erased',
  'account.restricted',
  'membership.granted',
  'membership.changed',
  'membership.revoked',
  'auth.totp_enabled',
  'auth.password_reset',
  'auth.reauth_failed',
  'auth.reauth_throttled',
  'membership.invited',
  'membership.accepted',
  'case.created',
  'case.updated',
  'auth.totp_disabled',
  'auth.recovery_codes_created',
  'auth.recovery_code_used',
  'keys.rotated',
  'backup.restored',
  'job.retried',
  // Sign-ins, both ways, and resets: the platform chain (they belong to no case).
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.password_reset_requested',
  'auth.signed_out',
  'claim_definition.published',
  'claim.definition_moved',
  // Communications (lib/communications): who wrote, to which segment, how many, who approved.
  'communication.created',
  'communication.test_sent',
  'communication.approval_requested',
  'communication.approved',
  'communication.scheduled',
  'communication.frozen',
  'communication.cancelled',
  'communication.unsubscribed',
  // Filing rounds and deficiency notices (lib/rounds, lib/deficiencies).
  'round.opened',
  'deficiency.sent',
  'deficiency.cured',
  'deficiency.expired',
  'deficiency.reasons_saved',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntryInput = {
  action: AuditAction;
  actorUserId: string | null;
  caseId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/** The chain an entry belongs to: its case's, or the platform's for events outside any case. */
export const PLATFORM_CHAIN = 'platform';
export function auditChainOf(caseId: string | null | undefined): string {
  return caseId ?? PLATFORM_CHAIN;
}

/**
 * Appends one entry to its chain inside the caller's transaction (one is opened when the caller
 * has none). Locking the chain's head row orders the chain until commit and holds up nothing in
 * other cases: a 200-claimant bulk decision in one case never delays an audited action in
 * another. The HMAC is computed here, with a key the database never sees.
 */
export async function recordAudit(db: Database, entry: AuditEntryInput): Promise<void> {
  // A transaction has rollback(), the database does not. (Not `instanceof PgTransaction`: a tsx
  // or bundler run can load drizzle's ESM and CJS builds side by side, and then it never matches.)
  if (typeof (db as { rollback?: unknown }).rollback !== 'function') await db.transaction((tx) => appendToChain(tx, entry));
  else await appendToChain(db, entry);
}

/**
 * Appends entries that may belong to several chains (a person's claims in several cases) in one
 * order of chains for every caller, so two such transactions queue on the first head they share
 * instead of each holding a head the other waits for (a deadlock PostgreSQL ends by aborting one).
 * Entries of one chain keep the order given. The platform chain sorts after every case's (case
 * ids are UUIDs): a transaction that appends to it afterwards keeps to the same order.
 */
export async function recordAudits(db: Database, entries: readonly AuditEntryInput[]): Promise<void> {
  const ordered = entries
    .map((entry, index) => ({ entry, index, chain: auditChainOf(entry.caseId) }))
    .sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : a.index - b.index));
  const appendAll = async (tx: Database) => {
    for (const { entry } of ordered) await appendToChain(tx, entry);
  };
  if (typeof (db as { rollback?: unknown }).rollback !== 'function') await db.transaction(appendAll);
  else await appendAll(db);
}

async function appendToChain(db: Database, entry: AuditEntryInput): Promise<void> {
  const chain = auditChainOf(entry.caseId);
  // Upsert as a lock: creates the head of a new chain, or locks and returns the existing one.
  const [head] = await db
    .insert(auditChainHeads)
    .values({ chain, seq: 0, hash: '' })
    .onConflictDoUpdate({ target: auditChainHeads.chain, set: { chain: sql`excluded.chain` } })
    .returning({ seq: auditChainHeads.seq, hash: auditChainHeads.hash });
  const key = signingAuditKey();
  const fields = {
    chain,
    seq: head.seq + 1,
    prevHash: head.hash,
    // Milliseconds, as hashed: the verifier reads back exactly this instant.
    occurredAt: new Date(),
    actorUserId: entry.actorUserId,
    action: entry.action,
    caseId: entry.caseId ?? null,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  };
  const hash = auditRowHash(key, fields);
  // One round trip for both writes: the row, and the head moved on to it.
  await db.execute(sql`
    with inserted as (
      insert into ${auditLog} (occurred_at, actor_user_id, action, case_id, subject_type, subject_id, ip, details, chain, seq, key_id, prev_hash, hash)
      values (${fields.occurredAt.toISOString()}::timestamptz, ${fields.actorUserId}, ${fields.action}, ${fields.caseId}, ${fields.subjectType},
        ${fields.subjectId}, ${fields.ip}, ${JSON.stringify(fields.details)}::jsonb, ${chain}, ${fields.seq}, ${key.id}, ${fields.prevHash}, ${hash})
    )
    update ${auditChainHeads} set seq = ${fields.seq}, hash = ${hash}, updated_at = now() where chain = ${chain}`);
}
