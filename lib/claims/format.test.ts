import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateForCategory } from './conditions';
import type { Condition } from './definition-schema';
import { addDays, compareWallClock, todayIn } from './dates';
import { formatDate, formatDateTime, formatList, formatMoney, parseMoney, parseNumber } from './format';

describe('formatting for signed text', () => {
  it('prints dates, times, lists and money the same way on every server', () => {
    expect(formatDate('2025-06-24', 'ko')).toBe('2025년 6월 24일');
    expect(formatDate('2025-06-24', 'en')).toBe('24 June 2025');
    expect(formatDateTime('2025-11-29T09:05', 'ko')).toBe('2025년 11월 29일 09:05');
    expect(formatDateTime('2025-11-29T09:05', 'en')).toBe('29 November 2025 at 09:05');
    expect(formatList(['가', '나', '다'], 'ko')).toBe('가, 나 및 다');
    expect(formatList(['a', 'b'], 'en')).toBe('a and b');
    expect(formatMoney(1_234_567, 'KRW', 'ko')).toBe('1,234,567원');
    expect(formatMoney(1_234_567, 'KRW', 'en')).toBe('KRW 1,234,567');
    expect(formatMoney(123_450, 'USD', 'en')).toBe('USD 1,234.50');
  });

  it('reads amounts as people type them, in minor units', () => {
    expect(parseMoney('35,000원', 'KRW')).toBe(35_000);
    expect(parseMoney('₩ 35 000', 'KRW')).toBe(35_000);
    expect(parseMoney('KRW 35000', 'KRW')).toBe(35_000);
    expect(parseMoney('３５０００', 'KRW')).toBe(35_000);
    expect(parseMoney('$1,234.5', 'USD')).toBe(123_450);
    expect(parseMoney('12.5', 'KRW')).toBeNull();
    expect(parseMoney('3만원', 'KRW')).toBe(30_000);
    expect(parseMoney('35만 원', 'KRW')).toBe(350_000);
    expect(parseMoney('1억 2천만원', 'KRW')).toBe(120_000_000);
    expect(parseMoney('만원', 'KRW')).toBe(10_000);
    expect(parseMoney('3천5백원', 'KRW')).toBe(3_500);
    expect(parseMoney('2만3천', 'KRW')).toBe(23_000);
    expect(parseMoney('3만원쯤', 'KRW')).toBeNull();
    expect(parseMoney('만만', 'KRW')).toBeNull();
    expect(parseMoney('3만', 'USD')).toBeNull();
    expect(parseMoney('-5', 'KRW')).toBeNull();
    expect(parseNumber('1,200.5')).toBe(1200.5);
    expect(parseNumber('abc')).toBeNull();
  });
});

describe('dates', () => {
  it('compares wall-clock values, by date alone when either is a date', () => {
    expect(compareWallClock('2025-06-24', '2025-06-24T14:30')).toBe(0);
    expect(compareWallClock('2025-06-24T14:29', '2025-06-24T14:30')).toBe(-1);
    expect(addDays('2003-02-28', 1)).toBe('2003-03-01');
    expect(addDays('2025-01-01T10:00', -1)).toBe('2024-12-31T10:00');
  });

  it("knows today's date in the case's zone", () => {
    expect(todayIn('Asia/Seoul', new Date('2025-12-31T15:30:00Z'))).toBe('2026-01-01');
    expect(todayIn('America/New_York', new Date('2025-12-31T15:30:00Z'))).toBe('2025-12-31');
  });
});

describe('conditions', () => {
  const state = { category: 'member', answers: { notice: 'yes', items: ['a', 'b'], amount: 5, when: '2025-07-01' } };

  it('evaluates comparisons, and an unanswered question satisfies only not_answered', () => {
    expect(evaluateCondition({ kind: 'answer', question: 'notice', op: 'equals', value: 'yes' }, state)).toBe(true);
    expect(evaluateCondition({ kind: 'answer', question: 'items', op: 'includes', value: ['c', 'b'] }, state)).toBe(true);
    expect(evaluateCondition({ kind: 'answer', question: 'amount', op: 'gte', value: 5 }, state)).toBe(true);
    expect(evaluateCondition({ kind: 'answer', question: 'when', op: 'lt', value: '2025-06-24' }, state)).toBe(false);
    expect(evaluateCondition({ kind: 'answer', question: 'missing', op: 'not_equals', value: 'yes' }, state)).toBe(false);
    expect(evaluateCondition({ kind: 'answer', question: 'missing', op: 'not_answered' }, state)).toBe(true);
    expect(evaluateCondition({ kind: 'not', condition: { kind: 'category', in: ['seller'] } }, state)).toBe(true);
  });

  it('tells, before any answer, whether a category could ever satisfy a condition', () => {
    const condition: Condition = {
      kind: 'all',
      conditions: [
        { kind: 'category', in: ['seller'] },
        { kind: 'answer', question: 'x', op: 'answered' },
      ],
    };
    expect(evaluateForCategory(condition, 'member')).toBe(false);
    expect(evaluateForCategory(condition, 'seller')).toBeNull();
    expect(evaluateForCategory({ kind: 'any', conditions: [{ kind: 'category', in: ['seller'] }, condition] }, 'seller')).toBe(true);
  });
});
