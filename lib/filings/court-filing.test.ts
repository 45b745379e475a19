import fs from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, blobs, claimants, courtFilings, filingClaimants, filingParts, filings } from '@/db/schema';
import { eraseAccount } from '@/lib/erasure/erase-account';
import { loadStatusTimeline } from '@/lib/claimants/home';
import { AppError } from '@/lib/errors';
import { translateKey } from '@/lib/http/route';
import { getTranslator } from '@/lib/i18n/translator';
import { toKstDateInput } from '@/lib/forms/validators';
import { loadDashboardSummary } from '@/lib/metrics/dashboard';
import { computePublicStats } from '@/lib/metrics/public-stats';
import { loadSupportReportData } from '@/lib/metrics/support-report-data';
import { setupTestDatabase } from '@/tests/helpers/database';
import { actAs } from '@/tests/helpers/next-context';
import { runQueuedJobs } from '@/tests/helpers/jobs';
import { correctCourtFilingAction } from './actions';
import { correctCourtFiling } from './correct-court-filing';
import { parseCourtFiling, parseCourtFilingCorrection } from './court-filing-schema';
import { createFiling } from './create-filing';
import { DISCARDED_FOR_ERASURE } from './discard-drafts';
import { FILING_GENERATE_JOB } from './job-kind';
import { findFiling, listCourtFilingCorrections } from './queries';
import { recordCourtFiling } from './record-court-filing';
import { parseFilingRequest } from './schemas';
import { type FilingWorld, createFilingWorld, insertFiledClaimant, packetRequest } from './test-world';

// The correction's server action runs with the real guards; only the request is stood in for.
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  ...(await import('@/tests/helpers/next-context')).nextAuthMock,
}));
vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

let handle: DatabaseHandle;
let world: FilingWorld;
const today = () => toKstDateInput(new Date());
const actor = () => ({ userId: world.lawyerA.id, ip: '203.0.113.9' });
const COURT = { court: '서울중앙지방법원', courtCaseNumber: '2026가합12345', confirm: 'on' };

/** Requests a packet and builds it as the job runner would (worker render, parts stored). */
async function buildPacket(values: Record<string, string> = {}): Promise<number> {
  const { version } = await createFiling(handle.db, actor(), world.caseA, parseFilingRequest(packetRequest(values)));
  await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]);
  expect((await findFiling(handle.db, world.caseA.id, version))?.status).toBe('done');
  return version;
}

async function filedCounts() {
  const [stats, dashboard, report] = await Promise.all([
    computePublicStats(handle.db, world.caseA),
    loadDashboardSummary(handle.db, world.caseA),
    loadSupportReportData(handle.db, world.caseA, { locale: 'ko' }),
  ]);
  return {
    publicStats: stats.claimants.filed,
    dashboard: dashboard.funnel.find((stage) => stage.id === 'filed')?.count,
    report: report.headline.claimantsFiled,
  };
}

async function onFiling() {
  const rows = await handle.db
    .select({ id: claimants.id, filedAt: claimants.filedAt })
    .from(claimants)
    .where(and(eq(claimants.caseId, world.caseA.id), eq(claimants.isOnFiling, true)));
  return rows;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let draftVersion: number;
/** A built packet nobody recorded as filed. */
let unrecordedVersion: number;

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createFilingWorld(handle.db);
  draftVersion = await buildPacket();
});

describe('a built packet', () => {
  it('is a draft: nobody on it is filed — not on the timeline, the dashboard, the report or the public stats', async () => {
    const draft = await findFiling(handle.db, world.caseA.id, draftVersion);
    expect(draft?.claimantCount).toBe(5);
    expect(draft?.courtFiling).toBeNull();
    expect(await onFiling()).toEqual([]);
    expect(await filedCounts()).toEqual({ publicStats: 0, dashboard: 0, report: 0 });
    const [claimant] = await handle.db.select().from(claimants).where(eq(claimants.id, world.verified[0].id));
    expect((await loadStatusTimeline(handle.db, claimant)).map((entry) => entry.kind)).not.toContain('filed');
  });
});

describe('recording the court filing', () => {
  it('refuses a malformed 사건번호, a future day or no confirmation, in the reader’s language', () => {
    const refused = (values: Record<string, string>, format: 'kr' | 'us' = 'kr') => {
      try {
        parseCourtFiling(values, format, new Date('2026-03-10T03:00:00Z'));
      } catch (error) {
        return (error as AppError).fieldErrors ?? {};
      }
      return {};
    };
    const errors = refused({ filedOn: '2026-03-11', court: ' ', courtCaseNumber: '12345' });
    expect(errors).toEqual({
      filedOn: 'validation.dateInFuture',
      court: 'validation.required',
      courtCaseNumber: 'filings.validation.caseNumberKr',
      confirm: 'validation.mustConfirm',
    });
    expect(translateKey(getTranslator('ko'), errors.courtCaseNumber)).toContain('2026가합12345');
    expect(translateKey(getTranslator('en'), errors.courtCaseNumber)).toMatch(/^Not a Korean case number/);
    expect(refused({ filedOn: '2026-02-30', ...COURT })).toEqual({ filedOn: 'validation.date' });
    expect(refused({ filedOn: '2026-03-10', ...COURT }, 'us')).toEqual({ courtCaseNumber: 'filings.validation.caseNumberUs' });
    // Spaces and full-width digits as people type them are the same number.
    expect(
      parseCourtFiling({ filedOn: '2026-03-10', ...COURT, courtCaseNumber: '２０２６ 가합 12345' }, 'kr', new Date('2026-03-10T03:00:00Z')),
    ).toMatchObject({ courtCaseNumber: '2026가합12345' });
    expect(
      parseCourtFiling({ filedOn: '2026-03-10', ...COURT, courtCaseNumber: '1:26-cv-01234-ABC' }, 'us', new Date('2026-03-10T03:00:00Z')),
    ).toMatchObject({ courtCaseNumber: '1:26-cv-01234-ABC' });
  });

  it('refuses a day before the packet was built and a packet still building, writing nothing', async () => {
    const input = parseCourtFiling({ filedOn: '2020-01-02', ...COURT }, 'kr');
    const early = await refusal(recordCourtFiling(handle.db, actor(), world.caseA.id, draftVersion, input));
    expect(early.fieldErrors?.filedOn).toMatch(/^filings\.validation\.filedBeforeBuilt\|/);
    expect(translateKey(getTranslator('ko'), early.fieldErrors!.filedOn)).toContain(today());

    const { version: queued } = await createFiling(handle.db, actor(), world.caseA, parseFilingRequest(packetRequest()));
    const notDone = await refusal(
      recordCourtFiling(handle.db, actor(), world.caseA.id, queued, parseCourtFiling({ filedOn: today(), ...COURT }, 'kr')),
    );
    expect(notDone.messageKey).toBe('filings.errors.notFinished');
    const other = await refusal(
      recordCourtFiling(handle.db, actor(), world.caseB.id, draftVersion, parseCourtFiling({ filedOn: today(), ...COURT }, 'kr')),
    );
    expect(other.code).toBe('not_found');
    expect(await handle.db.$count(courtFilings)).toBe(0);
    expect(await onFiling()).toEqual([]);
    // Leave the queue empty for the next build: the job of a cancelled filing does nothing.
    await handle.db.update(filings).set({ status: 'cancelled' }).where(eq(filings.version, queued));
    await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]);
  });

  it('files the packet’s claimants as of that day, with the court and 사건번호 on their timeline, and counts them everywhere', async () => {
    const filedOn = today();
    const input = parseCourtFiling({ filedOn, ...COURT, courtCaseNumber: '2026 가합 12345' }, 'kr');
    expect(await recordCourtFiling(handle.db, actor(), world.caseA.id, draftVersion, input)).toEqual({ claimants: 5 });

    const filed = await onFiling();
    expect(filed.map((row) => row.id).sort()).toEqual([...world.verified, world.withoutAppointment].map((claimant) => claimant.id).sort());
    for (const row of filed) expect(row.filedAt?.toISOString()).toBe(new Date(`${filedOn}T00:00:00+09:00`).toISOString());
    expect(await filedCounts()).toEqual({ publicStats: 5, dashboard: 5, report: 5 });

    const recorded = await findFiling(handle.db, world.caseA.id, draftVersion);
    expect(recorded?.courtFiling).toEqual({ filedOn, court: '서울중앙지방법원', courtCaseNumber: '2026가합12345' });
    const [claimant] = await handle.db.select().from(claimants).where(eq(claimants.id, world.verified[0].id));
    const timeline = await loadStatusTimeline(handle.db, claimant);
    expect(timeline[timeline.length - 1]).toMatchObject({
      kind: 'filed',
      filing: { filedOn, court: '서울중앙지방법원', courtCaseNumber: '2026가합12345' },
    });
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'filing.recorded'));
    expect(audit).toMatchObject({ actorUserId: world.lawyerA.id, subjectId: recorded?.id, caseId: world.caseA.id });
    expect(audit.details).toMatchObject({ version: draftVersion, filedOn, courtCaseNumber: '2026가합12345', claimants: 5 });

    const again = await refusal(recordCourtFiling(handle.db, actor(), world.caseA.id, draftVersion, input));
    expect(again.messageKey).toMatch(/^filings\.errors\.alreadyRecorded\|/);
    // A filed packet cannot be deleted on its own.
    await expect(handle.db.delete(filings).where(eq(filings.id, recorded!.id))).rejects.toThrow();
  });

  it('refuses a second packet holding claimants already filed, and names them', async () => {
    const second = await buildPacket();
    unrecordedVersion = second;
    const refused = await refusal(
      recordCourtFiling(
        handle.db,
        actor(),
        world.caseA.id,
        second,
        parseCourtFiling({ filedOn: today(), ...COURT, courtCaseNumber: '2026가합20000' }, 'kr'),
      ),
    );
    expect(refused.messageKey).toMatch(/^filings\.errors\.claimantsAlreadyFiled\|/);
    const message = translateKey(getTranslator('ko'), refused.messageKey!);
    expect(message).toContain('2026가합12345');
    expect(message).toContain(world.verified[0].referenceNumber!);
    expect(await handle.db.$count(courtFilings)).toBe(1);
  });
});

describe('correcting the recorded filing', () => {
  const RECORDED = { filedOn: '', court: '서울중앙지방법원', courtCaseNumber: '2026가합12345' };
  /** A Korean calendar day some days back. */
  const daysAgo = (days: number) => toKstDateInput(new Date(Date.now() - days * 86_400_000));
  const builtOn = daysAgo(5);
  const correction = (values: Record<string, string>) =>
    parseCourtFilingCorrection({ ...RECORDED, filedOn: today(), reason: '접수증명원과 대조해 바로잡음', ...values }, 'kr');

  /** What a refused correction must leave as it was: the record, the claimants' dates and the audit log. */
  async function writtenState() {
    const recorded = await findFiling(handle.db, world.caseA.id, draftVersion);
    return {
      courtFiling: recorded?.courtFiling,
      courtFilings: await handle.db.$count(courtFilings),
      filed: (await onFiling()).map((row) => `${row.id} ${row.filedAt?.toISOString()}`).sort(),
      corrections: await handle.db.$count(auditLog, eq(auditLog.action, 'filing.record_corrected')),
    };
  }

  beforeAll(async () => {
    RECORDED.filedOn = today();
    // Built five days ago, so a correction has earlier days to move to (and one before the build to refuse).
    await handle.db
      .update(filings)
      .set({ finishedAt: new Date(`${builtOn}T12:00:00+09:00`) })
      .where(and(eq(filings.caseId, world.caseA.id), eq(filings.version, draftVersion)));
  });

  it('refuses an empty, blank or overlong reason and the recording form’s own mistakes, with no confirmation asked', () => {
    const refused = (values: Record<string, string>) => {
      try {
        parseCourtFilingCorrection(values, 'kr', new Date('2026-03-10T03:00:00Z'));
      } catch (error) {
        return (error as AppError).fieldErrors ?? {};
      }
      return {};
    };
    const valid = { filedOn: '2026-03-10', court: '서울중앙지방법원', courtCaseNumber: '2026가합12345' };
    expect(refused({ ...valid, reason: '' })).toEqual({ reason: 'validation.required' });
    expect(refused({ ...valid, reason: '  \n ' })).toEqual({ reason: 'validation.required' });
    expect(refused({ ...valid, reason: '가'.repeat(501) })).toEqual({ reason: 'validation.tooLong|{"max":500}' });
    expect(refused({ filedOn: '2026-03-11', court: ' ', courtCaseNumber: '12345', reason: '오타' })).toEqual({
      filedOn: 'validation.dateInFuture',
      court: 'validation.required',
      courtCaseNumber: 'filings.validation.caseNumberKr',
    });
    expect(refused({ ...valid, reason: '가'.repeat(500) })).toEqual({});
  });

  it('refuses a packet not recorded, a day before the build, a correction that changes nothing and another case’s packet, writing nothing', async () => {
    const before = await writtenState();

    const notRecorded = await refusal(correctCourtFiling(handle.db, actor(), world.caseA.id, unrecordedVersion, correction({})));
    expect(notRecorded).toMatchObject({ code: 'conflict', messageKey: 'filings.errors.notRecorded' });
    expect(translateKey(getTranslator('ko'), notRecorded.messageKey!)).toContain('정정');
    expect(translateKey(getTranslator('en'), notRecorded.messageKey!)).toMatch(/corrected/);

    const early = await refusal(correctCourtFiling(handle.db, actor(), world.caseA.id, draftVersion, correction({ filedOn: daysAgo(6) })));
    expect(early.fieldErrors?.filedOn).toMatch(/^filings\.validation\.filedBeforeBuilt\|/);
    expect(translateKey(getTranslator('ko'), early.fieldErrors!.filedOn)).toContain(builtOn);

    // The 사건번호 as people type it is the number recorded: nothing to correct.
    const unchanged = await refusal(
      correctCourtFiling(handle.db, actor(), world.caseA.id, draftVersion, correction({ courtCaseNumber: '２０２６ 가합 12345' })),
    );
    expect(unchanged).toMatchObject({ code: 'invalid_input', messageKey: 'filings.errors.correctionUnchanged' });
    expect(translateKey(getTranslator('en'), unchanged.messageKey!)).toMatch(/^Nothing changed/);

    const other = await refusal(
      correctCourtFiling(handle.db, actor(), world.caseB.id, draftVersion, correction({ court: '서울남부지방법원' })),
    );
    expect(other.code).toBe('not_found');

    expect(await writtenState()).toEqual(before);
  });

  it('corrects the day, court and 사건번호, moves the claimants’ filed date with the day and audits before, after and why', async () => {
    const filedOn = daysAgo(2);
    const after = { filedOn, court: '서울남부지방법원', courtCaseNumber: '2026가합54321' };
    const reason = '사건번호와 법원을 잘못 옮겨 적음. 접수증명원 기준으로 바로잡음.';
    expect(await correctCourtFiling(handle.db, actor(), world.caseA.id, draftVersion, correction({ ...after, reason }))).toEqual({
      claimantsMoved: 5,
    });

    const recorded = await findFiling(handle.db, world.caseA.id, draftVersion);
    expect(recorded?.courtFiling).toEqual(after);
    expect(await handle.db.$count(courtFilings)).toBe(1);
    const filed = await onFiling();
    expect(filed).toHaveLength(5);
    for (const row of filed) expect(row.filedAt?.toISOString()).toBe(new Date(`${filedOn}T00:00:00+09:00`).toISOString());
    expect(await filedCounts()).toEqual({ publicStats: 5, dashboard: 5, report: 5 });
    const [claimant] = await handle.db.select().from(claimants).where(eq(claimants.id, world.verified[0].id));
    // The test world registered the claimants today, so "filed" is found, not taken as the last entry.
    const timeline = await loadStatusTimeline(handle.db, claimant);
    expect(timeline.find((entry) => entry.kind === 'filed')).toMatchObject({ filing: after });

    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'filing.record_corrected'));
    expect(audit).toMatchObject({ actorUserId: world.lawyerA.id, subjectType: 'filing', subjectId: recorded?.id, caseId: world.caseA.id });
    expect(audit.details).toEqual({ version: draftVersion, reason, before: RECORDED, after });
    expect(await listCourtFilingCorrections(handle.db, world.caseA.id, recorded!.id)).toEqual([
      { id: audit.id, occurredAt: audit.occurredAt, actorName: world.lawyerA.name, reason, before: RECORDED, after },
    ]);
    // Another case's lookup does not see them.
    expect(await listCourtFilingCorrections(handle.db, world.caseB.id, recorded!.id)).toEqual([]);
  });

  it('leaves the claimants’ filed date alone when only the 사건번호 changes, and lists the corrections newest first', async () => {
    const filedBefore = (await onFiling()).map((row) => `${row.id} ${row.filedAt?.toISOString()}`).sort();
    const current = (await findFiling(handle.db, world.caseA.id, draftVersion))!;
    const corrected = correction({ ...current.courtFiling, courtCaseNumber: '2026가합54322', reason: '끝자리 오타' });
    expect(await correctCourtFiling(handle.db, actor(), world.caseA.id, draftVersion, corrected)).toEqual({ claimantsMoved: 0 });
    expect((await onFiling()).map((row) => `${row.id} ${row.filedAt?.toISOString()}`).sort()).toEqual(filedBefore);
    const history = await listCourtFilingCorrections(handle.db, world.caseA.id, current.id);
    expect(history.map((entry) => entry.reason)).toEqual([
      '끝자리 오타',
      '사건번호와 법원을 잘못 옮겨 적음. 접수증명원 기준으로 바로잡음.',
    ]);
    expect(history[0].before).toEqual(current.courtFiling);
    expect(history[0].after).toEqual({ ...current.courtFiling, courtCaseNumber: '2026가합54322' });
  });
});

describe('the correction action', () => {
  const formOf = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(values)) data.set(key, value);
    return data;
  };

  it('lets a lawyer of the case correct, answers a refusal per field in Korean with what was typed, and keeps others out', async () => {
    const current = (await findFiling(handle.db, world.caseA.id, draftVersion))!.courtFiling!;
    await actAs(handle.db, world.lawyerA.id, { isStaff: true });

    const typed = { ...current, court: '서울동부지방법원', reason: ' ' };
    const refused = await correctCourtFilingAction(world.caseA.slug, draftVersion, null, formOf(typed));
    expect(refused).toMatchObject({ ok: false, values: typed });
    expect(refused.ok ? null : refused.fieldErrors).toEqual({ reason: translateKey(getTranslator('ko'), 'validation.required') });

    const corrected = await correctCourtFilingAction(world.caseA.slug, draftVersion, null, formOf({ ...typed, reason: '법원 이름 오기' }));
    expect(corrected).toEqual({ ok: true, data: undefined, message: translateKey(getTranslator('ko'), 'filings.correct.corrected') });
    expect((await findFiling(handle.db, world.caseA.id, draftVersion))?.courtFiling).toEqual({ ...current, court: '서울동부지방법원' });

    await actAs(handle.db, world.organizerA.id, { isStaff: true });
    const outsider = await correctCourtFilingAction(world.caseA.slug, draftVersion, null, formOf({ ...current, reason: '권한 없음' }));
    expect(outsider.ok).toBe(false);
    expect((await findFiling(handle.db, world.caseA.id, draftVersion))?.courtFiling).toEqual({ ...current, court: '서울동부지방법원' });
    await actAs(handle.db, null);
  });
});

describe('erasure', () => {
  it('of a claimant only on a draft deletes them and discards the draft’s files; on a recorded filing it restricts', async () => {
    const late = await insertFiledClaimant(handle.db, world.caseA.id);
    const version = await buildPacket({
      claimantSource: 'references',
      references: late.referenceNumber!,
      selectionName: '늦은 원고',
      docAppointment: '',
    });
    const draft = (await findFiling(handle.db, world.caseA.id, version))!;
    const parts = await handle.db.select({ sha256: filingParts.sha256 }).from(filingParts).where(eq(filingParts.filingId, draft.id));
    expect(parts.length).toBeGreaterThan(0);

    expect(await eraseAccount(handle.db, { userId: late.userId, ip: '198.51.100.1' })).toMatchObject({ outcome: 'erased' });
    expect(await handle.db.$count(claimants, eq(claimants.id, late.id))).toBe(0);
    const discarded = (await findFiling(handle.db, world.caseA.id, version))!;
    expect(discarded).toMatchObject({ status: 'cancelled', error: DISCARDED_FOR_ERASURE, partCount: 0, claimantCount: 0 });
    for (const part of parts) expect(await handle.db.$count(blobs, eq(blobs.sha256, part.sha256))).toBe(0);
    expect(await handle.db.$count(auditLog, eq(auditLog.action, 'filing.discarded'))).toBe(1);
    expect(translateKey(getTranslator('en'), DISCARDED_FOR_ERASURE)).toContain('erased');

    const filed = world.verified[1];
    expect(await eraseAccount(handle.db, { userId: filed.userId, ip: '198.51.100.1' })).toEqual({ outcome: 'restricted', claims: 1 });
    const [kept] = await handle.db.select().from(claimants).where(eq(claimants.id, filed.id));
    expect(kept.restrictedAt).toBeInstanceOf(Date);
    const recorded = (await findFiling(handle.db, world.caseA.id, draftVersion))!;
    expect(
      await handle.db.$count(filingClaimants, and(eq(filingClaimants.claimantId, filed.id), eq(filingClaimants.filingId, recorded.id))),
    ).toBe(1);
  });
});

describe('migration 0019', () => {
  it('unmarks claimants marked filed by a draft packet and keeps those on a recorded filing', async () => {
    // What building a packet used to write: a claimant on no recorded filing, marked filed.
    await handle.db.update(claimants).set({ isOnFiling: true, filedAt: new Date() }).where(eq(claimants.id, world.submitted.id));
    const before = (await onFiling()).length;
    const statement = fs.readFileSync('db/migrations/0019_drafts_are_not_filings.sql', 'utf8');
    await handle.db.execute(sql.raw(statement));
    const after = await onFiling();
    expect(after.length).toBe(before - 1);
    expect(after.map((row) => row.id)).not.toContain(world.submitted.id);
    expect(after.map((row) => row.id)).toContain(world.verified[0].id);
    expect((await filedCounts()).publicStats).toBe(after.length);
  });
});
