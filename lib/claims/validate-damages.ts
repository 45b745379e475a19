import { evaluateForCategory } from './conditions';
import type { ClaimDefinition, Condition } from './definition-schema';
import { checkFormula, FORMULA_FUNCTIONS } from './formula';
import { claimIssue } from './messages';
import type { ClaimIssue } from './types';
import type { PlacedQuestion } from './visibility';

/** Question types whose answers come from a fixed list: only these can be dashboard or filter dimensions. */
const ENUMERABLE_TYPES = new Set(['single_choice', 'multiple_choice', 'yes_no_unsure', 'region']);
export const DATE_TYPES = new Set(['date', 'datetime']);

export type ValidationContext = {
  definition: ClaimDefinition;
  add: (issue: ClaimIssue) => void;
  /** Checks a condition's references; `before` is the order a referenced question must precede (Infinity: any). */
  checkCondition: (condition: Condition | undefined, path: string, before: number) => void;
  checkUnique: (items: { id: string }[], path: string, kind: string) => void;
  questionOrder: ReadonlyMap<string, PlacedQuestion>;
};

/** The damages part of validateClaimDefinition (categories, helpers and their formulas) and the dimensions. */
export function checkDamagesAndDimensions({ definition, add, checkCondition, checkUnique, questionOrder }: ValidationContext): void {
  const damageCategories = new Map(definition.damages.categories.map((category) => [category.id, category] as const));
  definition.damages.categories.forEach((category, index) => {
    checkCondition(category.when, `damages.categories.${index}.when`, Infinity);
    if (category.mode === 'fixed' && category.fixedAmount === undefined)
      add(claimIssue(`damages.categories.${index}.fixedAmount`, 'fixed_without_amount'));
  });
  if (definition.damages.requireAmount) {
    // A claim that must claim something, for a claimant to whom no damages category can apply, can never be completed.
    definition.categories.forEach((category) => {
      const reachable = definition.damages.categories.some((item) => evaluateForCategory(item.when, category.id) !== false);
      if (!reachable) add(claimIssue('damages.categories', 'damages_unreachable', { id: category.id }));
    });
  }
  definition.damages.helpers.forEach((helper, index) => {
    const path = `damages.helpers.${index}`;
    const category = damageCategories.get(helper.category);
    if (!category) add(claimIssue(`${path}.category`, 'unknown_damage_category', { id: helper.category }));
    else if (category.mode === 'fixed') add(claimIssue(`${path}.category`, 'helper_on_fixed', { id: helper.category }));
    checkUnique(helper.inputs, `${path}.inputs`, 'input');
    const functions = FORMULA_FUNCTIONS.join(', ');
    helper.inputs.forEach((input, inputIndex) => {
      const inputPath = `${path}.inputs.${inputIndex}`;
      if ((FORMULA_FUNCTIONS as readonly string[]).includes(input.id))
        add(claimIssue(`${inputPath}.id`, 'formula_forbidden', { what: input.id, functions }));
      if (input.min !== undefined && input.max !== undefined && input.min > input.max)
        add(claimIssue(`${inputPath}.min`, 'impossible_bound', { min: input.min, max: input.max }));
      const source = input.default;
      const sources =
        source?.kind === 'answer'
          ? [source.question]
          : source?.kind === 'hours_between' || source?.kind === 'days_between'
            ? [source.from, source.to]
            : [];
      for (const id of sources) {
        const target = questionOrder.get(id);
        if (!target) add(claimIssue(`${inputPath}.default`, 'unknown_question', { id }));
        else if (source?.kind !== 'answer' && !DATE_TYPES.has(target.question.type))
          add(claimIssue(`${inputPath}.default`, 'bound_not_date', { id }));
      }
    });
    const checked = checkFormula(
      helper.formula,
      helper.inputs.map((input) => input.id),
    );
    if (!checked.ok) {
      for (const problem of checked.problems) {
        if (problem.kind === 'syntax') add(claimIssue(`${path}.formula`, 'formula_syntax', { detail: problem.detail }));
        else if (problem.kind === 'unknown_input') add(claimIssue(`${path}.formula`, 'formula_unknown_input', { name: problem.name }));
        else add(claimIssue(`${path}.formula`, 'formula_forbidden', { what: problem.what, functions }));
      }
    }
  });

  definition.dimensions.forEach((dimension, index) => {
    if (dimension.source.kind !== 'question') return;
    const target = questionOrder.get(dimension.source.question);
    if (!target) return add(claimIssue(`dimensions.${index}.source.question`, 'unknown_question', { id: dimension.source.question }));
    for (const use of dimension.uses) {
      if ((use === 'dashboard' || use === 'filter') && !ENUMERABLE_TYPES.has(target.question.type))
        add(claimIssue(`dimensions.${index}.uses`, 'dimension_unusable', { type: target.question.type, use }));
    }
  });
}
