import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUPANG_2025 } from './definitions/coupang-2025';
import { SLAMMER_2003 } from './definitions/slammer-2003';
import { dimensionLabel, dimensionOptions, dimensionValues, formatDimension, listDimensions } from './dimensions';
import { validateStepAnswers } from './step-answers';
import { validateClaimDefinition } from './validate-definition';

describe('dimensions', () => {
  it('lists the dashboard dimensions of Coupang with headings and options', () => {
    const dashboard = listDimensions(COUPANG_2025, 'dashboard');
    expect(dashboard.map((dimension) => dimension.id)).toEqual([
      'category',
      'notice_received',
      'exposed_items',
      'heard_from',
      'harm_suffered',
    ]);
    expect(dimensionLabel(COUPANG_2025, dashboard[3])).toEqual({ ko: '알게 된 경로', en: 'Source' });
    expect(dimensionOptions(COUPANG_2025, dashboard[0]).map((option) => option.value)).toEqual(['member', 'seller']);
    expect(dimensionOptions(COUPANG_2025, dashboard[3]).map((option) => option.value)).toEqual([
      'cafe',
      'news',
      'sns',
      'friend',
      'civic_group',
      'other',
    ]);
    expect(dimensionOptions(COUPANG_2025, dashboard[1]).map((option) => option.label.ko)).toEqual(['예', '아니요', '잘 모름']);
  });

  it("gives a claimant's values for indexing and for columns, hidden answers left out", () => {
    const state = {
      category: 'member',
      answers: {
        notice_received: 'no',
        exposed_items: ['name', 'phone'],
        heard_from: 'other',
        'heard_from.other': '맘카페',
        harm_suffered: 'no',
        harm_kinds: ['spam'],
      },
    };
    expect(dimensionValues(COUPANG_2025, state)).toEqual({
      category: ['member'],
      notice_received: ['no'],
      exposed_items: ['name', 'phone'],
      heard_from: ['other'],
      harm_suffered: ['no'],
      wow_member: [],
      account_email: [],
    });
    const isp = SLAMMER_2003.dimensions.find((dimension) => dimension.id === 'isp')!;
    expect(formatDimension(SLAMMER_2003, isp, { category: 'pc_bang', answers: { isp: 'hanaro' } }, 'en')).toBe('Hanaro Telecom');
    const heardFrom = COUPANG_2025.dimensions.find((dimension) => dimension.id === 'heard_from')!;
    expect(formatDimension(COUPANG_2025, heardFrom, state, 'ko')).toBe('맘카페');
  });
});

describe('hostile input never throws', () => {
  const json = fc.jsonValue({ maxDepth: 4 });

  it('validateStepAnswers answers every posted form with a result, keeping what was typed', () => {
    const fields = [
      'harm_suffered',
      'harm_kinds',
      'harm_kinds.other',
      'first_harm_date',
      'police_report',
      'harm_description',
      'heard_from',
    ];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), json), fc.constantFrom('member', 'seller', null), (raw, category) => {
        const result = validateStepAnswers(COUPANG_2025, 'harm', raw, { category, answers: {}, now: new Date('2026-01-01T00:00:00Z') });
        if (!result.ok) {
          for (const [key, value] of Object.entries(raw)) if (typeof value === 'string') expect(result.values[key]).toBe(value);
          for (const issue of result.issues) expect(issue.message.ko && issue.message.en).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('validateClaimDefinition answers any JSON, however deep, with issues', () => {
    fc.assert(
      fc.property(json, (input) => {
        expect(validateClaimDefinition(input).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    let deep: unknown = { kind: 'answer', question: 'a', op: 'answered' };
    for (let index = 0; index < 20_000; index++) deep = { kind: 'not', condition: deep };
    const input = structuredClone(COUPANG_2025) as unknown as { steps: { showIf?: unknown }[] };
    input.steps[1].showIf = deep;
    const result = validateClaimDefinition(input);
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual(['condition_too_deep']);
  });
});
