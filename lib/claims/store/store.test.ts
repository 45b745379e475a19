import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, cases, claimants } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import type { ClaimDefinition } from '@/lib/claims';
import { COUPANG_2025 } from '@/lib/claims/definitions/coupang-2025';
import { enrollClaimant } from '@/lib/claimants/enrollment';
import { AppError } from '@/lib/errors';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestUser } from '@/tests/helpers/users';
import { DefinitionRefusedError, loadCurrentDefinition, loadPublishedDefinition, publishDefinition } from './definitions';
import { bringDraftForward } from '@/lib/claimants/draft-version';
import { countDraftsBehind } from './drafts';
import { openAnswers, sealAnswers } from './sealed-answers';

let db: Database;
let caseId: string;
let adminId: string;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  ({ coupangCaseId: caseId } = await seedDemoCase(db));
  adminId = (await createTestUser(db)).id;
});

async function caseRow() {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  return row;
}

/** Version 2 of the Coupang definition: the "app" notice channel goes, a required question comes. */
function versionTwo(): ClaimDefinition {
  const definition = structuredClone(COUPANG_2025);
  const notice = definition.steps.find((step) => step.id === 'notice')!;
  const channels = notice.questions.find((question) => question.id === 'notice_channels')!;
  if (channels.type !== 'multiple_choice') throw new Error('expected a multiple choice');
  channels.options = channels.options.filter((option) => option.id !== 'app');
  notice.questions.push({
    id: 'notice_kept',
    type: 'yes_no_unsure',
    required: true,
    label: { ko: '통지 문자를 지우지 않고 갖고 계신가요?', en: 'Do you still have the notice?' },
  } as never);
  return definition;
}

describe('claim definitions in the database', () => {
  it('refuses a definition that does not validate, naming each fault at its path in both languages, and writes nothing', async () => {
    const broken = structuredClone(COUPANG_2025) as ClaimDefinition;
    broken.steps[1].questions[1].showIf = { kind: 'answer', question: 'no_such_question', op: 'equals', value: 'yes' };
    broken.steps.push({ ...broken.steps[0], id: 'review', questions: [{ ...broken.steps[0].questions[0], id: 'another_email' }] });
    const error = await publishDefinition(db, { caseId, definition: broken, actorUserId: adminId, ip: null }).catch((caught) => caught);
    expect(error).toBeInstanceOf(DefinitionRefusedError);
    const issues = (error as DefinitionRefusedError).issues;
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([expect.stringContaining('steps.1.questions.1.showIf')]));
    expect(issues.every((issue) => issue.message.ko && issue.message.en)).toBe(true);
    expect((await caseRow()).claimDefinitionVersion).toBe(1);
    // The reserved step id is named too (once the engine's own checks pass).
    const reserved = structuredClone(COUPANG_2025) as ClaimDefinition;
    reserved.steps[0].id = 'review';
    const second = (await publishDefinition(db, { caseId, definition: reserved, actorUserId: adminId, ip: null }).catch(
      (caught) => caught,
    )) as DefinitionRefusedError;
    expect(second.issues).toMatchObject([{ path: 'steps.0.id', code: 'reserved_step_id' }]);
    expect(second).toBeInstanceOf(AppError);
  });

  it('publishes version 2 with its audit row, leaving version 1 readable and unchangeable', async () => {
    const draftUser = await createTestUser(db);
    const draft = await enrollClaimant(db, { userId: draftUser.id, caseSlug: 'coupang-2025', locale: 'ko' });
    expect(draft.definitionVersion).toBe(1);
    const v1 = (await loadPublishedDefinition(db, caseId, 1))!.definition;
    await db
      .update(claimants)
      .set({
        category: 'member',
        answers: sealAnswers(v1, { account_email: 'me@example.com', notice_received: 'yes', notice_channels: ['sms', 'app'] }),
      })
      .where(eq(claimants.id, draft.id));

    const published = await publishDefinition(db, { caseId, definition: versionTwo(), actorUserId: adminId, ip: '203.0.113.1' });
    expect(published.version).toBe(2);
    expect((await caseRow()).claimDefinitionVersion).toBe(2);
    expect((await loadCurrentDefinition(db, await caseRow())).definition.version).toBe(2);
    expect((await loadPublishedDefinition(db, caseId, 1))?.definition.steps[1].questions[2]).toMatchObject({ id: 'notice_channels' });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'claim_definition.published')).orderBy(auditLog.createdAt);
    expect(audit).toBeTruthy();
    expect(await countDraftsBehind(db, await caseRow())).toBeGreaterThanOrEqual(1);

    // The draft moves when it is next opened: the answers that fit stay, the claimant is told the rest.
    const [before] = await db.select().from(claimants).where(eq(claimants.id, draft.id));
    const moved = await bringDraftForward(db, before, await caseRow());
    expect(moved.definitionVersion).toBe(2);
    expect(openAnswers(moved.answers)).toEqual({ account_email: 'me@example.com', notice_received: 'yes', notice_channels: ['sms'] });
    expect(moved.definitionChanges?.fromVersion).toBe(1);
    expect(moved.definitionChanges?.changes.map((change) => change.change)).toEqual(
      expect.arrayContaining(['options_changed', 'question_added']),
    );
    expect(moved.definitionChanges?.changes.every((change) => change.message.ko && change.message.en)).toBe(true);
    expect(await db.$count(auditLog, eq(auditLog.action, 'claim.definition_moved'))).toBe(1);
    // Opening it again changes nothing more.
    expect((await bringDraftForward(db, moved, await caseRow())).version).toBe(moved.version);
  });

  it('never moves a submitted claim', async () => {
    const user = await createTestUser(db);
    const claim = await enrollClaimant(db, { userId: user.id, caseSlug: 'coupang-2025', locale: 'ko' });
    const [submitted] = await db
      .update(claimants)
      .set({ status: 'submitted', referenceNumber: 'CPG-000777', definitionVersion: 1 })
      .where(eq(claimants.id, claim.id))
      .returning();
    expect((await bringDraftForward(db, submitted, await caseRow())).definitionVersion).toBe(1);
  });

  it('stores free-text answers encrypted and opens them again; choices stay plain for the dimension index', async () => {
    const stored = sealAnswers(COUPANG_2025, { account_email: 'me@example.com', notice_received: 'yes' });
    expect(JSON.stringify(stored)).not.toContain('me@example.com');
    expect(stored.notice_received).toBe('yes');
    expect(openAnswers(stored)).toEqual({ account_email: 'me@example.com', notice_received: 'yes' });
  });
});
