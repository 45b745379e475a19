import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { koreanName } from '@/db/seed/korean-people';
import { createRandom } from '@/db/seed/random';
import { auditRowHash } from '@/lib/audit/digest';
import { signingAuditKey } from '@/lib/audit/keys';
import { type ClaimAnswers, type ClaimDefinition, computeDamages, renderStatement } from '@/lib/claims';
import { openAnswers } from '@/lib/claims/store';
import { blindIndex } from '@/lib/crypto/field-encryption';
import { sha256Hex } from '@/lib/crypto/hash';
import { hangulInitials, normalizeName } from '@/lib/format/names';
import {
  BREACH_DISCLOSED,
  CLAIMANT_COLUMNS,
  IDENTITY_POOL,
  SOURCE_WEIGHTS,
  UNUSABLE_PASSWORD_HASH,
  USER_COLUMNS,
  coupangAnswers,
  copyRows,
  dimensionRows,
  dropSecondaryIndexes,
  identityPool,
} from './coupang-volume';

/**
 * A filing round's worth of coupang-2025 claimants as the intake and the review leave them
 * (issue 12, Performance): verified, each with the damages the definition fixes, the claim
 * statement rendered from the definition and signed, the retainer and the appointment of the
 * representative party signed against the case's consent texts, and the audit entries those
 * signatures, the submission and the verification wrote — chained and keyed in the case's chain
 * exactly as lib/audit/record.ts chains them, so the authority annex, its manifest and
 * `authority:verify` read what production reads. Written with COPY while the row triggers are off,
 * secondary indexes built once afterwards, then the rollups the triggers would have kept.
 */
export type RoundCase = {
  caseId: string;
  caseTitle: { ko: string; en: string };
  definitionVersion: number;
  definition: ClaimDefinition;
  /** The lawyer who verified them (review.verified's actor). */
  reviewerId: string;
  /** The current consent texts by kind and locale. */
  consentDocuments: Record<SignedKind, Record<'ko' | 'en', { id: string; version: number; bodySha256: string }>>;
};

const SIGNED_KINDS = ['retainer', 'representative_appointment'] as const;
type SignedKind = (typeof SIGNED_KINDS)[number];

const USER_AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 15; SM-S928N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Linux; Android 14; SM-A546N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
];
const MINUTE = 60_000;
const DAY = 86_400_000;

type Person = {
  userId: string;
  claimantId: string;
  statementId: string;
  consentIds: [string, string];
  name: string;
  category: string;
  locale: 'ko' | 'en';
  pool: number;
  answers: ClaimAnswers;
  createdAt: number;
  signedAt: number;
  submittedAt: number;
  verifiedAt: number;
  ip: string;
  userAgent: string;
  damages: { category: string; amount: number }[];
  statementSha256: string;
  statementVersion: number;
};

type AuditEvent = {
  at: number;
  person: number;
  action: 'statement.signed' | 'consent.signed' | 'claim.submitted' | 'review.verified';
  kind?: 0 | 1;
};

/** The people: sign-ups after the disclosure, each verified at least two days before `now` (so yesterday's cut-off takes them all). */
function drawPeople(count: number, now: number, definition: ClaimDefinition): { people: Person[]; pool: ReturnType<typeof identityPool> } {
  const random = createRandom(20251201);
  const pool = identityPool(random, definition);
  const opened = pool.map((person) => openAnswers({ account_email: person.sealedEmail, store_name: person.sealedStoreName } as never));
  const lastVerified = now - 2 * DAY;
  const people: Person[] = [];
  for (let index = 0; index < count; index++) {
    const category = random.chance(0.93) ? 'member' : 'seller';
    const span = lastVerified - 10 * DAY - BREACH_DISCLOSED;
    const createdAt = BREACH_DISCLOSED + Math.floor(span * random.next() ** 2.5);
    const signedAt = createdAt + random.int(5, 40) * MINUTE;
    const submittedAt = signedAt + random.int(1, 10) * MINUTE;
    const verifiedAt = Math.min(lastVerified, submittedAt + random.int(1, 9 * 24) * 60 * MINUTE);
    const poolIndex = index % IDENTITY_POOL;
    const answers: ClaimAnswers = {
      ...coupangAnswers(random, category),
      account_email: opened[poolIndex].account_email,
      ...(category === 'seller' ? { store_name: opened[poolIndex].store_name } : {}),
    };
    const damages = computeDamages(definition, { category, answers }, []).items.map((item) => ({
      category: item.category,
      amount: item.amount,
    }));
    people.push({
      userId: randomUUID(),
      claimantId: randomUUID(),
      statementId: randomUUID(),
      consentIds: [randomUUID(), randomUUID()],
      name: koreanName(random),
      category,
      locale: random.chance(0.96) ? 'ko' : 'en',
      pool: poolIndex,
      answers,
      createdAt,
      signedAt,
      submittedAt,
      verifiedAt,
      ip: `${random.pick(['211', '175', '121', '39', '223'])}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
      userAgent: random.pick(USER_AGENTS),
      damages,
      statementSha256: '',
      statementVersion: 1,
    });
  }
  return { people, pool };
}

const CONSENT_COLUMNS = [
  'id',
  'claimant_id',
  'case_id',
  'kind',
  'document_id',
  'document_version',
  'text_sha256',
  'signer_name',
  'signed_at',
  'signer_ip',
  'signer_user_agent',
  'created_at',
  'updated_at',
] as const;
const STATEMENT_COLUMNS = [
  'id',
  'claimant_id',
  'case_id',
  'kind',
  'version',
  'definition_version',
  'answers',
  'rendered_text',
  'language',
  'signer_name',
  'signed_at',
  'signer_ip',
  'signer_user_agent',
  'text_sha256',
  'created_at',
  'updated_at',
] as const;
const DAMAGE_COLUMNS = [
  'claimant_id',
  'case_id',
  'position',
  'category',
  'description',
  'amount_krw',
  'calculation',
  'created_at',
  'updated_at',
] as const;
const AUDIT_COLUMNS = [
  'occurred_at',
  'actor_user_id',
  'action',
  'case_id',
  'subject_type',
  'subject_id',
  'ip',
  'details',
  'chain',
  'seq',
  'key_id',
  'prev_hash',
  'hash',
  'created_at',
  'updated_at',
] as const;
const BULK_TABLES = ['users', 'claimants', 'claimant_dimensions', 'damage_items', 'statements', 'consents', 'audit_log'];

/** The events of each person's claim in time order across everyone, as the chain would have recorded them. */
function auditEvents(people: readonly Person[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const [person, entry] of people.entries()) {
    events.push({ at: entry.signedAt, person, action: 'statement.signed' });
    events.push({ at: entry.signedAt + 90_000, person, action: 'consent.signed', kind: 0 });
    events.push({ at: entry.signedAt + 90_000, person, action: 'consent.signed', kind: 1 });
    events.push({ at: entry.submittedAt, person, action: 'claim.submitted' });
    events.push({ at: entry.verifiedAt, person, action: 'review.verified' });
  }
  return events.sort((a, b) => a.at - b.at || a.person - b.person || (a.kind ?? 0) - (b.kind ?? 0));
}

/** Fills the coupang case of a migrated, demo-seeded database with `count` verified claimants ready for a round. */
export async function copyRoundVolume(
  databaseUrl: string,
  target: RoundCase,
  count: number,
  log: (message: string) => void,
): Promise<void> {
  const now = Date.now();
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
  const { people, pool } = drawPeople(count, now, target.definition);
  log(`drew ${count.toLocaleString('en')} people in ${seconds()} s`);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`set session_replication_role = replica`);
    await client.query(`set maintenance_work_mem = '256MB'`);
    await client.query(`set synchronous_commit = off`);
    const restoreIndexes = await dropSecondaryIndexes(client, BULK_TABLES);
    const [{ next_reference: firstReference }] = (
      await client.query<{ next_reference: number }>(
        `select coalesce(max(substring(reference_number from 5)::int), 0) + 1 as next_reference from claimants where case_id = $1 and reference_number like 'CPG-%'`,
        [target.caseId],
      )
    ).rows;
    await copyRows(client, 'users', USER_COLUMNS, count, (index) => {
      const person = people[index];
      const at = new Date(person.createdAt);
      return [person.userId, `r${index}@bench.test`, person.name, UNUSABLE_PASSWORD_HASH, new Date(person.createdAt + 3 * MINUTE), at, at];
    });
    const dimensionQuestions = target.definition.dimensions.flatMap((dimension) =>
      dimension.source.kind === 'question' ? [[dimension.id, dimension.source.question] as const] : [],
    );
    await copyRows(client, 'claimants', CLAIMANT_COLUMNS, count, (index) => {
      const person = people[index];
      const identity = pool[person.pool];
      const sealed = {
        ...person.answers,
        account_email: identity.sealedEmail,
        ...(person.category === 'seller' ? { store_name: identity.sealedStoreName } : {}),
      };
      return [
        person.claimantId,
        target.caseId,
        person.userId,
        `CPG-${String(firstReference + index).padStart(7, '0')}`,
        'verified',
        person.category,
        sealed,
        target.definitionVersion,
        person.name,
        normalizeName(person.name),
        hangulInitials(person.name),
        identity.dateOfBirthEncrypted,
        identity.phoneEncrypted,
        identity.phoneHash,
        blindIndex('identity', `${normalizeName(person.name)}|${identity.dateOfBirth}`),
        identity.addressEncrypted,
        identity.locality,
        identity.region,
        ['type', 'identity', 'account', 'notice', 'exposure', 'harm', 'damages', 'statement', 'evidence', 'consent'],
        person.damages.reduce((sum, item) => sum + item.amount, 0),
        true,
        true,
        0,
        SOURCE_WEIGHTS[index % SOURCE_WEIGHTS.length][0] || null,
        identity.signupIpHash,
        person.locale,
        new Date(person.submittedAt),
        null,
        new Date(person.verifiedAt),
        null,
        null,
        null,
        null,
        new Date(person.verifiedAt),
        new Date(person.createdAt),
        new Date(person.verifiedAt),
      ];
    });
    log(`users and claimants after ${seconds()} s`);
    const dimensions = people.flatMap((person) =>
      dimensionRows(dimensionQuestions, person.answers).map(([dimension, value]) => [person.claimantId, target.caseId, dimension, value]),
    );
    await copyRows(
      client,
      'claimant_dimensions',
      ['claimant_id', 'case_id', 'dimension', 'value'],
      dimensions.length,
      (index) => dimensions[index],
    );
    const damages = people.flatMap((person) =>
      person.damages.map((item, position) => {
        const at = new Date(person.signedAt - MINUTE);
        return [person.claimantId, target.caseId, position, item.category, '', item.amount, { source: 'fixed' }, at, at];
      }),
    );
    await copyRows(client, 'damage_items', DAMAGE_COLUMNS, damages.length, (index) => damages[index]);
    await copyRows(client, 'statements', STATEMENT_COLUMNS, count, (index) => {
      const person = people[index];
      // As signStatement renders it: the definition's template over the opened answers, the damages and the name.
      const text = renderStatement(
        target.definition,
        {
          category: person.category,
          answers: person.answers,
          caseTitle: target.caseTitle,
          signerName: person.name,
          damageItems: [],
        },
        person.locale,
      );
      person.statementSha256 = sha256Hex(text);
      const at = new Date(person.signedAt);
      return [
        person.statementId,
        person.claimantId,
        target.caseId,
        'claim',
        person.statementVersion,
        target.definitionVersion,
        { category: person.category, ...person.answers },
        text,
        person.locale,
        person.name,
        at,
        person.ip,
        person.userAgent,
        person.statementSha256,
        at,
        at,
      ];
    });
    log(`dimensions (${dimensions.length.toLocaleString('en')}), damages and statements after ${seconds()} s`);
    await copyRows(client, 'consents', CONSENT_COLUMNS, count * SIGNED_KINDS.length, (index) => {
      const person = people[Math.floor(index / SIGNED_KINDS.length)];
      const kind = SIGNED_KINDS[index % SIGNED_KINDS.length];
      const document = target.consentDocuments[kind][person.locale];
      const at = new Date(person.signedAt + 90_000);
      return [
        person.consentIds[index % SIGNED_KINDS.length],
        person.claimantId,
        target.caseId,
        kind,
        document.id,
        document.version,
        document.bodySha256,
        person.name,
        at,
        person.ip,
        person.userAgent,
        at,
        at,
      ];
    });
    log(`consents after ${seconds()} s`);
    await copyAuditChain(client, target, people, firstReference);
    log(`audit chain after ${seconds()} s`);
    await restoreIndexes();
    await client.query(`set session_replication_role = origin`);
    await client.query(`select rebuild_metric_counters($1::uuid)`, [target.caseId]);
    await client.query(`analyze users, claimants, claimant_dimensions, damage_items, statements, consents, audit_log`);
    log(`indexes, rollups and statistics after ${seconds()} s`);
  } finally {
    await client.end();
  }
}

/** Appends every person's entries to the case's chain after its current head, each keyed as recordAudit keys it, and moves the head. */
async function copyAuditChain(client: Client, target: RoundCase, people: readonly Person[], firstReference: number): Promise<void> {
  const chain = target.caseId;
  const { rows } = await client.query<{ seq: string; hash: string }>(`select seq, hash from audit_chain_heads where chain = $1`, [chain]);
  let seq = Number(rows[0]?.seq ?? 0);
  let prevHash = rows[0]?.hash ?? '';
  if (!rows[0]) await client.query(`insert into audit_chain_heads (chain, seq, hash) values ($1, 0, '')`, [chain]);
  const key = signingAuditKey();
  const events = auditEvents(people);
  await copyRows(client, 'audit_log', AUDIT_COLUMNS, events.length, (index) => {
    const event = events[index];
    const person = people[event.person];
    const consentKind = event.kind === undefined ? null : SIGNED_KINDS[event.kind];
    const document = consentKind ? target.consentDocuments[consentKind][person.locale] : null;
    const base = { actorUserId: person.userId, subjectType: 'claimant', subjectId: person.claimantId, ip: person.ip as string | null };
    const fields =
      event.action === 'statement.signed'
        ? {
            ...base,
            subjectType: 'statement',
            subjectId: person.statementId,
            details: {
              claimantId: person.claimantId,
              version: person.statementVersion,
              textSha256: person.statementSha256,
              supersedesId: null,
              language: person.locale,
            },
          }
        : event.action === 'consent.signed'
          ? {
              ...base,
              subjectType: 'consent',
              subjectId: person.consentIds[event.kind!],
              details: {
                claimantId: person.claimantId,
                kind: consentKind,
                documentId: document!.id,
                documentVersion: document!.version,
                textSha256: document!.bodySha256,
              },
            }
          : event.action === 'claim.submitted'
            ? {
                ...base,
                details: {
                  referenceNumber: `CPG-${String(firstReference + event.person).padStart(7, '0')}`,
                  claimedTotalKrw: person.damages.reduce((sum, item) => sum + item.amount, 0),
                  evidenceCount: 0,
                  statementId: person.statementId,
                  statementSha256: person.statementSha256,
                },
              }
            : {
                ...base,
                actorUserId: target.reviewerId,
                ip: null,
                details: { reviewId: randomUUID(), from: 'submitted', to: 'verified', version: 2 },
              };
    seq += 1;
    const occurredAt = new Date(event.at);
    const chained = {
      chain,
      seq,
      prevHash,
      occurredAt,
      actorUserId: fields.actorUserId,
      action: event.action,
      caseId: target.caseId,
      subjectType: fields.subjectType,
      subjectId: fields.subjectId,
      ip: fields.ip,
      details: fields.details,
    };
    const hash = auditRowHash(key, chained);
    const row = [
      occurredAt,
      fields.actorUserId,
      event.action,
      target.caseId,
      fields.subjectType,
      fields.subjectId,
      fields.ip,
      fields.details,
      chain,
      seq,
      key.id,
      prevHash,
      hash,
      occurredAt,
      occurredAt,
    ];
    prevHash = hash;
    return row;
  });
  await client.query(`update audit_chain_heads set seq = $2, hash = $3, updated_at = now() where chain = $1`, [chain, seq, prevHash]);
}
