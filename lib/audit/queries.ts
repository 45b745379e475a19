import { type SQL, and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, cases } from '@/db/schema';
import type { AuditAction } from './record';

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { caseId?: string; action?: AuditAction; actorUserId?: string; beforeId?: number };

export type AuditListEntry = {
  id: number;
  occurredAt: Date;
  action: string;
  actorUserId: string | null;
  caseSlug: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, string>;
  hash: string;
};

/**
 * The newest entries first, filtered by case, action and actor, one page at a time: the cursor is
 * the smallest id shown, so paging stays fast on millions of rows (indexes on case, actor, action
 * with id). The IP is never listed: admins see who by id, not where from.
 */
export async function listAuditEntries(
  db: Database,
  filters: AuditFilters,
  limit = AUDIT_PAGE_SIZE,
): Promise<{ entries: AuditListEntry[]; nextBeforeId: number | null }> {
  const conditions: SQL[] = [];
  if (filters.caseId) conditions.push(eq(auditLog.caseId, filters.caseId));
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.actorUserId) conditions.push(eq(auditLog.actorUserId, filters.actorUserId));
  if (filters.beforeId) conditions.push(lt(auditLog.id, filters.beforeId));
  const rows = await db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      caseSlug: cases.slug,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .leftJoin(cases, eq(cases.id, auditLog.caseId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({ ...row, details: redactAuditDetails(row.details) })),
    nextBeforeId: rows.length > limit ? page[page.length - 1].id : null,
  };
}

const SHOWABLE = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // ids
  /^[0-9a-f]{16,128}$/i, // hashes
  /^[a-z][a-z0-9_.-]{0,47}$/, // statuses, kinds, codes
  /^[A-Z]{2,5}-\d{1,9}$/, // reference numbers such as SLM-000123
];

/**
 * Details are written with ids, counts and hashes only, but the browser does not rely on every
 * writer getting that right: anything that is not a number, a boolean, an id, a hash or a short
 * code is shown as hidden.
 */
export function redactAuditDetails(details: unknown): Record<string, string> {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return {};
  const shown: Record<string, string> = {};
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    if (typeof value === 'number' || typeof value === 'boolean') shown[key] = String(value);
    else if (typeof value === 'string' && SHOWABLE.some((pattern) => pattern.test(value))) shown[key] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'number')) shown[key] = value.join(', ');
    else if (Array.isArray(value)) shown[key] = `[${value.length}]`;
    else shown[key] = '•••';
  }
  return shown;
}

/** The case filter offers every case by slug. */
export async function listCaseSlugs(db: Database): Promise<{ id: string; slug: string }[]> {
  return db.select({ id: cases.id, slug: cases.slug }).from(cases).orderBy(cases.slug);
}
