import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { supporters } from '@/db/schema';
import { decryptField } from '@/lib/crypto/field-encryption';
import type { getTranslator } from '@/lib/i18n/translator';
import { formatPhoneNumber } from '@/lib/format/numbers';
import { type RegionJurisdiction, regionName } from '@/lib/regions';
import { type CsvColumn, formatOptional } from './csv';

const BATCH_SIZE = 2_000;

/**
 * The contact list of a case's supporters. People who withdrew their signature asked to be left
 * alone and are not exported.
 */
const exportable = (caseId: string) => and(eq(supporters.caseId, caseId), isNull(supporters.withdrawnAt));

/** Where the last batch ended. The time is PostgreSQL's text (microseconds; a JS Date would cut them). */
export type SupporterCursor = { createdAt: string; id: string };

export async function countSupportersForExport(db: Database, caseId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(supporters).where(exportable(caseId));
  return row?.n ?? 0;
}

function selectBatch(db: Database, caseId: string, after: SupporterCursor | null) {
  return db
    .select({
      id: supporters.id,
      cursorAt: sql<string>`${supporters.createdAt}::text`,
      createdAt: supporters.createdAt,
      name: supporters.name,
      email: supporters.email,
      phoneEncrypted: supporters.phoneEncrypted,
      region: supporters.region,
      source: supporters.source,
      locale: supporters.locale,
      confirmedAt: supporters.confirmedAt,
    })
    .from(supporters)
    .where(
      and(
        exportable(caseId),
        after ? sql`(${supporters.createdAt}, ${supporters.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(supporters.createdAt), asc(supporters.id))
    .limit(BATCH_SIZE);
}

export type SupporterExportRow = Awaited<ReturnType<typeof selectBatch>>[number];

/** One batch in sign-up order after the cursor (keyset on the (case_id, created_at) index). */
export async function readSupporterBatch(
  db: Database,
  caseId: string,
  after: SupporterCursor | null,
): Promise<{ rows: SupporterExportRow[]; next: SupporterCursor | null }> {
  const rows = await selectBatch(db, caseId, after);
  const last = rows.at(-1);
  return { rows, next: rows.length === BATCH_SIZE && last ? { createdAt: last.cursorAt, id: last.id } : null };
}

type Translate = ReturnType<typeof getTranslator>;

/** Regions by their names in the export's language, from the case's own list (시·도, or U.S. states). */
export function supporterExportColumns(
  t: Translate,
  jurisdiction: RegionJurisdiction,
  locale: 'ko' | 'en',
): CsvColumn<SupporterExportRow>[] {
  const header = (key: string) => t(`organizer.exports.columns.${key}` as never);
  return [
    { header: header('signedAt'), value: (row) => row.createdAt },
    { header: header('name'), value: (row) => row.name },
    { header: header('email'), value: (row) => row.email },
    { header: header('phone'), value: (row) => formatOptional(decryptField(row.phoneEncrypted), formatPhoneNumber) },
    { header: header('region'), value: (row) => (row.region ? regionName(jurisdiction, row.region, locale) : row.region) },
    { header: header('source'), value: (row) => row.source },
    { header: header('language'), value: (row) => row.locale },
    { header: header('confirmedAt'), value: (row) => row.confirmedAt },
  ];
}
