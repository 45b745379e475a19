import { describe, expect, it } from 'vitest';
import type { ClaimDefinitionInput } from './definition-schema';
import { defineClaim } from './definition-schema';
import { COUPANG_2025 } from './definitions/coupang-2025';
import { diffDefinitions } from './diff';
import { moveDraftToVersion } from './move-draft';
import { SMALL, smallInput } from './test-support/small-definition';

type Question = ClaimDefinitionInput['steps'][number]['questions'][number];

function version2(change: (input: ClaimDefinitionInput) => void) {
  const input = smallInput();
  input.version = 2;
  change(input);
  return defineClaim(input);
}

describe('diffDefinitions', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffDefinitions(SMALL, SMALL)).toEqual([]);
    expect(diffDefinitions(COUPANG_2025, structuredClone(COUPANG_2025))).toEqual([]);
  });

  it('says what was added, removed, changed and moved, in Korean and English', () => {
    const next = version2((input) => {
      input.categories.push({ id: 'minor', label: { ko: '미성년자', en: 'Minor' } });
      input.steps[0].questions.splice(2, 1); // channel removed
      const harmDate = input.steps[0].questions[1] as Extract<Question, { type: 'date' }>;
      harmDate.notBefore = { kind: 'event', event: 'incident', offsetDays: 1 };
      input.steps[0].questions[0].label = { ko: '피해를 입으셨나요?', en: 'Did you suffer harm?' };
      input.steps[1].questions.push({ id: 'staff', type: 'number', label: { ko: '직원 수', en: 'Staff' } });
      input.damages.categories[0].fixedAmount = 200_000;
      input.steps.reverse();
    });
    const changes = diffDefinitions(SMALL, next);
    expect(changes.map((change) => [change.change, change.area, change.id, change.aspects ?? []])).toEqual([
      ['added', 'category', 'minor', []],
      ['moved', 'step', 'business', []],
      ['moved', 'step', 'facts', []],
      ['removed', 'question', 'channel', []],
      ['moved', 'question', 'seats', []],
      ['moved', 'question', 'fee', []],
      ['moved', 'question', 'where', []],
      ['moved', 'question', 'opened_at', []],
      ['moved', 'question', 'closed_at', []],
      ['moved', 'question', 'note', []],
      ['added', 'question', 'staff', []],
      ['changed', 'question', 'harmed', ['wording']],
      ['changed', 'question', 'harm_date', ['bounds']],
      ['moved', 'question', 'items', []],
      ['changed', 'damages', 'consolation', ['amount']],
    ]);
    const amount = changes.find((change) => change.id === 'consolation')!;
    expect(amount.message).toEqual({ ko: '손해 항목 변경: 위자료 (금액)', en: 'Damages category changed: Consolation (amount)' });
    expect(changes.find((change) => change.id === 'channel')!.message.ko).toBe('질문 삭제: 경로');
  });

  it('notices a changed statement and evidence requirement', () => {
    const next = version2((input) => {
      input.statement.blocks[0].text = { ko: '{{harm_date}}부터 피해를 입었습니다.', en: 'Harmed since {{harm_date}}.' };
      input.evidenceKinds![0].requirements[0].min = 3;
    });
    expect(diffDefinitions(SMALL, next).map((change) => [change.area, change.id, change.aspects])).toEqual([
      ['statement', 'harm', ['wording']],
      ['evidence', 'receipt', ['requirements']],
    ]);
  });
});

describe('moveDraftToVersion', () => {
  const draft = {
    category: 'shop',
    answers: {
      harmed: 'yes',
      harm_date: '2025-06-24',
      channel: 'other',
      'channel.other': '카톡',
      items: ['a', 'c'],
      seats: 80,
      where: 'busan',
    },
  };

  it('keeps every answer that still fits and reports nothing when nothing changed for the claimant', () => {
    const moved = moveDraftToVersion(
      draft,
      SMALL,
      version2(() => {}),
    );
    expect(moved).toEqual({ category: 'shop', answers: draft.answers, dropped: [], changes: [] });
  });

  it('drops answers that no longer fit and says what changed', () => {
    const next = version2((input) => {
      (input.steps[0].questions[1] as Extract<Question, { type: 'date' }>).notBefore = { kind: 'date', value: '2025-07-01' };
      (input.steps[0].questions[3] as Extract<Question, { type: 'multiple_choice' }>).options.pop(); // option c removed
      (input.steps[1].questions[0] as Extract<Question, { type: 'number' }>).max = 50;
      input.steps[1].questions[2] = { id: 'where', type: 'short_text', label: { ko: '주소', en: 'Address' } };
      input.steps[1].questions.push({ id: 'staff', type: 'number', required: true, label: { ko: '직원 수', en: 'Staff' } });
      input.statement.affirmation = { ko: '위 내용은 사실입니다.', en: 'The above is true.' };
    });
    const moved = moveDraftToVersion(draft, SMALL, next);
    expect(moved.answers).toEqual({ harmed: 'yes', channel: 'other', 'channel.other': '카톡', items: ['a'] });
    expect(moved.dropped).toEqual(['harm_date', 'seats', 'where']);
    expect(moved.changes.map((change) => [change.change, change.questionId])).toEqual([
      ['answer_dropped', 'harm_date'],
      ['options_changed', 'items'],
      ['answer_dropped', 'seats'],
      ['answer_dropped', 'where'],
      ['question_added', 'staff'],
      ['statement_changed', undefined],
    ]);
    expect(moved.changes[0].message.ko).toBe('질문이 바뀌어 답을 다시 받아야 합니다: 피해일');
  });

  it('clears a category that no longer exists', () => {
    const next = version2((input) => {
      input.categories = input.categories.filter((category) => category.id !== 'shop');
      input.steps[1].showIf = { kind: 'category', in: ['person'] };
      input.evidenceKinds![0].requirements[0].when = { kind: 'category', in: ['person'] };
      input.damages.categories[1].when = { kind: 'category', in: ['person'] };
    });
    const moved = moveDraftToVersion(draft, SMALL, next);
    expect(moved.category).toBeNull();
    expect(moved.changes[0]).toMatchObject({
      change: 'category_removed',
      message: { en: 'The category you chose, “Shop”, no longer exists. Please choose again.' },
    });
  });
});
