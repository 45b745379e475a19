import { and, asc, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { claimants, users } from '@/db/schema';
import { type EffectiveCaseRole, canSeeClaimantFiles } from '@/lib/auth/guards';
import { ISPS, LINE_TYPES, isRegion } from '@/lib/cases/reference-data';
import { decryptField } from '@/lib/crypto/field-encryption';
import type { getTranslator } from '@/lib/i18n/translator';
import { formatBusinessNumber, formatPhoneNumber } from '@/lib/format/numbers';
import { type CsvColumn, formatOptional } from './csv';

const BATCH_SIZE = 1_000;

/**
 * Claimants an export lists: everyone counted as registered (not withdrawn: they left the case),
 * so the file has as many rows as the dashboard says. Someone whose processing is restricted (an
 * erasure request once filed) keeps only their reference number and status in it: nothing that
 * names or reaches them (see RESTRICTED_KEEPS).
 */
const exportable = (caseId: string) => and(eq(claimants.caseId, caseId), ne(claimants.status, 'withdrawn'));

export async function countClaimantsForExport(db: Database, caseId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(claimants).where(exportable(caseId));
  return row?.n ?? 0;
}

/** Fields only lawyers and admins export; for anyone else they are not even read. */
function restricted<T>(column: T, isAllowed: boolean) {
  return isAllowed ? column : sql<null>`null`;
}

function selectBatch(db: Database, caseId: string, afterId: string | null, withFiles: boolean) {
  return db
    .select({
      id: claimants.id,
      referenceNumber: claimants.referenceNumber,
      status: claimants.status,
      type: claimants.type,
      legalName: claimants.legalName,
      accountName: users.name,
      email: users.email,
      phoneEncrypted: claimants.phoneEncrypted,
      region: claimants.region,
      locality: claimants.locality,
      isp: claimants.isp,
      lineType: claimants.lineType,
      source: claimants.source,
      hasSignedStatement: claimants.hasSignedStatement,
      hasSignedConsent: claimants.hasSignedConsent,
      evidenceCount: claimants.evidenceCount,
      isOnFiling: claimants.isOnFiling,
      restrictedAt: claimants.restrictedAt,
      createdAt: claimants.createdAt,
      submittedAt: claimants.submittedAt,
      verifiedAt: claimants.verifiedAt,
      dateOfBirthEncrypted: restricted(claimants.dateOfBirthEncrypted, withFiles),
      addressEncrypted: restricted(claimants.addressEncrypted, withFiles),
      businessName: restricted(claimants.businessName, withFiles),
      businessRegistrationNumber: restricted(claimants.businessRegistrationNumber, withFiles),
      claimedTotalKrw: restricted(claimants.claimedTotalKrw, withFiles),
    })
    .from(claimants)
    .innerJoin(users, eq(users.id, claimants.userId))
    .where(and(exportable(caseId), afterId ? gt(claimants.id, afterId) : undefined))
    .orderBy(asc(claimants.id))
    .limit(BATCH_SIZE);
}

export type ClaimantExportRow = Awaited<ReturnType<typeof selectBatch>>[number];

/** One batch after the cursor (keyset on the primary key; ids are random, so the order is arbitrary). */
export async function readClaimantBatch(
  db: Database,
  caseId: string,
  role: EffectiveCaseRole,
  afterId: string | null,
): Promise<{ rows: ClaimantExportRow[]; next: string | null }> {
  const rows = await selectBatch(db, caseId, afterId, canSeeClaimantFiles(role));
  const last = rows.at(-1);
  return { rows, next: rows.length === BATCH_SIZE && last ? last.id : null };
}

type Translate = ReturnType<typeof getTranslator>;

/**
 * What each role may take out of the app. Organizers get a contact list with progress: no
 * evidence, no statements, no date of birth, no detailed address (the 시/군/구 locality only).
 * Lawyers and admins, who handle the claims, also get the identifying and business fields.
 */
export function claimantExportColumns(role: EffectiveCaseRole, t: Translate): CsvColumn<ClaimantExportRow>[] {
  const header = (key: string) => t(`organizer.exports.columns.${key}` as never);
  const label = (group: string, value: string | null, known: readonly string[]) =>
    value && known.includes(value) ? t(`common.${group}.${value}` as never) : value;
  const columns: CsvColumn<ClaimantExportRow>[] = [
    { header: header('referenceNumber'), value: (row) => row.referenceNumber },
    { header: header('status'), value: (row) => t(`common.statuses.${row.status}` as never) },
    { header: header('type'), value: (row) => (row.type ? t(`common.claimantTypes.${row.type}` as never) : '') },
    { header: header('name'), value: (row) => row.legalName ?? row.accountName },
    { header: header('email'), value: (row) => row.email },
    { header: header('phone'), value: (row) => formatOptional(decryptField(row.phoneEncrypted), formatPhoneNumber) },
    { header: header('region'), value: (row) => (isRegion(row.region) ? t(`common.regions.${row.region}` as never) : row.region) },
    { header: header('locality'), value: (row) => row.locality },
    { header: header('isp'), value: (row) => label('isps', row.isp, ISPS) },
    { header: header('lineType'), value: (row) => label('lineTypes', row.lineType, LINE_TYPES) },
    { header: header('source'), value: (row) => row.source },
    { header: header('complete'), value: (row) => row.hasSignedStatement && row.hasSignedConsent && row.evidenceCount > 0 },
    { header: header('onFiling'), value: (row) => row.isOnFiling },
    { header: header('registeredAt'), value: (row) => row.createdAt },
    { header: header('submittedAt'), value: (row) => row.submittedAt },
    { header: header('verifiedAt'), value: (row) => row.verifiedAt },
  ];
  const all: CsvColumn<ClaimantExportRow>[] = canSeeClaimantFiles(role)
    ? [
        ...columns,
        { header: header('dateOfBirth'), value: (row) => decryptField(row.dateOfBirthEncrypted) },
        { header: header('address'), value: (row) => decryptField(row.addressEncrypted) },
        { header: header('businessName'), value: (row) => row.businessName },
        {
          header: header('businessRegistrationNumber'),
          value: (row) => formatOptional(row.businessRegistrationNumber, formatBusinessNumber),
        },
        { header: header('claimedTotalKrw'), value: (row) => row.claimedTotalKrw },
      ]
    : columns;
  const restrictedStatus = (row: ClaimantExportRow) =>
    `${t(`common.statuses.${row.status}` as never)} (${t('organizer.exports.restricted')})`;
  return all.map((column, index) =>
    RESTRICTED_KEEPS.includes(index)
      ? { ...column, value: (row) => (row.restrictedAt && index === 1 ? restrictedStatus(row) : column.value(row)) }
      : { ...column, value: (row) => (row.restrictedAt ? null : column.value(row)) },
  );
}

/** Columns a restricted claimant keeps: the reference number and the status (marked as restricted). */
const RESTRICTED_KEEPS = [0, 1];
