import { and, asc, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { claimants, users } from '@/db/schema';
import { type EffectiveCaseRole, canSeeClaimantFiles } from '@/lib/auth/guards';
import {
  type ClaimAnswers,
  type ClaimDefinition,
  type ClaimLocale,
  type Question,
  computeVisibility,
  dimensionLabel,
  findQuestion,
  formatAnswer,
  listDimensions,
  listQuestions,
} from '@/lib/claims';
import { type StoredAnswers, openAnswers } from '@/lib/claims/store';
import { decryptField } from '@/lib/crypto/field-encryption';
import { regionName } from '@/lib/regions';
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
      type: claimants.category,
      legalName: claimants.legalName,
      accountName: users.name,
      email: users.email,
      phoneEncrypted: claimants.phoneEncrypted,
      region: claimants.region,
      locality: claimants.locality,
      answers: claimants.answers,
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

/** The case's claim definition the columns come from, and the language of their headings and values. */
export type ClaimExportContext = { definition: ClaimDefinition | null; locale: ClaimLocale };

const TEXT_TYPES = new Set(['short_text', 'long_text']);

/**
 * Columns from the case's claim definition: one per dimension marked for export (everyone who
 * may export sees these, as they saw the provider before), then, for those who handle claims, one
 * per other question. Free text (sealed in the answers) is never opened for an organizer.
 */
function definitionColumns(context: ClaimExportContext | undefined, withFiles: boolean): CsvColumn<ClaimantExportRow>[] {
  const definition = context?.definition;
  if (!definition || !context) return [];
  const { locale } = context;
  const visible = new WeakMap<ClaimantExportRow, ClaimAnswers>();
  // Each row's visible answers once, however many columns read them.
  const answersOf = (row: ClaimantExportRow): ClaimAnswers => {
    let answers = visible.get(row);
    if (!answers) {
      const stored = (row.answers ?? {}) as StoredAnswers;
      const opened = withFiles ? openAnswers(stored) : openAnswers(withoutSealed(stored));
      answers = computeVisibility(definition, { category: row.type, answers: opened }).answers;
      visible.set(row, answers);
    }
    return answers;
  };
  const column = (header: string, question: Question): CsvColumn<ClaimantExportRow> => ({
    header,
    value: (row) => formatAnswer(definition, question, answersOf(row), locale, 'label'),
  });
  const asDimension = new Set<string>();
  const columns: CsvColumn<ClaimantExportRow>[] = [];
  for (const dimension of listDimensions(definition, 'export')) {
    if (dimension.source.kind !== 'question') continue;
    const question = findQuestion(definition, dimension.source.question);
    if (!question || (!withFiles && TEXT_TYPES.has(question.type))) continue;
    asDimension.add(question.id);
    columns.push(column(dimensionLabel(definition, dimension)[locale], question));
  }
  if (withFiles)
    for (const { question } of listQuestions(definition))
      if (!asDimension.has(question.id)) columns.push(column(question.label[locale], question));
  return columns;
}

function withoutSealed(stored: StoredAnswers): StoredAnswers {
  return Object.fromEntries(Object.entries(stored).filter(([, value]) => typeof value !== 'object' || Array.isArray(value)));
}

/**
 * What each role may take out of the app. Organizers get a contact list with progress and the
 * definition's export dimensions: no evidence, no statements, no date of birth, no detailed
 * address (the 시/군/구 locality only), no free text. Lawyers and admins, who handle the claims,
 * also get the identifying and business fields and every answer, a column per question.
 */
export function claimantExportColumns(role: EffectiveCaseRole, t: Translate, context?: ClaimExportContext): CsvColumn<ClaimantExportRow>[] {
  const header = (key: string) => t(`organizer.exports.columns.${key}` as never);
  const definition = context?.definition ?? null;
  const locale = context?.locale ?? 'ko';
  const categoryLabel = (id: string | null) =>
    id ? (definition?.categories.find((category) => category.id === id)?.label[locale] ?? id) : '';
  const region = (code: string | null) => (code ? regionName(definition?.jurisdiction ?? 'KR', code, locale) : null);
  const withFiles = canSeeClaimantFiles(role);
  const columns: CsvColumn<ClaimantExportRow>[] = [
    { header: header('referenceNumber'), value: (row) => row.referenceNumber },
    { header: header('status'), value: (row) => t(`common.statuses.${row.status}` as never) },
    { header: header('type'), value: (row) => categoryLabel(row.type) },
    { header: header('name'), value: (row) => row.legalName ?? row.accountName },
    { header: header('email'), value: (row) => row.email },
    { header: header('phone'), value: (row) => formatOptional(decryptField(row.phoneEncrypted), formatPhoneNumber) },
    { header: header('region'), value: (row) => region(row.region) },
    { header: header('locality'), value: (row) => row.locality },
    { header: header('source'), value: (row) => row.source },
    { header: header('complete'), value: (row) => row.hasSignedStatement && row.hasSignedConsent && row.evidenceCount > 0 },
    { header: header('onFiling'), value: (row) => row.isOnFiling },
    { header: header('registeredAt'), value: (row) => row.createdAt },
    { header: header('submittedAt'), value: (row) => row.submittedAt },
    { header: header('verifiedAt'), value: (row) => row.verifiedAt },
  ];
  const all: CsvColumn<ClaimantExportRow>[] = withFiles
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
        ...definitionColumns(context, true),
      ]
    : [...columns, ...definitionColumns(context, false)];
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
