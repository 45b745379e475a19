import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { REGION_WEIGHTS, koreanAddress, koreanMobile, koreanName } from '@/db/seed/korean-people';
import { type Random, createRandom } from '@/db/seed/random';
import type { ClaimAnswers, ClaimDefinition } from '@/lib/claims';
import { sealAnswers } from '@/lib/claims/store';
import { blindIndex, encryptField } from '@/lib/crypto/field-encryption';
import { normalizePhone } from '@/lib/format/contact';
import { hangulInitials, normalizeName } from '@/lib/format/names';

/**
 * The coupang-2025 case at breach volume (issue 18, Performance): claimants with the definition's
 * answers (sealed as the wizard seals them) and supporters, written with COPY FROM STDIN while the
 * row triggers are off (session_replication_role = replica), then the dimension index and the
 * dashboard rollups built once, set-based, by the database's own functions. A million claimants
 * and ten million supporters take minutes this way; row-by-row inserts through the triggers take hours.
 */
export type CoupangVolume = { claimants: number; supporters: number };

export type CoupangCase = { caseId: string; definitionVersion: number; definition: ClaimDefinition; petitionDocumentId: string | null };

const STATUS_WEIGHTS = [
  ['draft', 30],
  ['submitted', 35],
  ['needs_info', 5],
  ['verified', 25],
  ['rejected', 2],
  ['withdrawn', 3],
] as const;
export const SOURCE_WEIGHTS = [
  ['', 35],
  ['naver-cafe', 30],
  ['kakao-openchat', 20],
  ['news-1130', 10],
  ['civic-group', 5],
] as const;
const EXPOSED = ['name', 'email', 'phone', 'address_book', 'order_history', 'entrance_code'] as const;
const HARM_KINDS = ['smishing', 'phishing_calls', 'spam', 'identity_misuse', 'entrance_code_change'] as const;
const YES_NO_UNSURE = [
  ['yes', 55],
  ['no', 25],
  ['unsure', 20],
] as const;
const CONSOLATION_KRW = 100_000;
export const BREACH_DISCLOSED = Date.UTC(2025, 10, 29, 9);
export const UNUSABLE_PASSWORD_HASH = '!synthetic-account-no-password';
const ROWS_PER_CHUNK = 2_000;
/**
 * Encrypting costs ~0.1 ms a field on this machine: 4 fields for a million claimants would be most
 * of the seed. People are drawn from a pool of this many encrypted identities (a phone number is
 * then shared by 1 in POOL claimants, as the blind index sees it); names stay one per claimant.
 */
export const IDENTITY_POOL = 20_000;

/** COPY's text format: tab-separated, \N for null, backslash escapes. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? `{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export async function copyRows(
  client: Client,
  table: string,
  columns: readonly string[],
  count: number,
  row: (index: number) => unknown[],
) {
  let index = 0;
  const source = new Readable({
    read() {
      if (index >= count) return void this.push(null);
      const lines: string[] = [];
      for (const end = Math.min(count, index + ROWS_PER_CHUNK); index < end; index++) lines.push(row(index).map(copyField).join('\t'));
      this.push(`${lines.join('\n')}\n`);
    },
  });
  await pipeline(source, client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
}

export type PooledIdentity = {
  dateOfBirth: string;
  dateOfBirthEncrypted: string;
  phoneEncrypted: string;
  phoneHash: string | null;
  addressEncrypted: string;
  locality: string;
  region: string;
  sealedEmail: unknown;
  sealedStoreName: unknown;
  signupIpHash: string | null;
};

export function identityPool(random: Random, definition: ClaimDefinition): PooledIdentity[] {
  return Array.from({ length: IDENTITY_POOL }, (_, index) => {
    const region = random.weighted(REGION_WEIGHTS);
    const { address, locality } = koreanAddress(random, region);
    const dateOfBirth = `${random.int(1950, 2006)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const phone = koreanMobile(random);
    // Sealed as the wizard seals text answers (lib/claims/store/sealed-answers.ts).
    const sealed = sealAnswers(definition, { account_email: `c${index}@bench.test`, store_name: `${koreanName(random).slice(0, 1)}상회` });
    return {
      dateOfBirth,
      dateOfBirthEncrypted: encryptField(dateOfBirth),
      phoneEncrypted: encryptField(phone),
      phoneHash: blindIndex('phone', normalizePhone(phone)),
      addressEncrypted: encryptField(address),
      locality,
      region,
      sealedEmail: sealed.account_email,
      sealedStoreName: sealed.store_name,
      signupIpHash: blindIndex('ip', `10.${(index >> 8) & 255}.${index & 255}.1`),
    };
  });
}

function subset<T>(random: Random, items: readonly T[], probability: number): T[] {
  const picked = items.filter(() => random.chance(probability));
  return picked.length ? picked : [random.pick(items)];
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** What a claimant of coupang-2025 answers, following the definition's conditions (the text answers come sealed from the pool). */
export function coupangAnswers(random: Random, category: string): ClaimAnswers {
  const answers: ClaimAnswers = {};
  if (category === 'member') {
    answers.member_since = isoDate(Date.UTC(2014, 0, 1) + random.int(0, 4_000) * 86_400_000);
    answers.wow_member = random.weighted(YES_NO_UNSURE);
  }
  answers.notice_received = random.weighted(YES_NO_UNSURE);
  if (answers.notice_received === 'yes') {
    answers.notice_date = isoDate(Date.UTC(2025, 10, 18) + random.int(0, 12) * 86_400_000);
    answers.notice_channels = subset(random, ['sms', 'email', 'app'], 0.5);
  }
  const exposed = subset(random, EXPOSED, 0.55);
  answers.exposed_items = exposed;
  if (exposed.includes('entrance_code')) answers.entrance_code_changed = random.weighted(YES_NO_UNSURE);
  answers.harm_suffered = random.weighted(YES_NO_UNSURE);
  if (answers.harm_suffered === 'yes') {
    const kinds = subset(random, HARM_KINDS, 0.35);
    answers.harm_kinds = kinds;
    answers.first_harm_date = isoDate(Date.UTC(2025, 5, 24) + random.int(0, 150) * 86_400_000);
    if (kinds.some((kind) => ['identity_misuse', 'smishing', 'phishing_calls'].includes(kind)))
      answers.police_report = random.weighted(YES_NO_UNSURE);
  }
  answers.heard_from = random.pick(['cafe', 'news', 'sns', 'friend', 'civic_group']);
  return answers;
}

/**
 * The rows claimant_dimension_values() gives (migration claim_definitions_data_move): per
 * question-sourced dimension, one row per scalar value of the answer; sealed text stays out.
 */
export function dimensionRows(
  dimensionQuestions: readonly (readonly [string, string])[],
  answers: Record<string, unknown>,
): [string, string][] {
  const rows: [string, string][] = [];
  for (const [dimension, question] of dimensionQuestions) {
    const answer = answers[question];
    const values = Array.isArray(answer) ? answer : [answer];
    const seen = new Set<string>();
    for (const value of values) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      const text = String(value);
      if (!seen.has(text)) rows.push([dimension, text]);
      seen.add(text);
    }
  }
  return rows;
}

export const USER_COLUMNS = ['id', 'email', 'name', 'password_hash', 'email_verified_at', 'created_at', 'updated_at'] as const;
export const CLAIMANT_COLUMNS = [
  'id',
  'case_id',
  'user_id',
  'reference_number',
  'status',
  'category',
  'answers',
  'definition_version',
  'legal_name',
  'name_normalized',
  'name_initials',
  'date_of_birth_encrypted',
  'phone_encrypted',
  'phone_hash',
  'identity_hash',
  'address_encrypted',
  'locality',
  'region',
  'completed_steps',
  'claimed_total_krw',
  'has_signed_statement',
  'has_signed_consent',
  'evidence_count',
  'source',
  'signup_ip_hash',
  'locale',
  'submitted_at',
  'needs_info_at',
  'verified_at',
  'rejected_at',
  'withdrawn_at',
  'rejection_reason',
  'withdrawal_reason',
  'last_activity_at',
  'created_at',
  'updated_at',
] as const;
const SUPPORTER_COLUMNS = [
  'case_id',
  'name',
  'email',
  'region',
  'locale',
  'source',
  'consent_document_id',
  'consent_version',
  'confirmed_at',
  'withdrawn_at',
  'created_at',
  'updated_at',
] as const;

const BULK_TABLES = ['users', 'claimants', 'supporters', 'claimant_dimensions'];

/**
 * Builds the tables' secondary indexes once after the load instead of row by row during it (the
 * GIN name indexes above all): dropped here, and the returned function creates them again as they were.
 */
export async function dropSecondaryIndexes(client: Client, tables: readonly string[] = BULK_TABLES): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [tables],
  );
  for (const row of rows) await client.query(`drop index "${row.name}"`);
  return async () => {
    for (const row of rows) await client.query(row.definition);
  };
}

/** Sign-ups over the weeks after the disclosure, most of them in the first days (a breach draws a surge). */
export function signupTime(random: Random, now: number): Date {
  const span = Math.max(86_400_000, now - BREACH_DISCLOSED);
  const at = BREACH_DISCLOSED + Math.floor(span * random.next() ** 2.5);
  return new Date(Math.min(at, now - 60_000));
}

/**
 * Fills the coupang case with `volume` rows. Needs the encryption keys of the server that will
 * read the rows in process.env (the caller sets the bench secrets), and a migrated, demo-seeded database.
 */
export async function copyCoupangVolume(
  databaseUrl: string,
  target: CoupangCase,
  volume: CoupangVolume,
  log: (message: string) => void,
): Promise<void> {
  const random = createRandom(20251129);
  const now = Date.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`set session_replication_role = replica`);
    await client.query(`set maintenance_work_mem = '256MB'`);
    await client.query(`set synchronous_commit = off`);
    const started = Date.now();
    const restoreIndexes = await dropSecondaryIndexes(client);
    const userIds = Array.from({ length: volume.claimants }, () => randomUUID());
    let referenceSerial = 1;
    await copyRows(client, 'users', USER_COLUMNS, volume.claimants, (index) => {
      const createdAt = signupTime(random, now);
      return [userIds[index], `c${index}@bench.test`, koreanName(random), UNUSABLE_PASSWORD_HASH, createdAt, createdAt, createdAt];
    });
    log(`users: ${volume.claimants.toLocaleString('en')} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const pool = identityPool(random, target.definition);
    const dimensionQuestions = target.definition.dimensions.flatMap((dimension) =>
      dimension.source.kind === 'question' ? [[dimension.id, dimension.source.question] as const] : [],
    );
    const claimantIds = Array.from({ length: volume.claimants }, () => randomUUID());
    // The dimension rows stream into a second COPY, on a connection of their own, as the claimants are made.
    const dimensionClient = new Client({ connectionString: databaseUrl });
    await dimensionClient.connect();
    await dimensionClient.query(`set session_replication_role = replica`);
    const dimensions = new PassThrough();
    let dimensionCount = 0;
    const dimensionsCopied = pipeline(
      dimensions,
      dimensionClient.query(copyFrom(`copy claimant_dimensions (claimant_id, case_id, dimension, value) from stdin`)),
    ).finally(() => dimensionClient.end());
    log(`identity pool: ${IDENTITY_POOL.toLocaleString('en')} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await copyRows(client, 'claimants', CLAIMANT_COLUMNS, volume.claimants, (index) => {
      const person = pool[index % IDENTITY_POOL];
      const name = koreanName(random);
      const category = random.chance(0.93) ? 'member' : 'seller';
      const status = random.weighted(STATUS_WEIGHTS);
      const isSubmitted = status !== 'draft' && !(status === 'withdrawn' && random.chance(0.5));
      const createdAt = signupTime(random, now);
      const submittedAt = isSubmitted ? new Date(Math.min(now, createdAt.getTime() + random.int(600, 3 * 86_400) * 1000)) : null;
      const decidedAt = submittedAt ? new Date(Math.min(now, submittedAt.getTime() + random.int(3_600, 5 * 86_400) * 1000)) : null;
      const answers = {
        ...coupangAnswers(random, category),
        account_email: person.sealedEmail,
        ...(category === 'seller' ? { store_name: person.sealedStoreName } : {}),
      };
      const actualLoss = random.chance(0.08) ? random.int(1, 60) * 10_000 : 0;
      const withdrawnAt = status === 'withdrawn' ? (decidedAt ?? new Date(createdAt.getTime() + 86_400_000)) : null;
      const lines = dimensionRows(dimensionQuestions, answers).map(
        ([dimension, value]) => `${claimantIds[index]}\t${target.caseId}\t${copyField(dimension)}\t${copyField(value)}\n`,
      );
      dimensionCount += lines.length;
      dimensions.write(lines.join(''));
      return [
        claimantIds[index],
        target.caseId,
        userIds[index],
        isSubmitted ? `CPG-${String(referenceSerial++).padStart(7, '0')}` : null,
        status,
        category,
        answers,
        target.definitionVersion,
        name,
        normalizeName(name),
        hangulInitials(name),
        person.dateOfBirthEncrypted,
        person.phoneEncrypted,
        person.phoneHash,
        blindIndex('identity', `${normalizeName(name)}|${person.dateOfBirth}`),
        person.addressEncrypted,
        person.locality,
        person.region,
        isSubmitted
          ? ['type', 'identity', 'account', 'notice', 'exposure', 'harm', 'damages', 'statement', 'evidence', 'consent']
          : ['type'],
        CONSOLATION_KRW + actualLoss,
        isSubmitted,
        isSubmitted,
        isSubmitted && random.chance(0.7) ? 1 : 0,
        random.weighted(SOURCE_WEIGHTS) || null,
        person.signupIpHash,
        random.chance(0.96) ? 'ko' : 'en',
        submittedAt,
        status === 'needs_info' ? decidedAt : null,
        status === 'verified' ? decidedAt : null,
        status === 'rejected' ? decidedAt : null,
        withdrawnAt,
        status === 'rejected' ? '중복 신청' : null,
        status === 'withdrawn' ? '개인 사정' : null,
        decidedAt ?? submittedAt ?? createdAt,
        createdAt,
        decidedAt ?? submittedAt ?? createdAt,
      ];
    });
    dimensions.end();
    await dimensionsCopied;
    log(`claimant_dimensions: ${dimensionCount.toLocaleString('en')} rows`);
    log(`claimants: ${volume.claimants.toLocaleString('en')} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await copyRows(client, 'supporters', SUPPORTER_COLUMNS, volume.supporters, (index) => {
      const createdAt = signupTime(random, now);
      const isConfirmed = random.chance(0.8);
      return [
        target.caseId,
        koreanName(random),
        `s${index}@bench.test`,
        random.chance(0.9) ? random.weighted(REGION_WEIGHTS) : null,
        random.chance(0.96) ? 'ko' : 'en',
        random.weighted(SOURCE_WEIGHTS) || null,
        target.petitionDocumentId,
        1,
        isConfirmed ? new Date(Math.min(now, createdAt.getTime() + random.int(60, 86_400) * 1000)) : null,
        random.chance(0.01) ? new Date(Math.min(now, createdAt.getTime() + 2 * 86_400_000)) : null,
        createdAt,
        createdAt,
      ];
    });
    log(`supporters: ${volume.supporters.toLocaleString('en')} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    // What the row triggers would have kept: the rollups, recounted once.
    await restoreIndexes();
    log(`indexes rebuilt after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await client.query(`set session_replication_role = origin`);
    await client.query(`select rebuild_metric_counters($1::uuid)`, [target.caseId]);
    // A deployment compacts finished hours in the background every ten minutes of reads
    // (lib/metrics/compaction.ts), so a campaign weeks old reads days, not hours: seed that state.
    await client.query(`select compact_metric_counters($1::uuid, date_trunc('hour', now()) - interval '1 hour')`, [target.caseId]);
    await client.query(`analyze users, claimants, claimant_dimensions, supporters, metric_counters`);
    log(`rollups, compaction and statistics after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await client.end();
  }
}
