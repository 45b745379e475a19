import { describe, expect, it } from 'vitest';
import { applicableHelpers, computeDamages, helperDefaults } from './damages';
import { COUPANG_2025 } from './definitions/coupang-2025';
import { SLAMMER_2003 } from './definitions/slammer-2003';
import { evaluateFormula } from './formula';
import { SMALL } from './test-support/small-definition';

describe('computeDamages', () => {
  it('adds the fixed 위자료 per person without the claimant typing it, plus itemised losses', () => {
    const result = computeDamages(COUPANG_2025, { category: 'member', answers: {} }, [
      { category: 'actual_loss', description: '도어락 교체', amount: '120,000원' },
    ]);
    expect(result).toMatchObject({ ok: true, total: 220_000, byCategory: { consolation: 100_000, actual_loss: 120_000 } });
    expect(result.items[0]).toEqual({ category: 'consolation', description: '', amount: 100_000, source: 'fixed' });
  });

  it('works a helper amount out on the server and keeps its inputs and formula beside it', () => {
    const result = computeDamages(SMALL, { category: 'shop', answers: {} }, [
      { category: 'lost_revenue', calculation: { helper: 'seats', inputs: { seats: '30', rate: '1,000원', hours: '18.5' } } },
    ]);
    expect(result.ok).toBe(true);
    expect(result.items).toEqual([
      {
        category: 'lost_revenue',
        description: '',
        amount: 555_000,
        source: 'helper',
        helper: 'seats',
        formula: 'seats * rate * hours',
        inputs: { seats: 30, rate: 1000, hours: 18.5 },
      },
    ]);
    // Re-derivable from what is stored.
    expect(evaluateFormula(result.items[0].formula!, result.items[0].inputs!)).toBe(555_000);
  });

  it("ignores the browser's amount when a calculation is given", () => {
    const result = computeDamages(SMALL, { category: 'shop', answers: {} }, [
      { category: 'lost_revenue', amount: 999_999_999, calculation: { helper: 'seats', inputs: { seats: 2, rate: 1000, hours: 1 } } },
    ]);
    expect(result.total).toBe(2000);
  });

  it('reproduces the Slammer helpers (pro rata of a 30-day month, seats, daily sales)', () => {
    const state = {
      category: 'pc_bang',
      answers: { pc_bang_seats: 40, monthly_fee: 36_000, outage_started_at: '2003-01-25T14:30', outage_ended_at: '2003-01-26T02:30' },
    };
    const result = computeDamages(SLAMMER_2003, state, [
      { category: 'service_fee', calculation: { helper: 'pro_rata', inputs: { monthly_fee: 36_000, hours: 12 } } },
      { category: 'lost_revenue', calculation: { helper: 'seats', inputs: { seats: 40, hourly_rate: 1_000, hours: 12 } } },
      { category: 'lost_sales', calculation: { helper: 'daily_sales', inputs: { daily_sales: 250_000, days: 1.5 } } },
    ]);
    expect(result.items.map((item) => item.amount)).toEqual([600, 480_000, 375_000]);
    const seats = SLAMMER_2003.damages.helpers.find((helper) => helper.id === 'seats')!;
    expect(helperDefaults(SLAMMER_2003, seats, state)).toEqual({ seats: 40, hours: 12 });
    expect(applicableHelpers(SLAMMER_2003, state).map((helper) => helper.id)).toEqual(['pro_rata', 'seats', 'daily_sales']);
  });

  it('names each wrong input and refuses a category that does not apply to the claimant', () => {
    const result = computeDamages(SMALL, { category: 'person', answers: {} }, [
      { category: 'lost_revenue', amount: 5 },
      { category: 'other', amount: 'lots' },
      { category: 'other' },
      { category: 'other', description: 'x'.repeat(301), amount: 1 },
    ]);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['items.0.category', 'damage_category_closed'],
      ['items.1.amount', 'invalid_money'],
      ['items.2.amount', 'required'],
      ['items.3.description', 'too_long'],
    ]);
    const shop = computeDamages(SMALL, { category: 'shop', answers: {} }, [
      { category: 'lost_revenue', calculation: { helper: 'seats', inputs: { seats: '0', rate: '1.5', hours: '' } } },
    ]);
    expect(shop.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['items.0.inputs.seats', 'too_small'],
      ['items.0.inputs.rate', 'invalid_money'],
      ['items.0.inputs.hours', 'required'],
    ]);
  });

  it('caps the number of items and the amount of one', () => {
    const many = computeDamages(
      COUPANG_2025,
      { category: 'member', answers: {} },
      Array.from({ length: 21 }, () => ({ category: 'actual_loss', amount: 1 })),
    );
    expect(many.issues[0].code).toBe('too_many_items');
    const huge = computeDamages(COUPANG_2025, { category: 'member', answers: {} }, [{ category: 'actual_loss', amount: 100_000_000_001 }]);
    expect(huge.issues[0].code).toBe('too_large');
  });
});

describe('evaluateFormula', () => {
  it('evaluates arithmetic and the allowed functions', () => {
    expect(evaluateFormula('max(a - b, 0) * 2 ^ 2', { a: 5, b: 2 })).toBe(12);
    expect(evaluateFormula('round(a / 3)', { a: 10 })).toBe(3);
  });

  it('refuses anything but arithmetic over its inputs, never evaluating it', () => {
    for (const formula of [
      'import({a: 1})',
      'a.constructor',
      'b = 1',
      'createUnit("x")',
      '"1" + a',
      'evaluate("a")',
      'a == 1',
      'unknown * 2',
      '1 / 0 * a',
    ]) {
      expect(evaluateFormula(formula, { a: 1 }), formula).toBeNull();
    }
  });
});
