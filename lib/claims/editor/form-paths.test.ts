import { describe, expect, it } from 'vitest';
import { claimDefinitionSchema } from '../definition-schema';
import { blankClaimDefinition } from '../definitions';
import { boundToFields, conditionToFields, controlForPath, optionsToLines, readDefinitionForm } from './form-paths';
import { applyIntent, mergeSection } from './sections';

const form = (fields: Record<string, string>) => Object.entries(fields);

describe('reading an editor form back into the definition', () => {
  it('turns path-named controls into nested lists and objects, with numbers, booleans and optional texts dropped when empty', () => {
    const { value, problems } = readDefinitionForm(
      form({
        'steps.0.id': 'facts',
        'steps.0.title.ko': '사실',
        'steps.0.title.en': 'Facts',
        'steps.0.lead.ko': '',
        'steps.0.lead.en': '',
        'steps.0.questions.1.id': 'amount',
        'steps.0.questions.1.type': 'money',
        'steps.0.questions.1.max': '1,000,000',
        'steps.0.questions.1.required': 'true',
        'steps.0.questions.0.id': 'first',
        'steps.0.questions.0.required': 'false',
      }),
    );
    expect(problems).toEqual([]);
    const step = (value.steps as Record<string, unknown>[])[0];
    expect(step.lead).toBeUndefined();
    expect(step.questions).toEqual([
      { id: 'first', required: false },
      { id: 'amount', type: 'money', max: 1_000_000, required: true },
    ]);
  });

  it('reads conditions, date bounds, option lines, timeline lines and dimension uses', () => {
    const { value } = readDefinitionForm(
      form({
        'q.showIf.kind': 'answer',
        'q.showIf.question': 'had_loss',
        'q.showIf.op': 'in',
        'q.showIf.value': 'yes, unsure',
        'r.showIf.kind': 'category',
        'r.showIf.in': 'member, seller',
        's.showIf.kind': '',
        'q.notBefore.kind': 'event',
        'q.notBefore.event': 'breach',
        'q.notBefore.offsetDays': '-1',
        'q.options': 'email | 이메일 | E-mail\nsms | 문자 | Text message | 문자로 | by text',
        timeline: 'breach | 2025-06-24 | 유출 시작 | Breach began',
        'dimensions.0.uses.dashboard': 'on',
        'dimensions.0.uses.filter': 'on',
      }),
    );
    expect(value.q).toEqual({
      showIf: { kind: 'answer', question: 'had_loss', op: 'in', value: ['yes', 'unsure'] },
      notBefore: { kind: 'event', event: 'breach', offsetDays: -1 },
      options: [
        { id: 'email', label: { ko: '이메일', en: 'E-mail' } },
        { id: 'sms', label: { ko: '문자', en: 'Text message' }, statementText: { ko: '문자로', en: 'by text' } },
      ],
    });
    expect(value.r).toEqual({ showIf: { kind: 'category', in: ['member', 'seller'] } });
    expect(value.s).toBeUndefined();
    expect(value.timeline).toEqual([{ id: 'breach', at: '2025-06-24', label: { ko: '유출 시작', en: 'Breach began' } }]);
    expect((value.dimensions as unknown[])[0]).toEqual({ uses: ['dashboard', 'filter'] });
  });

  it('reports unreadable JSON and incomplete lines at the control instead of throwing', () => {
    const { problems } = readDefinitionForm(
      form({ 'a.showIf.kind': 'json', 'a.showIf.json': '{"kind": ', 'b.options': 'only_an_id', 'c.inputs': '[1,' }),
    );
    expect(problems).toEqual([
      { path: 'a.showIf.json', code: 'json' },
      { path: 'b.options', code: 'lines' },
      { path: 'c.inputs', code: 'json' },
    ]);
  });

  it('shows every value the way it reads it back (round trip)', () => {
    const condition = { kind: 'answer' as const, question: 'had_loss', op: 'in' as const, value: ['yes', 'unsure'] };
    const fields = conditionToFields(condition);
    const bound = boundToFields({ kind: 'event', event: 'breach', offsetDays: 3 });
    const options = [{ id: 'a', label: { ko: '가', en: 'A' } }];
    const { value } = readDefinitionForm(
      form({
        ...Object.fromEntries(Object.entries(fields).map(([key, text]) => [`showIf.${key}`, text])),
        ...Object.fromEntries(Object.entries(bound).map(([key, text]) => [`notBefore.${key}`, text])),
        options: optionsToLines(options),
      }),
    );
    expect(value).toEqual({ showIf: condition, notBefore: { kind: 'event', event: 'breach', offsetDays: 3 }, options });
    expect(conditionToFields({ kind: 'any', conditions: [{ kind: 'guardian' }] }).kind).toBe('json');
  });

  it('ignores control names that would reach an object prototype', () => {
    const { value } = readDefinitionForm(
      form({ '__proto__.polluted': 'yes', 'a.constructor.prototype.polluted': 'yes', 'title.ko': '제목' }),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(value).toEqual({ title: { ko: '제목' } });
  });

  it('places an error at its control, the enclosing control, or the first control inside', () => {
    const names = ['steps.0.questions.1.options', 'steps.0.questions.1.showIf.kind', 'steps.0.questions.1.showIf.question', 'title.ko'];
    expect(controlForPath('title.ko', names)).toBe('title.ko');
    expect(controlForPath('steps.0.questions.1.options.2.label.en', names)).toBe('steps.0.questions.1.options');
    expect(controlForPath('steps.0.questions.1.showIf', names)).toBe('steps.0.questions.1.showIf.kind');
    expect(controlForPath('categories.3', names)).toBeNull();
  });
});

describe('adding, removing and moving items', () => {
  const blank = blankClaimDefinition({
    key: 'new-case',
    title: { ko: '새 사건', en: 'New case' },
    jurisdiction: 'KR',
  }) as unknown as Record<string, unknown>;

  it('adds items that keep the definition valid in shape, with ids not yet taken', () => {
    let next = applyIntent(blank, { kind: 'add', path: 'categories' });
    next = applyIntent(next, { kind: 'add', path: 'steps.0.questions' });
    next = applyIntent(next, { kind: 'add', path: 'evidenceKinds' });
    next = applyIntent(next, { kind: 'add', path: 'damages.categories' });
    next = applyIntent(next, { kind: 'add', path: 'dimensions' });
    const parsed = claimDefinitionSchema.parse(next);
    expect(parsed.categories.map((category) => category.id)).toEqual(['claimant', 'category_2']);
    expect(parsed.steps[0].questions.map((question) => question.id)).toEqual(['what_happened', 'question_2']);
    expect(parsed.damages.categories[0]).toMatchObject({ mode: 'fixed', fixedAmount: 0 });
  });

  it('adds the first item to a list that is empty, whose form posts no control', () => {
    for (const [section, path] of [
      ['evidence', 'evidenceKinds'],
      ['dimensions', 'dimensions'],
    ] as const) {
      const next = applyIntent(mergeSection(blank, section, {}), { kind: 'add', path }) as Record<string, unknown[]>;
      expect(next[path], section).toHaveLength(1);
    }
  });

  it('removes and moves by path, and ignores a path that names nothing it may change', () => {
    const two = applyIntent(blank, { kind: 'add', path: 'categories' });
    const moved = applyIntent(two, { kind: 'up', path: 'categories.1' }) as { categories: { id: string }[] };
    expect(moved.categories.map((category) => category.id)).toEqual(['category_2', 'claimant']);
    const removed = applyIntent(two, { kind: 'remove', path: 'categories.0' }) as { categories: { id: string }[] };
    expect(removed.categories.map((category) => category.id)).toEqual(['category_2']);
    expect(applyIntent(two, { kind: 'remove', path: 'statement.title' })).toEqual(two);
    expect(applyIntent(two, { kind: 'remove', path: 'categories.9' })).toEqual(two);
    expect(applyIntent(two, { kind: 'add', path: '__proto__' })).toEqual(two);
  });

  it('gives a question turned into a choice an option, and an emptied step an empty list', () => {
    const merged = mergeSection(blank, 'steps', {
      steps: [
        {
          id: 'facts',
          title: { ko: '사실', en: 'Facts' },
          questions: [{ id: 'channel', type: 'single_choice', label: { ko: '경로', en: 'Channel' } }],
        },
        { id: 'more', title: { ko: '더', en: 'More' } },
      ],
    }) as { steps: { questions: { options?: unknown[] }[] }[] };
    expect(merged.steps[0].questions[0].options).toHaveLength(1);
    expect(merged.steps[1].questions).toEqual([]);
  });
});
