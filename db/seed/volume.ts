import { count, eq, like, max, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  type NewClaimant,
  type NewSupporter,
  blobs,
  cases,
  claimants,
  consentDocuments,
  consents,
  damageItems,
  evidence,
  statements,
  supporters,
  users,
} from '@/db/schema';
import { blindIndex, encryptField } from '@/lib/crypto/field-encryption';
import { sha256Hex } from '@/lib/crypto/hash';
import { hangulInitials, normalizeName } from '@/lib/format/names';
import { rebuildMetricCounters } from '@/lib/metrics/counters';
import { detectDuplicatesForCase } from '@/lib/reviews/duplicates';
import { normalizePhone } from '@/lib/format/contact';
import { REGION_WEIGHTS, koreanAddress, koreanMobile, koreanName, syntheticEmail } from './korean-people';
import { minimalPdf } from './minimal-pdf';
import { type Random, createRandom } from './random';
import { seedReviewFixtures } from './review-fixtures';

export type VolumeOptions = {
  caseId: string;
  referencePrefix: string;
  claimants: number;
  supporters: number;
  /** Spread of sign-up times back from `now`. */
  days?: number;
  seed?: number;
  now?: Date;
  log?: (message: string) => void;
  /** Also plant the duplicate signals and the walkthrough claimant of review-fixtures.ts (once per database). */
  reviewFixtures?: boolean;
  /** The published claim definition version the answers are stamped with (read from the case when left out). */
  definitionVersion?: number | null;
};

const ISP_WEIGHTS = [
  ['kt', 45],
  ['hanaro', 25],
  ['thrunet', 14],
  ['dacom', 5],
  ['onse', 4],
  ['dreamline', 3],
  ['powercomm', 2],
  ['other', 2],
] as const;
const TYPE_WEIGHTS = [
  ['home_subscriber', 82],
  ['pc_bang', 9],
  ['online_shop', 5],
  ['server_operator', 3],
  ['other', 1],
] as const;
const STATUS_WEIGHTS = [
  ['draft', 24],
  ['submitted', 30],
  ['needs_info', 7],
  ['verified', 31],
  ['rejected', 3],
  ['withdrawn', 5],
] as const;
const SOURCE_WEIGHTS = [
  ['', 40],
  ['naver-cafe', 22],
  ['kakao-openchat', 18],
  ['news-0127', 12],
  ['pspd-site', 8],
] as const;
const SUPPORTER_BATCH = 4_000;
const CLAIMANT_BATCH = 1_000;
// Synthetic accounts cannot sign in: one shared unusable hash instead of 100,000 argon2 runs.
const UNUSABLE_PASSWORD_HASH = '!synthetic-account-no-password';

/**
 * Deterministic synthetic volume for a case: realistic Korean names, the 17 regions weighted by
 * population, 2003-era ISPs, claimant types, statuses, damages and sign-up times spread over
 * weeks. Bulk batches skip the row triggers (session_replication_role = replica) and the rollups
 * are recounted once at the end, which is what makes a million rows take minutes, not hours.
 */
export async function seedVolume(db: Database, input: VolumeOptions): Promise<{ supporters: number; claimants: number }> {
  const [caseRow] = await db.select({ version: cases.claimDefinitionVersion }).from(cases).where(eq(cases.id, input.caseId));
  const options: VolumeOptions = { ...input, definitionVersion: input.definitionVersion ?? caseRow?.version ?? null };
  const random = createRandom(options.seed ?? 20030125);
  const now = options.now ?? new Date();
  const days = options.days ?? 42;
  const log = options.log ?? (() => {});
  const signupTime = () => spreadOverCampaign(random, now, days);
  const docs = await db
    .select()
    .from(consentDocuments)
    .where(sql`${consentDocuments.caseId} = ${options.caseId} and ${consentDocuments.locale} = 'ko'`);
  const petitionDoc = docs.find((doc) => doc.kind === 'petition_privacy');

  const [serialBase] = await db.select({ n: count() }).from(users);
  for (let start = 0; start < options.supporters; start += SUPPORTER_BATCH) {
    const rows: NewSupporter[] = [];
    for (let index = start; index < Math.min(options.supporters, start + SUPPORTER_BATCH); index++) {
      const name = koreanName(random);
      const createdAt = signupTime();
      const isConfirmed = random.chance(0.78);
      const isWithdrawn = random.chance(0.015);
      rows.push({
        caseId: options.caseId,
        name,
        email: `s${index}.${syntheticEmail(name, serialBase.n + index)}`,
        region: random.chance(0.9) ? random.weighted(REGION_WEIGHTS) : null,
        phoneEncrypted: random.chance(0.3) ? encryptField(koreanMobile(random)) : null,
        locale: random.chance(0.95) ? 'ko' : 'en',
        source: random.weighted(SOURCE_WEIGHTS) || null,
        consentDocumentId: petitionDoc?.id ?? null,
        consentVersion: petitionDoc?.version ?? 1,
        confirmedAt: isConfirmed ? notAfter(new Date(createdAt.getTime() + random.int(60, 36 * 3600) * 1000), now) : null,
        withdrawnAt: isWithdrawn ? notAfter(new Date(createdAt.getTime() + random.int(3600, 7 * 86400) * 1000), now) : null,
        createdAt,
        updatedAt: createdAt,
      });
    }
    await insertWithoutTriggers(db, async (tx) => {
      await tx.insert(supporters).values(rows).onConflictDoNothing();
    });
    if ((start / SUPPORTER_BATCH) % 25 === 0)
      log(`supporters ${Math.min(options.supporters, start + SUPPORTER_BATCH)}/${options.supporters}`);
  }

  const referenceStart = await nextReferenceNumber(db, options.referencePrefix);
  let referenceSerial = referenceStart;
  for (let start = 0; start < options.claimants; start += CLAIMANT_BATCH) {
    const end = Math.min(options.claimants, start + CLAIMANT_BATCH);
    const people = Array.from({ length: end - start }, (_, offset) => makeClaimant(random, options, start + offset, signupTime(), now));
    await insertWithoutTriggers(db, async (tx) => {
      const insertedUsers = await tx
        .insert(users)
        .values(
          people.map((person) => ({
            email: `c${person.serial}.${syntheticEmail(person.name, serialBase.n + person.serial)}`,
            name: person.name,
            passwordHash: UNUSABLE_PASSWORD_HASH,
            emailVerifiedAt: person.createdAt,
            createdAt: person.createdAt,
          })),
        )
        .returning({ id: users.id });
      const claimantRows: NewClaimant[] = people.map((person, offset) => ({
        ...person.claimant,
        userId: insertedUsers[offset].id,
        referenceNumber:
          person.claimant.status === 'draft' ? null : `${options.referencePrefix}-${String(referenceSerial++).padStart(6, '0')}`,
      }));
      const insertedClaimants = await tx.insert(claimants).values(claimantRows).returning({ id: claimants.id });
      const damageRows = people.flatMap((person, offset) =>
        person.damages.map((item, position) => ({ ...item, position, claimantId: insertedClaimants[offset].id, caseId: options.caseId })),
      );
      if (damageRows.length) await tx.insert(damageItems).values(damageRows);
      await insertSignedRecords(tx, people, insertedClaimants, docs, options.caseId);
    });
    if ((start / CLAIMANT_BATCH) % 10 === 0) log(`claimants ${end}/${options.claimants}`);
  }
  if (options.reviewFixtures) {
    const fixtures = await seedReviewFixtures(db, {
      caseId: options.caseId,
      nextReference: () => `${options.referencePrefix}-${String(referenceSerial++).padStart(6, '0')}`,
      now,
    });
    if (fixtures.created) log('planted review fixtures (duplicates, walkthrough claimant)');
  }
  log('looking for duplicates');
  await detectDuplicatesForCase(db, options.caseId);
  log('indexing dimension answers');
  await rebuildClaimantDimensions(db, options.caseId);
  log('recounting rollups');
  await rebuildMetricCounters(db, options.caseId);
  // Fresh statistics after a bulk load, so the planner picks the queue's indexes from the start.
  await db.execute(sql`analyze claimants, users, evidence, duplicate_flags, metric_counters`);
  return { supporters: options.supporters, claimants: options.claimants };
}

/**
 * The bulk batches skip the row triggers, claimant_dimensions' among them: its rows are written
 * once here from the same function the trigger uses (migration 0029).
 */
async function rebuildClaimantDimensions(db: Database, caseId: string) {
  await db.execute(sql`delete from claimant_dimensions where case_id = ${caseId}`);
  await db.execute(sql`
    insert into claimant_dimensions (claimant_id, case_id, dimension, value)
    select c.id, c.case_id, k.dimension, k.value from claimants c cross join lateral claimant_dimension_values(c) k
    where c.case_id = ${caseId}
    on conflict do nothing`);
}

type SyntheticPerson = ReturnType<typeof makeClaimant>;

function makeClaimant(random: Random, options: VolumeOptions, serial: number, createdAt: Date, now: Date) {
  const name = koreanName(random);
  const region = random.weighted(REGION_WEIGHTS);
  const { address, locality } = koreanAddress(random, region);
  const type = random.weighted(TYPE_WEIGHTS);
  const status = random.weighted(STATUS_WEIGHTS);
  const isSubmitted = status !== 'draft';
  const dateOfBirth = `${random.int(1940, 1986)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const phone = koreanMobile(random);
  const monthlyFee = random.pick([27_000, 30_000, 33_000, 38_000, 45_000]);
  const damages = syntheticDamages(random, type, monthlyFee);
  const submittedAt = isSubmitted ? notAfter(new Date(createdAt.getTime() + random.int(600, 5 * 86400) * 1000), now) : null;
  const decidedAt = submittedAt ? notAfter(new Date(submittedAt.getTime() + random.int(3600, 10 * 86400) * 1000), now) : null;
  const hasEvidence = isSubmitted ? random.chance(0.9) : random.chance(0.3);
  const claimant: Omit<NewClaimant, 'userId'> = {
    caseId: options.caseId,
    status,
    category: type,
    legalName: name,
    nameNormalized: normalizeName(name),
    nameInitials: hangulInitials(name),
    dateOfBirthEncrypted: encryptField(dateOfBirth),
    phoneEncrypted: encryptField(phone),
    phoneHash: blindIndex('phone', normalizePhone(phone)),
    identityHash: blindIndex('identity', `${normalizeName(name)}|${dateOfBirth}`),
    addressEncrypted: encryptField(address),
    locality,
    region,
    definitionVersion: options.definitionVersion ?? null,
    answers: slammerAnswers(random, type, monthlyFee, isSubmitted),
    businessName:
      type === 'pc_bang'
        ? `${random.pick(['스타', '드림', '넷', '게임', '하이'])}PC방`
        : type === 'online_shop'
          ? `${random.pick(['알뜰', '행복', '하나'])}몰`
          : null,
    completedSteps: isSubmitted
      ? ['type', 'identity', 'connection', 'outage', 'damages', 'statement', 'evidence', 'consent']
      : ['type', 'identity'],
    claimedTotalKrw: damages.reduce((sum, item) => sum + item.amountKrw, 0),
    hasSignedStatement: isSubmitted,
    hasSignedConsent: isSubmitted,
    evidenceCount: hasEvidence ? 1 : 0,
    source: random.weighted(SOURCE_WEIGHTS) || null,
    // One private-range address per claimant: the planted bursts are the only ones.
    signupIpHash: blindIndex('ip', `10.${(serial >> 16) & 255}.${(serial >> 8) & 255}.${serial & 255}`),
    locale: 'ko',
    submittedAt,
    needsInfoAt: status === 'needs_info' ? decidedAt : null,
    verifiedAt: status === 'verified' ? decidedAt : null,
    rejectedAt: status === 'rejected' ? decidedAt : null,
    rejectionReason: status === 'rejected' ? '중복 신청' : null,
    withdrawnAt: status === 'withdrawn' ? (decidedAt ?? notAfter(new Date(createdAt.getTime() + 86400_000), now)) : null,
    withdrawalReason: status === 'withdrawn' ? '개인 사정' : null,
    lastActivityAt: decidedAt ?? submittedAt ?? createdAt,
    createdAt,
    updatedAt: decidedAt ?? submittedAt ?? createdAt,
  };
  return { serial, name, createdAt, claimant, damages, hasEvidence, isSubmitted, submittedAt };
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * The Slammer definition's answers (lib/claims/definitions/slammer-2003.ts), as the wizard stores
 * them: option ids, money in won, Korean wall-clock times. A draft has only begun the questions.
 */
function slammerAnswers(random: Random, type: string, monthlyFee: number, isSubmitted: boolean): Record<string, unknown> {
  const answers: Record<string, unknown> = {
    isp: random.weighted(ISP_WEIGHTS),
    line_type: random.weighted([
      ['adsl', 60],
      ['vdsl', 8],
      ['cable', 20],
      ['apartment_lan', 10],
      ['leased_line', 2],
    ] as const),
    same_as_home: 'yes',
    monthly_fee: monthlyFee,
  };
  if (answers.isp === 'other') answers['isp.other'] = random.pick(['동네케이블', '아파트 통신', '지역 유선방송']);
  if (type === 'pc_bang') answers.pc_bang_seats = random.int(20, 90);
  if (!isSubmitted) return answers;
  answers.outage_started_at = `2003-01-25T14:${two(30 + random.int(0, 29))}`;
  answers.outage_ended_at = `2003-01-27T${two(9 + random.int(0, 12))}:${two(random.int(0, 59))}`;
  answers.impacts = ['no_internet'];
  answers.ran_sql_server = 'no';
  answers.warned = 'no';
  return answers;
}

type SyntheticDamage = { category: string; description: string; amountKrw: number; calculation: Record<string, number> | null };

function syntheticDamages(random: Random, type: string, monthlyFee: number): SyntheticDamage[] {
  if (type === 'pc_bang') {
    const seats = random.int(20, 90);
    const hours = random.int(20, 44);
    const rate = random.pick([800, 1_000, 1_200]);
    return [
      {
        category: 'lost_revenue' as const,
        description: `좌석 ${seats} × 시간당 ${rate}원 × ${hours}시간`,
        amountKrw: seats * rate * hours,
        calculation: { seats, hourlyRateKrw: rate, hours },
      },
    ];
  }
  if (type === 'online_shop') {
    return [
      { category: 'lost_sales' as const, description: '장애 기간 매출 감소분', amountKrw: random.int(30, 400) * 10_000, calculation: null },
    ];
  }
  const outageDays = 2;
  const items: SyntheticDamage[] = [
    {
      category: 'service_fee' as const,
      description: `월 요금 ${monthlyFee}원의 ${outageDays}일분`,
      amountKrw: Math.round((monthlyFee * outageDays) / 31),
      calculation: { monthlyFeeKrw: monthlyFee, days: outageDays },
    },
  ];
  if (random.chance(0.4))
    items.push({
      category: 'other' as const,
      description: '정신적 손해',
      amountKrw: random.pick([50_000, 100_000, 200_000]),
      calculation: null,
    });
  return items;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function insertSignedRecords(
  tx: Tx,
  people: SyntheticPerson[],
  inserted: { id: string }[],
  docs: (typeof consentDocuments.$inferSelect)[],
  caseId: string,
) {
  const retainer = docs.find((doc) => doc.kind === 'retainer');
  // Submitting a claim signs the retainer and the appointment of the representative party (선정서).
  const appointment = docs.find((doc) => doc.kind === 'representative_appointment');
  const statementRows = [];
  const consentRows = [];
  const evidenceRows = [];
  const blobRows = [];
  for (const [offset, person] of people.entries()) {
    const claimantId = inserted[offset].id;
    const signedAt = person.submittedAt ?? person.createdAt;
    if (person.isSubmitted) {
      const text = `본인 ${person.name}은(는) SQL Server 2000이나 MSDE를 운영하지 않았으며, 2003. 1. 25. 14:30경부터 인터넷을 이용할 수 없었습니다.`;
      statementRows.push({
        claimantId,
        caseId,
        kind: 'claim' as const,
        version: 1,
        answers: { ranSqlServer: 'no', warned: 'none' },
        renderedText: text,
        language: 'ko',
        signerName: person.name,
        signedAt,
        signerIp: '203.0.113.10',
        signerUserAgent: 'synthetic-seed',
        textSha256: sha256Hex(text),
      });
      for (const doc of [retainer, appointment]) {
        if (doc)
          consentRows.push({
            claimantId,
            caseId,
            kind: doc.kind,
            documentId: doc.id,
            documentVersion: doc.version,
            textSha256: doc.bodySha256,
            signerName: person.name,
            signedAt,
            signerIp: '203.0.113.10',
            signerUserAgent: 'synthetic-seed',
          });
      }
    }
    if (person.hasEvidence) {
      const bytes = minimalPdf(`Synthetic ISP bill for claimant ${person.serial}`);
      const sha256 = sha256Hex(bytes);
      blobRows.push({ sha256, bytes, byteSize: bytes.length, mime: 'application/pdf' });
      evidenceRows.push({
        claimantId,
        caseId,
        kind: 'isp_bill' as const,
        label: '2003년 1월 인터넷 요금 청구서',
        originalFilename: `bill-${person.serial}.pdf`,
        detectedMime: 'application/pdf',
        byteSize: bytes.length,
        sha256,
        pageCount: 1,
        uploadedAt: person.createdAt,
      });
    }
  }
  if (blobRows.length) await tx.insert(blobs).values(blobRows).onConflictDoNothing();
  if (statementRows.length) await tx.insert(statements).values(statementRows);
  if (consentRows.length) await tx.insert(consents).values(consentRows);
  if (evidenceRows.length) await tx.insert(evidence).values(evidenceRows);
}

async function insertWithoutTriggers(db: Database, work: (tx: Tx) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await work(tx);
  });
}

async function nextReferenceNumber(db: Database, prefix: string): Promise<number> {
  const [row] = await db
    .select({ last: max(claimants.referenceNumber) })
    .from(claimants)
    .where(like(claimants.referenceNumber, `${prefix}-%`));
  return row?.last ? Number(row.last.slice(prefix.length + 1)) + 1 : 1;
}

/** A launch spike that decays, with a second wave from press coverage, ending `now`. */
function spreadOverCampaign(random: Random, now: Date, days: number): Date {
  const span = days * 86400_000;
  // 70 % cluster early (the launch), the rest spread evenly up to today.
  const position = random.chance(0.7) ? Math.pow(random.next(), 2.2) : random.next();
  return new Date(now.getTime() - span + Math.min(span - 1, position * span));
}

/**
 * Nothing in the synthetic history happens after `now`: a confirmation or a decision dated in the
 * future is counted at that future hour, so a report "as of now" would miss it while a live
 * total (or a CSV of the rows) already has it — the same number would read two ways.
 */
function notAfter(at: Date, now: Date): Date {
  return at.getTime() > now.getTime() ? new Date(now) : at;
}
