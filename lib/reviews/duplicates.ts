import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { syncOpenFlagCounts } from '@/lib/claimants/record';
import { type DuplicateReason, claimants, duplicateFlags, evidence, users } from '@/db/schema';

/**
 * Duplicate and fraud signals. A signal between two files is stored in both directions (one row
 * per claimant it is shown on), so each file lists its own flags through the unique key's first
 * column and `claimants.open_flag_count` is simply its open rows. An IP burst is about one file
 * and has no other claimant. Detection only ever opens or removes OPEN flags: a flag a lawyer
 * dismissed or confirmed is a decision and stays as it is.
 */
export const IP_BURST_WINDOW_MINUTES = 10;
export const IP_BURST_MIN_SIGNUPS = 5;

export type DuplicateSignal = {
  claimantId: string;
  otherClaimantId: string | null;
  reason: DuplicateReason;
  detail: Record<string, unknown>;
};
export type DetectionResult = { opened: number; closed: number };

/**
 * Checks one claimant against the rest of its case and brings the flags up to date. Idempotent;
 * runs inside the caller's transaction (the intake calls it at submit).
 */
export async function detectDuplicatesForClaimant(tx: Database, claimantId: string): Promise<DetectionResult> {
  const [subject] = await tx
    .select({
      id: claimants.id,
      caseId: claimants.caseId,
      phoneHash: claimants.phoneHash,
      identityHash: claimants.identityHash,
      signupIpHash: claimants.signupIpHash,
      createdAt: claimants.createdAt,
      email: users.email,
    })
    .from(claimants)
    .innerJoin(users, eq(users.id, claimants.userId))
    .where(eq(claimants.id, claimantId));
  if (!subject) return { opened: 0, closed: 0 };
  const others = and(eq(claimants.caseId, subject.caseId), ne(claimants.id, subject.id));

  const pairs: { otherId: string; reason: DuplicateReason; detail: Record<string, unknown> }[] = [];
  const sameEmail = await tx
    .select({ id: claimants.id })
    .from(users)
    .innerJoin(claimants, eq(claimants.userId, users.id))
    .where(and(sql`canonical_email(${users.email}) = canonical_email(${subject.email})`, others));
  pairs.push(...sameEmail.map((row) => ({ otherId: row.id, reason: 'same_email' as const, detail: {} })));
  if (subject.phoneHash) {
    const samePhone = await tx
      .select({ id: claimants.id })
      .from(claimants)
      .where(and(others, eq(claimants.phoneHash, subject.phoneHash)));
    pairs.push(...samePhone.map((row) => ({ otherId: row.id, reason: 'same_phone' as const, detail: {} })));
  }
  if (subject.identityHash) {
    const sameIdentity = await tx
      .select({ id: claimants.id })
      .from(claimants)
      .where(and(others, eq(claimants.identityHash, subject.identityHash)));
    pairs.push(...sameIdentity.map((row) => ({ otherId: row.id, reason: 'same_identity' as const, detail: {} })));
  }
  const sharedFiles = await tx.execute<{ other_id: string; sha256: string }>(sql`
    select distinct other.claimant_id as other_id, other.sha256
    from ${evidence} own
    join ${evidence} other on other.case_id = own.case_id and other.sha256 = own.sha256 and other.claimant_id <> own.claimant_id
    where own.claimant_id = ${subject.id} and own.case_id = ${subject.caseId}`);
  for (const [otherId, hashes] of groupBy(rowsOf<{ other_id: string; sha256: string }>(sharedFiles), (row) => row.other_id)) {
    pairs.push({ otherId, reason: 'same_evidence', detail: { sha256: hashes.map((row) => row.sha256).sort() } });
  }

  const desired: DuplicateSignal[] = pairs.flatMap((pair) => [
    { claimantId: subject.id, otherClaimantId: pair.otherId, reason: pair.reason, detail: pair.detail },
    { claimantId: pair.otherId, otherClaimantId: subject.id, reason: pair.reason, detail: pair.detail },
  ]);
  const burst = subject.signupIpHash ? await findIpBurstAround(tx, subject.caseId, subject.signupIpHash, subject.createdAt) : null;
  if (burst)
    desired.push(
      ...burst.memberIds.map((id) => ({ claimantId: id, otherClaimantId: null, reason: 'ip_burst' as const, detail: burst.detail })),
    );

  // Open flags this claimant's own signals are responsible for: its rows, and the mirrors on others.
  const current = await tx
    .select()
    .from(duplicateFlags)
    .where(
      and(
        eq(duplicateFlags.caseId, subject.caseId),
        eq(duplicateFlags.status, 'open'),
        or(eq(duplicateFlags.claimantId, subject.id), eq(duplicateFlags.otherClaimantId, subject.id)),
      ),
    );
  const wanted = new Set(desired.map(signalKey));
  const stale = current.filter((flag) => !wanted.has(signalKey(flag)));
  return applySignals(
    tx,
    subject.caseId,
    desired,
    stale.map((flag) => flag.id),
    [subject.id, ...current.map((flag) => flag.claimantId)],
  );
}

/**
 * The same checks over a whole case at once (seeded or imported data, or a periodic sweep):
 * set-based joins on the blind indexes, so 100,000 claimants take seconds, not hours.
 */
export async function detectDuplicatesForCase(db: Database, caseId: string): Promise<DetectionResult> {
  const found = await db.execute<{
    claimant_id: string;
    other_id: string | null;
    reason: DuplicateReason;
    detail: Record<string, unknown>;
  }>(sql`
    with pairs as (
      select a.id as claimant_id, b.id as other_id, 'same_phone'::duplicate_reason as reason, '{}'::jsonb as detail
      from claimants a join claimants b on b.case_id = a.case_id and b.phone_hash = a.phone_hash and b.id <> a.id
      where a.case_id = ${caseId} and a.phone_hash is not null
      union all
      select a.id, b.id, 'same_identity', '{}'::jsonb
      from claimants a join claimants b on b.case_id = a.case_id and b.identity_hash = a.identity_hash and b.id <> a.id
      where a.case_id = ${caseId} and a.identity_hash is not null
      union all
      select a.id, b.id, 'same_email', '{}'::jsonb
      from claimants a
      join users ua on ua.id = a.user_id
      join users ub on canonical_email(ub.email) = canonical_email(ua.email)
      join claimants b on b.user_id = ub.id and b.case_id = a.case_id and b.id <> a.id
      where a.case_id = ${caseId}
      union all
      select own.claimant_id, other.claimant_id, 'same_evidence', jsonb_build_object('sha256', jsonb_agg(distinct own.sha256 order by own.sha256))
      from evidence own join evidence other on other.case_id = own.case_id and other.sha256 = own.sha256 and other.claimant_id <> own.claimant_id
      where own.case_id = ${caseId}
      group by own.claimant_id, other.claimant_id
    ),
    windows as (
      select id, signup_ip_hash, created_at,
        count(*) over (partition by signup_ip_hash order by created_at range between current row and ${sql.raw(`interval '${IP_BURST_WINDOW_MINUTES} minutes'`)} following) as signups
      from claimants where case_id = ${caseId} and signup_ip_hash is not null
    ),
    bursts as (
      select distinct on (member.id) member.id as claimant_id, null::uuid as other_id, 'ip_burst'::duplicate_reason as reason,
        jsonb_build_object('windowStart', w.created_at, 'signups', w.signups) as detail
      from windows w
      join claimants member on member.case_id = ${caseId} and member.signup_ip_hash = w.signup_ip_hash
        and member.created_at >= w.created_at and member.created_at <= w.created_at + ${sql.raw(`interval '${IP_BURST_WINDOW_MINUTES} minutes'`)}
      where w.signups >= ${IP_BURST_MIN_SIGNUPS}
      order by member.id, w.signups desc
    )
    select claimant_id, other_id, reason, detail from pairs
    union all
    select claimant_id, other_id, reason, detail from bursts`);
  const desired: DuplicateSignal[] = rowsOf<{
    claimant_id: string;
    other_id: string | null;
    reason: DuplicateReason;
    detail: Record<string, unknown>;
  }>(found).map((row) => ({ claimantId: row.claimant_id, otherClaimantId: row.other_id, reason: row.reason, detail: row.detail }));
  const current = await db
    .select()
    .from(duplicateFlags)
    .where(and(eq(duplicateFlags.caseId, caseId), eq(duplicateFlags.status, 'open')));
  const wanted = new Set(desired.map(signalKey));
  const stale = current.filter((flag) => !wanted.has(signalKey(flag)));
  return applySignals(
    db,
    caseId,
    desired,
    stale.map((flag) => flag.id),
    current.map((flag) => flag.claimantId),
  );
}

/** Members of a sign-up burst from one address that includes the given time, if there is one. */
async function findIpBurstAround(tx: Database, caseId: string, ipHash: string, at: Date) {
  const windowMs = IP_BURST_WINDOW_MINUTES * 60_000;
  const nearby = await tx
    .select({ id: claimants.id, createdAt: claimants.createdAt })
    .from(claimants)
    .where(
      and(
        eq(claimants.caseId, caseId),
        eq(claimants.signupIpHash, ipHash),
        sql`${claimants.createdAt} between ${new Date(at.getTime() - windowMs)} and ${new Date(at.getTime() + windowMs)}`,
      ),
    )
    .orderBy(claimants.createdAt);
  const members = new Set<string>();
  let best: { windowStart: string; signups: number } | null = null;
  for (const start of nearby) {
    const startMs = start.createdAt.getTime();
    if (startMs > at.getTime()) break;
    const inWindow = nearby.filter((row) => row.createdAt.getTime() >= startMs && row.createdAt.getTime() <= startMs + windowMs);
    if (inWindow.length < IP_BURST_MIN_SIGNUPS || startMs + windowMs < at.getTime()) continue;
    inWindow.forEach((row) => members.add(row.id));
    if (!best || inWindow.length > best.signups) best = { windowStart: start.createdAt.toISOString(), signups: inWindow.length };
  }
  return best ? { memberIds: [...members], detail: best } : null;
}

async function applySignals(
  db: Database,
  caseId: string,
  desired: DuplicateSignal[],
  staleIds: string[],
  alsoRecount: string[],
): Promise<DetectionResult> {
  let opened = 0;
  for (let start = 0; start < desired.length; start += 500) {
    const inserted = await db
      .insert(duplicateFlags)
      .values(desired.slice(start, start + 500).map((signal) => ({ caseId, ...signal })))
      .onConflictDoNothing()
      .returning({ id: duplicateFlags.id });
    opened += inserted.length;
  }
  if (staleIds.length) await db.delete(duplicateFlags).where(and(eq(duplicateFlags.caseId, caseId), inArray(duplicateFlags.id, staleIds)));
  await syncOpenFlagCounts(db, caseId, [...new Set([...alsoRecount, ...desired.map((signal) => signal.claimantId)])]);
  return { opened, closed: staleIds.length };
}

function signalKey(signal: { claimantId: string; otherClaimantId: string | null; reason: string }): string {
  return `${signal.claimantId}|${signal.otherClaimantId ?? ''}|${signal.reason}`;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** node-postgres returns `{ rows }`, PGlite the same shape; both through drizzle's execute. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
