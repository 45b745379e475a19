import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail in chains: one per case (`chain` = the case id) and one for platform
 * events (`platform`), so work in different cases never waits on one lock. Each row carries its
 * place in its chain (`seq`, from 1), the previous row's hash and its own: an HMAC-SHA-256 under
 * a key kept outside the database (lib/audit/keys.ts, `keyId` names it), computed and verified in
 * application code. A trigger refuses UPDATE, DELETE and TRUNCATE. Rows written before the chains
 * were keyed form the `legacy` chain (unkeyed SHA-256, in id order). `details` never holds
 * personal data itself, only ids and counts.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    caseId: uuid('case_id'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    ip: text('ip'),
    details: jsonb('details').notNull().default({}),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    keyId: text('key_id').notNull().default(''),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('audit_log_chain_seq_key').on(t.chain, t.seq),
    index('audit_log_case_idx').on(t.caseId, t.id),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_actor_idx').on(t.actorUserId, t.id),
    index('audit_log_action_idx').on(t.action, t.id),
  ],
);

/**
 * The head of each chain: its last `seq` and hash. Appending locks this one row until commit,
 * which orders a chain's rows without touching any other chain.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  hash: text('hash').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
export type AuditChainHead = typeof auditChainHeads.$inferSelect;
