import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { type AuditKey, hmacHex } from './keys';

/** The fields a chained row's HMAC covers: everything it says, its place in its chain, its predecessor. */
export type ChainedFields = {
  chain: string;
  seq: number;
  prevHash: string;
  occurredAt: Date;
  actorUserId: string | null;
  action: string;
  caseId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  details: unknown;
};

/**
 * Canonical JSON (sorted keys, one spelling per value) of the row, so writer and verifier hash
 * the same text whatever order jsonb hands the details back in. The time is to the millisecond,
 * as written (lib/audit/record.ts).
 */
export function canonicalAuditText(fields: ChainedFields): string {
  return stringify({
    v: 1,
    chain: fields.chain,
    seq: fields.seq,
    prev: fields.prevHash,
    at: fields.occurredAt.toISOString(),
    actor: fields.actorUserId,
    action: fields.action,
    caseId: fields.caseId,
    subjectType: fields.subjectType,
    subjectId: fields.subjectId,
    ip: fields.ip,
    details: JSON.parse(JSON.stringify(fields.details ?? {})),
  })!;
}

export function auditRowHash(key: AuditKey, fields: ChainedFields): string {
  return hmacHex(key, canonicalAuditText(fields));
}

/**
 * The digest rows written before the chains were keyed carry (the dropped database function
 * `audit_log_digest`, same fields, same separator): time and details as PostgreSQL prints them.
 */
export function legacyRowHash(row: {
  prevHash: string;
  id: number;
  occurredAtText: string;
  actorUserId: string | null;
  action: string;
  caseId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  detailsText: string;
}): string {
  const parts = [
    row.prevHash,
    String(row.id),
    row.occurredAtText,
    row.actorUserId ?? '',
    row.action,
    row.caseId ?? '',
    row.subjectType ?? '',
    row.subjectId ?? '',
    row.ip ?? '',
    row.detailsText,
  ];
  return createHash('sha256').update(parts.join('\x1f'), 'utf8').digest('hex');
}
