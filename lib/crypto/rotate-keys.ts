import { type SQL, and, asc, count, eq, gt, isNotNull, notLike, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { type EncryptedColumn, ENCRYPTED_COLUMNS, SEALED_JSON_COLUMNS } from './encrypted-columns';
import { currentEncryptionKeyId, reencryptField } from './field-encryption';

export type RotationProgress = { column: string; rotated: number; failed: number };
export type RotationReport = { keyId: string; rotated: number; failed: number; columns: RotationProgress[] };

/** Values of one column still encrypted under another key than the current one. */
function isStale(entry: EncryptedColumn, keyId: string) {
  return and(isNotNull(entry.column), notLike(entry.column, `${keyId}.%`));
}

/** The sealed values (`{ "$encrypted": … }` at the top level) of a JSON column, one row each. */
function sealedValuesOf(entry: EncryptedColumn): SQL {
  return sql`jsonb_each(case when jsonb_typeof(${entry.column}) = 'object' then ${entry.column} else '{}'::jsonb end)`;
}

/** A sealed value still encrypted under another key than the current one (`sealed` is a row of sealedValuesOf). */
function isStaleSealed(keyId: string): SQL {
  return sql`jsonb_typeof(sealed.value) = 'object' and sealed.value->>'$encrypted' is not null and sealed.value->>'$encrypted' not like ${`${keyId}.%`}`;
}

/** How many stored values are not yet under the current key (0 once rotation is complete). */
export async function countStaleEncryptedValues(db: Database): Promise<number> {
  const keyId = currentEncryptionKeyId();
  let total = 0;
  for (const entry of ENCRYPTED_COLUMNS) {
    const [{ n }] = await db.select({ n: count() }).from(entry.table).where(isStale(entry, keyId));
    total += n;
  }
  for (const entry of SEALED_JSON_COLUMNS) {
    const [{ n }] = await db
      .select({ n: count() })
      .from(sql`${entry.table}, ${sealedValuesOf(entry)} as sealed`)
      .where(isStaleSealed(keyId));
    total += n;
  }
  return total;
}

/**
 * Re-encrypts every encrypted column to the current (first configured) key, in batches of short
 * transactions so the app keeps running. Resumable by construction: only values not yet on the
 * current key are read, so a run stopped half-way simply continues where it left off. Each update
 * names the old ciphertext, so a value the app changed meanwhile is left alone (it is already new).
 * A value no configured key can open is counted as failed and skipped, never overwritten.
 */
export async function rotateEncryptionKeys(
  db: Database,
  options: { batchSize?: number; onProgress?: (progress: RotationProgress) => void } = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 500;
  const keyId = currentEncryptionKeyId();
  const columns: RotationProgress[] = [];
  for (const entry of ENCRYPTED_COLUMNS) {
    const progress: RotationProgress = { column: `${entry.tableName}.${entry.columnName}`, rotated: 0, failed: 0 };
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await db
        .select({ id: entry.table.id, value: entry.column })
        .from(entry.table)
        .where(and(isStale(entry, keyId), gt(entry.table.id, afterId)))
        .orderBy(asc(entry.table.id))
        .limit(batchSize)) as { id: string; value: string }[];
      if (rows.length === 0) break;
      await db.transaction(async (tx) => {
        for (const row of rows) {
          let fresh: string | null;
          try {
            fresh = reencryptField(row.value);
          } catch {
            progress.failed++;
            continue;
          }
          const updated = await tx
            .update(entry.table)
            .set({ [keyOf(entry)]: fresh })
            .where(and(eq(entry.table.id, row.id), eq(entry.column, row.value)))
            .returning({ id: entry.table.id });
          progress.rotated += updated.length;
        }
      });
      afterId = rows[rows.length - 1].id;
      options.onProgress?.(progress);
    }
    columns.push(progress);
  }
  for (const entry of SEALED_JSON_COLUMNS) columns.push(await rotateSealedValues(db, entry, keyId, batchSize, options.onProgress));
  const report = { keyId, rotated: sum(columns, 'rotated'), failed: sum(columns, 'failed'), columns };
  await recordAudit(db, {
    action: 'keys.rotated',
    actorUserId: null,
    subjectType: 'encryption_key',
    subjectId: keyId,
    details: { rotated: report.rotated, failed: report.failed },
  });
  return report;
}

/**
 * The sealed values inside a JSON column, re-encrypted like a column's: in batches of short
 * transactions, each row updated only if it is still what was read, a value no key opens counted
 * as failed and left as it is (the row's other values still move).
 */
async function rotateSealedValues(
  db: Database,
  entry: EncryptedColumn,
  keyId: string,
  batchSize: number,
  onProgress?: (progress: RotationProgress) => void,
): Promise<RotationProgress> {
  const progress: RotationProgress = { column: `${entry.tableName}.${entry.columnName}`, rotated: 0, failed: 0 };
  const staleRow = sql`exists (select 1 from ${sealedValuesOf(entry)} as sealed where ${isStaleSealed(keyId)})`;
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await db
      .select({ id: entry.table.id, value: entry.column })
      .from(entry.table)
      .where(and(staleRow, gt(entry.table.id, afterId)))
      .orderBy(asc(entry.table.id))
      .limit(batchSize)) as { id: string; value: Record<string, unknown> }[];
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const fresh: Record<string, unknown> = {};
        let rotated = 0;
        for (const [key, value] of Object.entries(row.value)) {
          fresh[key] = value;
          const sealed = isSealedValue(value) ? value.$encrypted : null;
          if (!sealed || sealed.startsWith(`${keyId}.`)) continue;
          try {
            fresh[key] = { ...(value as object), $encrypted: reencryptField(sealed) };
            rotated++;
          } catch {
            progress.failed++;
          }
        }
        if (rotated === 0) continue;
        const updated = await tx
          .update(entry.table)
          .set({ [keyOf(entry)]: fresh })
          .where(and(eq(entry.table.id, row.id), sql`${entry.column} = ${JSON.stringify(row.value)}::jsonb`))
          .returning({ id: entry.table.id });
        if (updated.length) progress.rotated += rotated;
      }
    });
    afterId = rows[rows.length - 1].id;
    onProgress?.(progress);
  }
  return progress;
}

function isSealedValue(value: unknown): value is { $encrypted: string } {
  return typeof value === 'object' && value !== null && typeof (value as { $encrypted?: unknown }).$encrypted === 'string';
}

/** The property name drizzle knows the column by (the schema's camelCase key). */
function keyOf(entry: EncryptedColumn): string {
  const found = Object.entries(entry.table).find(([, column]) => column === entry.column);
  if (!found) throw new Error(`Column ${entry.columnName} is not on ${entry.tableName}`);
  return found[0];
}

function sum(columns: RotationProgress[], field: 'rotated' | 'failed'): number {
  return columns.reduce((total, column) => total + column[field], 0);
}
