import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditChainBreak = {
  id: number;
  action: string;
  occurredAt: Date;
  /** `hash`: the row's content no longer matches its hash (edited); `link`: it does not follow the row before (deleted, inserted or re-hashed). */
  reason: 'hash' | 'link';
  expected: string;
  found: string;
};

export type AuditChainReport = {
  ok: boolean;
  checked: number;
  /** The last row checked: record its id and hash elsewhere to detect a truncated tail later. */
  head: { id: number; hash: string } | null;
  broken: AuditChainBreak | null;
};

/**
 * Walks the audit trail in id order (the order the chain trigger links rows in) and recomputes each
 * row's hash with the database's own `audit_log_digest` — the function the trigger used — so the
 * check reproduces exactly what was stored. Stops at, and names, the first row that breaks.
 */
export async function verifyAuditChain(
  db: Database,
  options: { batchSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 5_000;
  let previousHash = '';
  let afterId = 0;
  let checked = 0;
  let head: AuditChainReport['head'] = null;
  for (;;) {
    const rows = await db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        occurredAt: auditLog.occurredAt,
        prevHash: auditLog.prevHash,
        hash: auditLog.hash,
        recomputed: sql<string>`audit_log_digest(${auditLog.prevHash}, ${auditLog.id}, ${auditLog.occurredAt}, ${auditLog.actorUserId}, ${auditLog.action}, ${auditLog.caseId}, ${auditLog.subjectType}, ${auditLog.subjectId}, ${auditLog.ip}, ${auditLog.details})`,
      })
      .from(auditLog)
      .where(gt(auditLog.id, afterId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    for (const row of rows) {
      const base = { id: row.id, action: row.action, occurredAt: row.occurredAt };
      if (row.prevHash !== previousHash)
        return { ok: false, checked, head, broken: { ...base, reason: 'link', expected: previousHash, found: row.prevHash } };
      if (row.recomputed !== row.hash)
        return { ok: false, checked, head, broken: { ...base, reason: 'hash', expected: row.recomputed, found: row.hash } };
      previousHash = row.hash;
      head = { id: row.id, hash: row.hash };
      checked++;
    }
    options.onProgress?.(checked);
    if (rows.length < batchSize) return { ok: true, checked, head, broken: null };
    afterId = rows[rows.length - 1].id;
  }
}

/** A row recorded earlier (id and hash) must still be there with the same hash. */
export async function checkAuditAnchor(db: Database, anchor: { id: number; hash: string }): Promise<boolean> {
  if (!Number.isSafeInteger(anchor.id) || !anchor.hash) return false;
  const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, anchor.id));
  return row?.hash === anchor.hash;
}
