import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { cases } from '@/db/schema';
import { seedDemoCase } from '@/db/seed/demo';
import { COUPANG_2025 } from '@/lib/claims/definitions/coupang-2025';
import { AppError } from '@/lib/errors';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestUser } from '@/tests/helpers/users';
import { DefinitionRefusedError, listDefinitionVersions } from '../store/definitions';
import { loadDraft, publishDraft, saveDraft } from './draft-store';
import { type EditorCase, importEditorDraft, saveEditorSection, startEditorDraft } from './edit';

let db: Database;
let caseId: string;
let adminId: string;

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  ({ coupangCaseId: caseId } = await seedDemoCase(db));
  adminId = (await createTestUser(db)).id;
});

async function caseRow(): Promise<EditorCase> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  return row;
}

const entries = (fields: Record<string, string>) => Object.entries(fields);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the claim definition editor, on a real database', () => {
  it('starts a blank draft as the next version, saves a section into it, and leaves the published version alone', async () => {
    const started = await startEditorDraft(db, await caseRow(), 'blank');
    expect(started.version).toBe(2);
    expect(started.definition.key).toBe('coupang-2025');
    const saved = await saveEditorSection(
      db,
      await caseRow(),
      'categories',
      entries({
        'categories.0.id': 'member',
        'categories.0.label.ko': '회원',
        'categories.0.label.en': 'Member',
        'categories.1.id': 'seller',
        'categories.1.label.ko': '판매자',
        'categories.1.label.en': 'Seller',
        'categories.1.isBusiness': 'true',
      }),
      { kind: 'save' },
    );
    expect(saved.definition.categories.map((category) => [category.id, category.isBusiness])).toEqual([
      ['member', false],
      ['seller', true],
    ]);
    expect((await caseRow()).claimDefinitionVersion).toBe(1);
  });

  it('refuses a save whose condition names an unknown question, at that control, and stores nothing', async () => {
    const before = await loadDraft(db, caseId);
    const error = await refusal(
      saveEditorSection(
        db,
        await caseRow(),
        'steps',
        entries({
          'steps.0.id': 'facts',
          'steps.0.title.ko': '사실',
          'steps.0.title.en': 'Facts',
          'steps.0.questions.0.id': 'what_happened',
          'steps.0.questions.0.type': 'long_text',
          'steps.0.questions.0.label.ko': '무슨 일?',
          'steps.0.questions.0.label.en': 'What happened?',
          'steps.0.questions.0.showIf.kind': 'answer',
          'steps.0.questions.0.showIf.question': 'no_such_question',
          'steps.0.questions.0.showIf.op': 'answered',
        }),
        { kind: 'save' },
      ),
    );
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fieldErrors ?? {})).toContain('steps.0.questions.0.showIf.question');
    expect((await loadDraft(db, caseId))?.definition).toEqual(before?.definition);
  });

  it('refuses an empty required label at its control in both languages', async () => {
    const error = await refusal(
      saveEditorSection(
        db,
        await caseRow(),
        'general',
        entries({ key: 'coupang-2025', 'title.ko': '', 'title.en': 'X', currency: 'KRW', jurisdiction: 'KR', timeZone: 'Asia/Seoul' }),
        {
          kind: 'save',
        },
      ),
    );
    const message = error.fieldErrors?.['title.ko'] ?? '';
    expect(message.startsWith('~')).toBe(true);
    expect(JSON.parse(message.slice(1))).toHaveProperty('en');
  });

  it('refuses to publish a draft that does not validate, keeping the draft, and publishes it once fixed', async () => {
    const draft = (await loadDraft(db, caseId))!;
    const broken = structuredClone(draft.definition);
    broken.steps[0].questions[0].showIf = { kind: 'category', in: ['nobody'] };
    await saveDraft(db, caseId, broken);
    const error = await publishDraft(db, { caseId, actorUserId: adminId, ip: null }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DefinitionRefusedError);
    expect((error as DefinitionRefusedError).issues.map((issue) => issue.path)).toContain('steps.0.questions.0.showIf.in.0');
    expect((await loadDraft(db, caseId))?.definition.steps[0].questions[0].showIf).toEqual({ kind: 'category', in: ['nobody'] });

    await saveDraft(db, caseId, draft.definition);
    const published = await publishDraft(db, { caseId, actorUserId: adminId, ip: null });
    expect(published.version).toBe(2);
    expect(await loadDraft(db, caseId)).toBeNull();
    expect((await caseRow()).claimDefinitionVersion).toBe(2);
    expect((await listDefinitionVersions(db, caseId)).map((version) => version.version)).toEqual([2, 1]);
  });

  it('edits from the published version when there is no draft, and adds a question without losing what was typed', async () => {
    const saved = await saveEditorSection(
      db,
      await caseRow(),
      'statement',
      entries({
        'statement.title.ko': '진술서 (고침)',
        'statement.title.en': 'Statement (edited)',
        'statement.affirmation.ko': '사실입니다.',
        'statement.affirmation.en': 'It is true.',
        'statement.blocks.0.id': 'facts',
        'statement.blocks.0.text.ko': '{{what_happened}}',
        'statement.blocks.0.text.en': '{{what_happened}}',
      }),
      { kind: 'add', path: 'statement.blocks' },
    );
    expect(saved.version).toBe(3);
    expect(saved.definition.statement.title.ko).toBe('진술서 (고침)');
    expect(saved.definition.statement.blocks.map((block) => block.id)).toEqual(['facts', 'block_2']);
  });

  it('imports an exported definition into the draft, and refuses a file that is not one with the place of each fault', async () => {
    const imported = await importEditorDraft(db, await caseRow(), JSON.stringify(COUPANG_2025));
    expect(imported.definition.steps.length).toBe(COUPANG_2025.steps.length);
    const notJson = await refusal(importEditorDraft(db, await caseRow(), '{"key":'));
    expect(Object.keys(notJson.fieldErrors ?? {})).toEqual(['file']);
    const wrongShape = await refusal(importEditorDraft(db, await caseRow(), JSON.stringify({ ...COUPANG_2025, categories: [] })));
    expect(Object.keys(wrongShape.fieldErrors ?? {})).toContain('file:categories');
    expect((await loadDraft(db, caseId))?.definition.steps.length).toBe(COUPANG_2025.steps.length);
  });
});
