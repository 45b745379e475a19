import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, claimants, duplicateFlags, evidence, users } from '@/db/schema';
import { blindIndex } from '@/lib/crypto/field-encryption';
import { putBlob } from '@/lib/blobs/blobs';
import { setupTestDatabase } from '@/tests/helpers/database';
import { dismissFlag, listDuplicatePairs, rejectAsDuplicate } from './duplicate-review';
import { detectDuplicatesForCase, detectDuplicatesForClaimant } from './duplicates';
import { type ReviewWorld, createReviewWorld, insertClaimant } from './test-world';

let handle: DatabaseHandle;
let world: ReviewWorld;

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createReviewWorld(handle.db, { claimants: 60 });
});

const flagsOf = (claimantId: string) => handle.db.select().from(duplicateFlags).where(eq(duplicateFlags.claimantId, claimantId));
const countOf = async (claimantId: string) =>
  (await handle.db.select({ n: claimants.openFlagCount }).from(claimants).where(eq(claimants.id, claimantId)))[0].n;
const detect = (claimantId: string) => handle.db.transaction((tx) => detectDuplicatesForClaimant(tx, claimantId));

describe('duplicate detection for one claimant', () => {
  it('flags the same phone both ways, with the reason, and keeps open_flag_count in sync', async () => {
    const phoneHash = blindIndex('phone', '01077770001');
    const first = await insertClaimant(handle.db, world.caseA.id, { phoneHash });
    const second = await insertClaimant(handle.db, world.caseA.id, { phoneHash });
    expect(await detect(second.id)).toEqual({ opened: 2, closed: 0 });
    expect((await flagsOf(second.id)).map((flag) => [flag.otherClaimantId, flag.reason, flag.status])).toEqual([
      [first.id, 'same_phone', 'open'],
    ]);
    expect((await flagsOf(first.id)).map((flag) => [flag.otherClaimantId, flag.reason])).toEqual([[second.id, 'same_phone']]);
    expect([await countOf(first.id), await countOf(second.id)]).toEqual([1, 1]);
    // Idempotent: nothing new the second time.
    expect(await detect(second.id)).toEqual({ opened: 0, closed: 0 });
  });

  it('flags the same name and date of birth, the same mailbox, and the same evidence file', async () => {
    const identityHash = blindIndex('identity', '김동명|1970-01-01');
    const a = await insertClaimant(handle.db, world.caseA.id, { identityHash });
    const b = await insertClaimant(handle.db, world.caseA.id, { identityHash });
    const [userB] = await handle.db.select().from(users).where(eq(users.id, b.userId));
    await handle.db.update(users).set({ email: 'dong.myung@gmail.com' }).where(eq(users.id, b.userId));
    const c = await insertClaimant(handle.db, world.caseA.id);
    await handle.db.update(users).set({ email: 'dongmyung+2@googlemail.com' }).where(eq(users.id, c.userId));
    const sha256 = await putBlob(handle.db, new TextEncoder().encode('%PDF-1.4 same bill'), 'application/pdf');
    for (const owner of [a, c]) {
      await handle.db.insert(evidence).values({
        claimantId: owner.id,
        caseId: world.caseA.id,
        originalFilename: 'bill.pdf',
        detectedMime: 'application/pdf',
        byteSize: 18,
        sha256,
      });
    }
    await detect(b.id);
    await detect(c.id);
    const reasonsOf = async (id: string) => (await flagsOf(id)).map((flag) => `${flag.reason}:${flag.otherClaimantId}`).sort();
    expect(await reasonsOf(b.id)).toEqual([`same_email:${c.id}`, `same_identity:${a.id}`].sort());
    expect(await reasonsOf(c.id)).toEqual([`same_email:${b.id}`, `same_evidence:${a.id}`].sort());
    const [evidenceFlag] = (await flagsOf(a.id)).filter((flag) => flag.reason === 'same_evidence');
    expect(evidenceFlag.detail).toEqual({ sha256: [sha256] });
    expect(await countOf(a.id)).toBe(2);
    expect(userB).toBeDefined();
  });

  it('flags every member of a burst of five sign-ups from one address within ten minutes, and not four', async () => {
    const start = new Date('2026-02-20T10:00:00Z').getTime();
    const ip = blindIndex('ip', '192.0.2.77');
    const members = [];
    for (let index = 0; index < 4; index++)
      members.push(await insertClaimant(handle.db, world.caseA.id, { signupIpHash: ip, createdAt: new Date(start + index * 90_000) }));
    expect(await detect(members[3].id)).toEqual({ opened: 0, closed: 0 });
    members.push(await insertClaimant(handle.db, world.caseA.id, { signupIpHash: ip, createdAt: new Date(start + 9 * 60_000) }));
    // Someone from the same address much later is not part of it.
    const later = await insertClaimant(handle.db, world.caseA.id, { signupIpHash: ip, createdAt: new Date(start + 60 * 60_000) });
    expect(await detect(members[4].id)).toEqual({ opened: 5, closed: 0 });
    for (const member of members)
      expect((await flagsOf(member.id)).map((flag) => [flag.reason, flag.otherClaimantId])).toEqual([['ip_burst', null]]);
    expect(await flagsOf(later.id)).toEqual([]);
    expect((await flagsOf(members[0].id))[0].detail).toMatchObject({ signups: 5 });
  });

  it('removes open flags whose signal is gone, but never reopens or removes a decided one', async () => {
    const phoneHash = blindIndex('phone', '01077770002');
    const a = await insertClaimant(handle.db, world.caseA.id, { phoneHash });
    const b = await insertClaimant(handle.db, world.caseA.id, { phoneHash });
    const c = await insertClaimant(handle.db, world.caseA.id, { phoneHash });
    await detect(c.id);
    const [flagWithA] = (await flagsOf(c.id)).filter((flag) => flag.otherClaimantId === a.id);
    await dismissFlag(handle.db, { caseId: world.caseA.id, flagId: flagWithA.id, actorId: world.lawyerA.id, ip: null });
    expect(await countOf(a.id)).toBe(0);
    expect(await countOf(c.id)).toBe(1);

    // The claimant corrects the phone number: the open flag with b goes, the dismissed one with a stays.
    await handle.db
      .update(claimants)
      .set({ phoneHash: blindIndex('phone', '01077779999') })
      .where(eq(claimants.id, c.id));
    expect(await detect(c.id)).toEqual({ opened: 0, closed: 2 });
    expect((await flagsOf(c.id)).map((flag) => [flag.otherClaimantId, flag.status])).toEqual([[a.id, 'dismissed']]);
    expect([await countOf(b.id), await countOf(c.id)]).toEqual([0, 0]);
    await handle.db.update(claimants).set({ phoneHash }).where(eq(claimants.id, c.id));
    await detect(c.id);
    const statuses = (await flagsOf(c.id)).map((flag) => `${flag.otherClaimantId === a.id ? 'a' : 'b'}:${flag.status}`).sort();
    expect(statuses).toEqual(['a:dismissed', 'b:open']);
  });

  it('compares only within the case', async () => {
    const phoneHash = blindIndex('phone', '01077770003');
    await insertClaimant(handle.db, world.caseB.id, { phoneHash });
    const mine = await insertClaimant(handle.db, world.caseA.id, { phoneHash });
    expect(await detect(mine.id)).toEqual({ opened: 0, closed: 0 });
  });
});

describe('duplicate detection for a whole case', () => {
  it('finds pairs per-claimant checks never compared, and running it again changes nothing', async () => {
    // Two earlier claimants with one phone were each only compared with a third one that changed.
    const phoneHash = blindIndex('phone', '01077770002');
    const samePhone = await handle.db
      .select({ id: claimants.id })
      .from(claimants)
      .where(and(eq(claimants.caseId, world.caseA.id), eq(claimants.phoneHash, phoneHash!)));
    expect(await detectDuplicatesForCase(handle.db, world.caseA.id)).toMatchObject({ closed: 0 });
    const before = await handle.db.select().from(duplicateFlags).where(eq(duplicateFlags.caseId, world.caseA.id));
    const pairs = before.filter((flag) => flag.reason === 'same_phone' && samePhone.some((row) => row.id === flag.claimantId));
    expect(pairs.length).toBe(samePhone.length * (samePhone.length - 1));
    expect(await detectDuplicatesForCase(handle.db, world.caseA.id)).toEqual({ opened: 0, closed: 0 });
    const after = await handle.db.select().from(duplicateFlags).where(eq(duplicateFlags.caseId, world.caseA.id));
    expect(after.map((flag) => flag.id).sort()).toEqual(before.map((flag) => flag.id).sort());
    const planted = await handle.db
      .select({ name: claimants.legalName, n: claimants.openFlagCount })
      .from(claimants)
      .where(
        and(
          eq(claimants.caseId, world.caseA.id),
          inArray(claimants.legalName, ['김영희', '김영이', '이민수', '이민서', '박철수', '최지훈', '최서아']),
        ),
      );
    expect(planted.every((row) => row.n >= 1)).toBe(true);
  });
});

describe('resolving flags', () => {
  it('lists each pair once and rejects one file as the duplicate, confirming the flags between the two', async () => {
    const { rows } = await listDuplicatePairs(handle.db, world.caseA.id, { reason: 'same_identity' });
    const pair = rows.find((row) => [row.first.name, row.second?.name].includes('한가람'));
    expect(pair).toBeDefined();
    expect(
      rows.filter((row) => row.flag.claimantId === pair!.flag.otherClaimantId && row.flag.otherClaimantId === pair!.flag.claimantId),
    ).toHaveLength(0);

    const duplicate = pair!.first.name === '한가람' ? pair!.second! : pair!.first;
    const [target] = await handle.db.select().from(claimants).where(eq(claimants.id, duplicate.id));
    await rejectAsDuplicate(handle.db, {
      caseId: world.caseA.id,
      flagId: pair!.flag.id,
      claimantId: target.id,
      expectedVersion: target.version,
      text: '중복 신청',
      actorId: world.lawyerA.id,
      ip: null,
      appUrl: 'http://x',
    });
    const [rejected] = await handle.db.select().from(claimants).where(eq(claimants.id, target.id));
    expect(rejected).toMatchObject({ status: 'rejected', openFlagCount: 0 });
    const between = await handle.db
      .select()
      .from(duplicateFlags)
      .where(inArray(duplicateFlags.claimantId, [pair!.flag.claimantId, pair!.flag.otherClaimantId!]));
    expect(between.filter((flag) => flag.reason === 'same_identity').map((flag) => flag.status)).toEqual(['confirmed', 'confirmed']);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.subjectId, pair!.flag.id));
    expect(audits.map((entry) => entry.action)).toEqual(['flag.confirmed']);
    await expect(
      dismissFlag(handle.db, { caseId: world.caseA.id, flagId: pair!.flag.id, actorId: world.lawyerA.id, ip: null }),
    ).rejects.toMatchObject({ code: 'stale' });
  });

  it('cannot resolve a flag through another case', async () => {
    const { rows } = await listDuplicatePairs(handle.db, world.caseA.id);
    await expect(
      dismissFlag(handle.db, { caseId: world.caseB.id, flagId: rows[0].flag.id, actorId: world.lawyerB.id, ip: null }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
