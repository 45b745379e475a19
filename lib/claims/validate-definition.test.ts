import { describe, expect, it } from 'vitest';
import type { ClaimDefinitionInput } from './definition-schema';
import { COUPANG_2025 } from './definitions/coupang-2025';
import { SLAMMER_2003 } from './definitions/slammer-2003';
import { smallInput } from './test-support/small-definition';
import { validateClaimDefinition } from './validate-definition';

type Question = ClaimDefinitionInput['steps'][number]['questions'][number];

function issuesOf(input: unknown) {
  const result = validateClaimDefinition(input);
  return result.ok ? [] : result.issues;
}

function codes(input: unknown) {
  return issuesOf(input).map((issue) => [issue.code, issue.path]);
}

describe('validateClaimDefinition', () => {
  it('accepts the demo definitions and the test definition', () => {
    expect(issuesOf(SLAMMER_2003)).toEqual([]);
    expect(issuesOf(COUPANG_2025)).toEqual([]);
    expect(issuesOf(smallInput())).toEqual([]);
  });

  it('names a condition on an unknown question, in both languages, at its path', () => {
    const input = smallInput();
    input.steps[0].questions[1].showIf = { kind: 'answer', question: 'nope', op: 'equals', value: 'yes' };
    const [issue] = issuesOf(input);
    expect(issue.code).toBe('unknown_question');
    expect(issue.path).toBe('steps.0.questions.1.showIf.question');
    expect(issue.message.ko).toContain('nope');
    expect(issue.message.en).toContain('does not exist');
  });

  it('refuses a condition on a later question (conditions read earlier answers only)', () => {
    const input = smallInput();
    input.steps[0].questions[0].showIf = { kind: 'answer', question: 'channel', op: 'answered' };
    expect(codes(input)).toContainEqual(['question_not_earlier', 'steps.0.questions.0.showIf.question']);
  });

  it('refuses a condition on an unknown category, an unknown option or an operator that does not fit', () => {
    const input = smallInput();
    input.steps[1].showIf = { kind: 'category', in: ['shop', 'ghost'] };
    input.steps[0].questions[2].showIf = { kind: 'answer', question: 'harmed', op: 'equals', value: 'maybe' };
    input.steps[0].questions[3].showIf = { kind: 'answer', question: 'harmed', op: 'includes', value: ['yes'] };
    expect(codes(input)).toEqual([
      ['unknown_option', 'steps.0.questions.2.showIf.value'],
      ['operator_mismatch', 'steps.0.questions.3.showIf.op'],
      ['unknown_category', 'steps.1.showIf.in.1'],
    ]);
  });

  it('names a formula over an unknown input and a formula that reaches outside arithmetic', () => {
    const input = smallInput();
    input.damages.helpers![0].formula = 'seats * rate * minutes';
    expect(codes(input)).toEqual([['formula_unknown_input', 'damages.helpers.0.formula']]);
    for (const formula of [
      'import({}, {})',
      'seats.constructor',
      'rate = 3',
      'f(x) = x',
      '"text"',
      '[1, 2]',
      'evaluate("1")',
      'seats > 1 ? 1 : 2',
    ]) {
      input.damages.helpers![0].formula = formula;
      const found = codes(input).map(([code]) => code);
      expect(found.length, formula).toBeGreaterThan(0);
      for (const code of found) expect(['formula_forbidden', 'formula_syntax'], formula).toContain(code);
    }
    input.damages.helpers![0].formula = 'seats * (rate +';
    expect(codes(input)).toEqual([['formula_syntax', 'damages.helpers.0.formula']]);
  });

  it('names a category that no step reaches', () => {
    const input = smallInput();
    input.categories.push({ id: 'ghost', label: { ko: '유령', en: 'Ghost' } });
    input.steps[0].showIf = { kind: 'category', in: ['person', 'shop'] };
    expect(codes(input)).toContainEqual(['category_without_steps', 'categories.2']);
  });

  it('names bounds that can never be met', () => {
    const input = smallInput();
    const seats = input.steps[1].questions[0] as Extract<Question, { type: 'number' }>;
    seats.min = 10;
    seats.max = 5;
    const date = input.steps[0].questions[1] as Extract<Question, { type: 'date' }>;
    date.notBefore = { kind: 'date', value: '2025-07-01' };
    date.notAfter = { kind: 'event', event: 'incident' };
    const items = input.steps[0].questions[3] as Extract<Question, { type: 'multiple_choice' }>;
    items.minSelected = 4;
    items.maxSelected = 5;
    input.evidenceKinds![0].requirements[0].min = 4;
    expect(codes(input)).toEqual([
      ['impossible_date_bound', 'steps.0.questions.1.notAfter'],
      ['impossible_bound', 'steps.0.questions.3.minSelected'],
      ['impossible_bound', 'steps.1.questions.0.min'],
      ['impossible_bound', 'evidenceKinds.0.requirements.0.min'],
    ]);
  });

  it('names bounds on unknown events, on non-date answers, on itself and on later answers', () => {
    const input = smallInput();
    const opened = input.steps[1].questions[3] as Extract<Question, { type: 'datetime' }>;
    opened.notBefore = { kind: 'event', event: 'launch' };
    opened.notAfter = { kind: 'answer', question: 'closed_at' };
    const closed = input.steps[1].questions[4] as Extract<Question, { type: 'datetime' }>;
    closed.notAfter = { kind: 'answer', question: 'seats' };
    const date = input.steps[0].questions[1] as Extract<Question, { type: 'date' }>;
    date.notAfter = { kind: 'answer', question: 'harm_date' };
    expect(codes(input)).toEqual([
      ['bound_self', 'steps.0.questions.1.notAfter.question'],
      ['unknown_event', 'steps.1.questions.3.notBefore.event'],
      ['question_not_earlier', 'steps.1.questions.3.notAfter.question'],
      ['bound_not_date', 'steps.1.questions.4.notAfter.question'],
    ]);
  });

  it('names duplicate ids of questions (across steps), options and categories', () => {
    const input = smallInput();
    input.steps[1].questions[0].id = 'harmed';
    input.categories[1].id = 'person';
    (input.steps[0].questions[2] as Extract<Question, { type: 'single_choice' }>).options.push({
      id: 'sms',
      label: { ko: '문자2', en: 'Text 2' },
    });
    const found = codes(input);
    expect(found).toContainEqual(['duplicate_id', 'categories.1.id']);
    expect(found).toContainEqual(['duplicate_id', 'steps.1.questions.0.id']);
    expect(found).toContainEqual(['duplicate_id', 'steps.0.questions.2.options.2.id']);
  });

  it('names placeholders the statement cannot fill, and malformed ones', () => {
    const input = smallInput();
    input.statement.blocks[0].text = { ko: '{{harm_day}}에', en: 'On {{ Harm Date }}' };
    expect(codes(input)).toEqual([
      ['unknown_placeholder', 'statement.blocks.0.text.ko'],
      ['unknown_placeholder', 'statement.blocks.0.text.en'],
    ]);
  });

  it('names a fixed damages category without an amount and a helper on it', () => {
    const input = smallInput();
    delete input.damages.categories[0].fixedAmount;
    input.damages.helpers![0].category = 'consolation';
    expect(codes(input)).toEqual([
      ['fixed_without_amount', 'damages.categories.0.fixedAmount'],
      ['helper_on_fixed', 'damages.helpers.0.category'],
    ]);
  });

  it('names a required claim with no damages category a claimant could use', () => {
    const input = smallInput();
    input.damages.categories = input.damages.categories.filter((category) => category.id !== 'other');
    expect(codes(input)).toEqual([]);
    input.damages.categories = input.damages.categories.filter((category) => category.id !== 'lost_revenue');
    input.damages.helpers = [];
    expect(codes(input)).toEqual([['damages_unreachable', 'damages.categories']]);
    input.damages.requireAmount = false;
    expect(codes(input)).toEqual([]);
  });

  it('refuses a free-text question as a dashboard dimension but allows it in exports', () => {
    const input = smallInput();
    input.dimensions!.push({ id: 'note', source: { kind: 'question', question: 'note' }, uses: ['export', 'dashboard'] });
    expect(codes(input)).toEqual([['dimension_unusable', 'dimensions.2.uses']]);
  });

  it('names a condition that can never hold for any claimant', () => {
    const input = smallInput();
    input.steps[0].questions[2].showIf = {
      kind: 'all',
      conditions: [
        { kind: 'category', in: ['person'] },
        { kind: 'category', in: ['shop'] },
      ],
    };
    expect(codes(input)).toEqual([['condition_never_true', 'steps.0.questions.2.showIf']]);
  });

  it('refuses a guardian condition where no category lets a minor join', () => {
    const input = smallInput();
    input.statement.blocks[0].showIf = { kind: 'guardian' };
    expect(codes(input)).toEqual([]);
    input.categories[0].allowsMinorWithGuardian = false;
    expect(codes(input)).toEqual([['condition_never_true', 'statement.blocks.0.showIf']]);
  });

  it('reports the wrong shape as issues with paths, not as an exception', () => {
    const input = smallInput() as unknown as Record<string, unknown>;
    (input.categories as { label: unknown }[])[0].label = { ko: '개인' };
    (input.steps as { id: string }[])[0].id = 'Bad Id';
    input.currency = 'won';
    const found = codes(input);
    expect(found).toContainEqual(['missing_translation', 'categories.0.label.en']);
    expect(found).toContainEqual(['invalid_id', 'steps.0.id']);
    expect(found.find(([, path]) => path === 'currency')?.[0]).toBe('invalid_shape');
    expect(codes(null)[0][0]).toBe('invalid_shape');
  });

  it('refuses an unknown time zone and currency', () => {
    const input = smallInput();
    input.timeZone = 'Mars/Olympus';
    input.currency = 'XYZ';
    expect(codes(input)).toEqual([
      ['unknown_time_zone', 'timeZone'],
      ['unknown_currency', 'currency'],
    ]);
  });

  it('survives a JSON round trip (import/export)', () => {
    const copy = JSON.parse(JSON.stringify(COUPANG_2025));
    const result = validateClaimDefinition(copy);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.definition).toEqual(COUPANG_2025);
  });
});
