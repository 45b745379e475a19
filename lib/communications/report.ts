import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { commRecipients } from '@/db/schema';

export const RECIPIENT_STATUSES = ['queued', 'sending', 'sent', 'deferred', 'bounced', 'failed', 'suppressed'] as const;
export type DeliverySummary = Record<(typeof RECIPIENT_STATUSES)[number], number> & { total: number };

/** Per-state counts of one message: mailed, re-tried, undeliverable, skipped — what a court report needs. */
export async function summarizeDelivery(db: Database, caseId: string, messageId: string): Promise<DeliverySummary> {
  const rows = await db
    .select({ status: commRecipients.status, count: sql<number>`count(*)::int` })
    .from(commRecipients)
    .where(and(eq(commRecipients.caseId, caseId), eq(commRecipients.messageId, messageId)))
    .groupBy(commRecipients.status);
  const summary = Object.fromEntries(RECIPIENT_STATUSES.map((status) => [status, 0])) as DeliverySummary;
  summary.total = 0;
  for (const row of rows) {
    summary[row.status] = row.count;
    summary.total += row.count;
  }
  return summary;
}

const csvCell = (value: string) =>
  /[",\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : value;

/**
 * The delivery report as CSV: one line per recipient with state, attempts, time sent and the
 * reason. Addresses are masked (the report goes to a court file, not the address itself); the
 * idempotency key ties a line to the person in the case's own records.
 */
export async function deliveryReportCsv(db: Database, caseId: string, messageId: string): Promise<string> {
  const rows = await db
    .select({
      key: commRecipients.idempotencyKey,
      address: commRecipients.address,
      status: commRecipients.status,
      attempts: commRecipients.attempts,
      sentAt: commRecipients.sentAt,
      error: commRecipients.error,
      locale: commRecipients.locale,
    })
    .from(commRecipients)
    .where(and(eq(commRecipients.caseId, caseId), eq(commRecipients.messageId, messageId)))
    .orderBy(asc(commRecipients.createdAt), asc(commRecipients.id));
  const lines = ['recipient,address,language,status,attempts,sent_at,reason'];
  for (const row of rows) {
    lines.push(
      [
        row.key.split(':')[1] ?? '',
        maskAddress(row.address),
        row.locale,
        row.status,
        String(row.attempts),
        row.sentAt?.toISOString() ?? '',
        row.error ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** hong@example.com → h***@example.com; a phone (stored encrypted) is never shown. */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at < 0) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}
