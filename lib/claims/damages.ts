import { evaluateCondition } from './conditions';
import { daysBetween, hoursBetween, isWallClock } from './dates';
import type { ClaimDefinition, DamageCategory, DamageHelper, HelperInput } from './definition-schema';
import { formatMoney, formatNumber, parseMoney, parseNumber } from './format';
import { evaluateFormula } from './formula';
import { claimIssue } from './messages';
import type { ClaimIssue, ClaimState } from './types';
import { effectiveAnswers } from './visibility';

/**
 * Damages: fixed amounts counsel set per claimant (위자료), and items the claimant lists, typed
 * or worked out by a helper formula. The server recomputes every helper amount from its inputs
 * rather than trusting the browser, and each computed item keeps its inputs and formula beside
 * the amount so it can be explained and re-derived later. Amounts are minor units.
 */

export type DamageItemInput = {
  category: string;
  description?: string;
  /** Minor units as a number, or what the claimant typed (major units) as a string. */
  amount?: number | string;
  calculation?: { helper: string; inputs: Record<string, number | string> } | null;
};

export type ComputedDamageItem = {
  category: string;
  description: string;
  amount: number;
  source: 'fixed' | 'entered' | 'helper';
  helper?: string;
  formula?: string;
  inputs?: Record<string, number>;
};

export type ComputedDamages = {
  ok: boolean;
  currency: string;
  items: ComputedDamageItem[];
  total: number;
  byCategory: Record<string, number>;
  /** Per field: `items.2.amount`, `items.0.inputs.hours`, `items`. */
  issues: ClaimIssue[];
};

export const MAX_DESCRIPTION_LENGTH = 300;

/** The damages categories that apply to this claimant (category and answers). */
export function applicableDamageCategories(definition: ClaimDefinition, state: ClaimState): DamageCategory[] {
  const answers = effectiveAnswers(definition, state);
  return definition.damages.categories.filter((category) =>
    evaluateCondition(category.when, { category: state.category, answers, hasGuardian: state.hasGuardian }),
  );
}

/** The helpers a claimant may use: those filling an itemised category that applies. */
export function applicableHelpers(definition: ClaimDefinition, state: ClaimState): DamageHelper[] {
  const open = new Set(
    applicableDamageCategories(definition, state)
      .filter((category) => category.mode === 'itemised')
      .map((category) => category.id),
  );
  return definition.damages.helpers.filter((helper) => open.has(helper.category));
}

/** First values of a helper's inputs from the answers (outage hours from its start and end…); rounded to a tenth. */
export function helperDefaults(definition: ClaimDefinition, helper: DamageHelper, state: ClaimState): Record<string, number> {
  const answers = effectiveAnswers(definition, state);
  const defaults: Record<string, number> = {};
  for (const input of helper.inputs) {
    const source = input.default;
    if (!source) continue;
    if (source.kind === 'value') defaults[input.id] = source.value;
    else if (source.kind === 'answer') {
      const value = answers[source.question];
      if (typeof value === 'number') defaults[input.id] = value;
    } else {
      const from = answers[source.from];
      const to = answers[source.to];
      if (isWallClock(from) && isWallClock(to)) {
        const span = source.kind === 'hours_between' ? hoursBetween(from, to) : daysBetween(from, to);
        if (span >= 0) defaults[input.id] = Math.round(span * 10) / 10;
      }
    }
  }
  return defaults;
}

function parseInput(input: HelperInput, raw: unknown, currency: string): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  return input.kind === 'money' ? parseMoney(raw, currency) : parseNumber(raw);
}

function round(value: number, rounding: DamageHelper['rounding']): number {
  return rounding === 'floor' ? Math.floor(value) : rounding === 'ceil' ? Math.ceil(value) : Math.round(value);
}

function money(amount: number, currency: string) {
  return { ko: formatMoney(amount, currency, 'ko'), en: formatMoney(amount, currency, 'en') };
}

/** The claim's damages: fixed amounts that apply, then the claimant's items, each checked and recomputed. */
export function computeDamages(definition: ClaimDefinition, state: ClaimState, items: readonly DamageItemInput[]): ComputedDamages {
  const { currency } = definition;
  const issues: ClaimIssue[] = [];
  const computed: ComputedDamageItem[] = [];
  const applicable = new Map(applicableDamageCategories(definition, state).map((category) => [category.id, category] as const));
  for (const category of applicable.values()) {
    if (category.mode === 'fixed' && category.fixedAmount !== undefined)
      computed.push({ category: category.id, description: '', amount: category.fixedAmount, source: 'fixed' });
  }
  if (items.length > definition.damages.maxItems) issues.push(claimIssue('items', 'too_many_items', { max: definition.damages.maxItems }));

  items.slice(0, definition.damages.maxItems).forEach((item, index) => {
    const path = `items.${index}`;
    const category = applicable.get(item.category);
    if (!category || category.mode !== 'itemised') return issues.push(claimIssue(`${path}.category`, 'damage_category_closed'));
    const description = String(item.description ?? '').trim();
    if ([...description].length > MAX_DESCRIPTION_LENGTH)
      issues.push(claimIssue(`${path}.description`, 'too_long', { max: MAX_DESCRIPTION_LENGTH }));

    let amount: number | null = null;
    let helperPart: Pick<ComputedDamageItem, 'helper' | 'formula' | 'inputs'> = {};
    if (item.calculation) {
      const helper = definition.damages.helpers.find(
        (candidate) => candidate.id === item.calculation!.helper && candidate.category === category.id,
      );
      if (!helper) return issues.push(claimIssue(`${path}.calculation.helper`, 'invalid_option'));
      const inputs: Record<string, number> = {};
      let isValid = true;
      for (const input of helper.inputs) {
        const inputPath = `${path}.inputs.${input.id}`;
        const raw = item.calculation.inputs[input.id];
        const value = parseInput(input, raw, currency);
        if (value === null) {
          issues.push(
            claimIssue(
              inputPath,
              raw === undefined || raw === '' ? 'required' : input.kind === 'money' ? 'invalid_money' : 'not_a_number',
              input.kind === 'money' ? { example: money(3500000, currency) } : undefined,
            ),
          );
          isValid = false;
        } else if (input.kind !== 'number' && !Number.isInteger(value)) {
          issues.push(claimIssue(inputPath, 'not_integer'));
          isValid = false;
        } else if (input.min !== undefined && value < input.min) {
          issues.push(
            claimIssue(inputPath, 'too_small', { min: input.kind === 'money' ? money(input.min, currency) : formatNumber(input.min) }),
          );
          isValid = false;
        } else if (input.max !== undefined && value > input.max) {
          issues.push(
            claimIssue(inputPath, 'too_large', { max: input.kind === 'money' ? money(input.max, currency) : formatNumber(input.max) }),
          );
          isValid = false;
        } else inputs[input.id] = value;
      }
      if (!isValid) return;
      const value = evaluateFormula(helper.formula, inputs);
      if (value === null) return issues.push(claimIssue(`${path}.amount`, 'formula_failed'));
      amount = round(value, helper.rounding);
      helperPart = { helper: helper.id, formula: helper.formula, inputs };
    } else {
      amount =
        typeof item.amount === 'number'
          ? Number.isSafeInteger(item.amount)
            ? item.amount
            : null
          : parseMoney(String(item.amount ?? ''), currency);
      if (amount === null)
        return issues.push(
          claimIssue(`${path}.amount`, item.amount === undefined || item.amount === '' ? 'required' : 'invalid_money', {
            example: money(3500000, currency),
          }),
        );
    }
    if (amount < 0) return issues.push(claimIssue(`${path}.amount`, 'too_small', { min: money(0, currency) }));
    if (amount > definition.damages.maxItemAmount)
      return issues.push(claimIssue(`${path}.amount`, 'too_large', { max: money(definition.damages.maxItemAmount, currency) }));
    computed.push({ category: category.id, description, amount, source: item.calculation ? 'helper' : 'entered', ...helperPart });
  });

  const byCategory: Record<string, number> = {};
  for (const item of computed) byCategory[item.category] = (byCategory[item.category] ?? 0) + item.amount;
  const total = computed.reduce((sum, item) => sum + item.amount, 0);
  return { ok: issues.length === 0, currency, items: computed, total, byCategory, issues };
}
