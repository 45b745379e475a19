import type { z } from 'zod';
import { isRegionCode } from '@/lib/regions';
import { conditionDepth, evaluateForCategory } from './conditions';
import { isKnownTimeZone, isWallClock } from './dates';
import {
  claimDefinitionSchema,
  OTHER_OPTION,
  type ClaimDefinition,
  type Condition,
  type DateBound,
  type Question,
} from './definition-schema';
import { isKnownCurrency } from './format';
import { claimIssue } from './messages';
import { placeholderNames } from './template';
import { checkDamagesAndDimensions, DATE_TYPES } from './validate-damages';
import type { ClaimIssue } from './types';
import { listQuestions } from './visibility';

export type DefinitionValidation = { ok: true; definition: ClaimDefinition; issues: [] } | { ok: false; issues: ClaimIssue[] };

export const MAX_CONDITION_DEPTH = 8;

function fromZod(error: z.ZodError): ClaimIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const last = issue.path[issue.path.length - 1];
    if (issue.message === 'claims.id') return claimIssue(path, 'invalid_id');
    if ((last === 'ko' || last === 'en') && (issue.code === 'too_small' || /undefined/.test(issue.message)))
      return claimIssue(path, 'missing_translation');
    if (issue.code === 'invalid_type' && /undefined/.test(issue.message)) return claimIssue(path, 'missing_value');
    return claimIssue(path, 'invalid_shape', { detail: issue.message });
  });
}

/** JSON nesting far past any sensible definition: refused before zod walks it recursively (no stack overflow, no 500). */
const MAX_JSON_DEPTH = 64;

function jsonDepthExceeds(input: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[input, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(value as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Checks a definition's meaning: every reference resolves, every bound can be met, every category reaches a question. */
export function validateClaimDefinition(input: unknown): DefinitionValidation {
  if (jsonDepthExceeds(input, MAX_JSON_DEPTH))
    return { ok: false, issues: [claimIssue('', 'condition_too_deep', { max: MAX_CONDITION_DEPTH })] };
  const parsed = claimDefinitionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZod(parsed.error) };
  const definition = parsed.data;
  const issues: ClaimIssue[] = [];
  const add = (issue: ClaimIssue) => issues.push(issue);

  if (!isKnownTimeZone(definition.timeZone)) add(claimIssue('timeZone', 'unknown_time_zone', { value: definition.timeZone }));
  if (!isKnownCurrency(definition.currency)) add(claimIssue('currency', 'unknown_currency', { value: definition.currency }));

  const checkUnique = (items: { id: string }[], path: string, kind: string) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) add(claimIssue(`${path}.${index}.id`, 'duplicate_id', { id: item.id, kind }));
      seen.add(item.id);
    });
  };
  const placed = listQuestions(definition);
  checkUnique(definition.categories, 'categories', 'category');
  checkUnique(definition.steps, 'steps', 'step');
  checkUnique(definition.timeline, 'timeline', 'event');
  checkUnique(definition.statement.blocks, 'statement.blocks', 'block');
  checkUnique(definition.evidenceKinds, 'evidenceKinds', 'evidence');
  checkUnique(definition.damages.categories, 'damages.categories', 'damages');
  checkUnique(definition.damages.helpers, 'damages.helpers', 'helper');
  checkUnique(definition.dimensions, 'dimensions', 'dimension');
  {
    const seen = new Set<string>();
    for (const { question, stepIndex, questionIndex } of placed) {
      if (seen.has(question.id))
        add(claimIssue(`steps.${stepIndex}.questions.${questionIndex}.id`, 'duplicate_id', { id: question.id, kind: 'question' }));
      seen.add(question.id);
      if ('options' in question) checkUnique(question.options, `steps.${stepIndex}.questions.${questionIndex}.options`, 'option');
    }
  }

  definition.timeline.forEach((event, index) => {
    if (!isWallClock(event.at)) add(claimIssue(`timeline.${index}.at`, 'invalid_wall_clock', { value: event.at }));
  });

  const questionOrder = new Map(placed.map((item) => [item.question.id, item] as const));
  const categoryIds = new Set(definition.categories.map((category) => category.id));

  /** `before`: the order a referenced question must come before (Infinity: any question). */
  const checkCondition = (condition: Condition | undefined, path: string, before: number) => {
    if (!condition) return;
    if (conditionDepth(condition) > MAX_CONDITION_DEPTH) {
      add(claimIssue(path, 'condition_too_deep', { max: MAX_CONDITION_DEPTH }));
      return;
    }
    if (definition.categories.every((category) => evaluateForCategory(condition, category.id) === false))
      add(claimIssue(path, 'condition_never_true'));
    walkCondition(condition, path, before);
  };
  const walkCondition = (condition: Condition, path: string, before: number) => {
    switch (condition.kind) {
      case 'all':
      case 'any':
        condition.conditions.forEach((item, index) => walkCondition(item, `${path}.conditions.${index}`, before));
        return;
      case 'not':
        walkCondition(condition.condition, `${path}.condition`, before);
        return;
      case 'category':
        condition.in.forEach((id, index) => {
          if (!categoryIds.has(id)) add(claimIssue(`${path}.in.${index}`, 'unknown_category', { id }));
        });
        return;
      case 'guardian':
        if (!definition.categories.some((category) => category.allowsMinorWithGuardian)) add(claimIssue(path, 'condition_never_true'));
        return;
      case 'answer': {
        const target = questionOrder.get(condition.question);
        if (!target) return add(claimIssue(`${path}.question`, 'unknown_question', { id: condition.question }));
        if (target.order >= before) return add(claimIssue(`${path}.question`, 'question_not_earlier', { id: condition.question }));
        checkOperator(condition, target.question, path);
      }
    }
  };
  const checkOperator = (condition: Extract<Condition, { kind: 'answer' }>, question: Question, path: string) => {
    const mismatch = () =>
      add(claimIssue(`${path}.op`, 'operator_mismatch', { question: question.id, type: question.type, op: condition.op }));
    const values = Array.isArray(condition.value) ? condition.value : condition.value === undefined ? [] : [String(condition.value)];
    const checkValues = () => {
      for (const value of values) {
        const isKnown =
          question.type === 'yes_no_unsure'
            ? ['yes', 'no', 'unsure'].includes(value)
            : question.type === 'region'
              ? isRegionCode(definition.jurisdiction, value)
              : 'options' in question
                ? question.options.some((option) => option.id === value) || (question.allowOther && value === OTHER_OPTION)
                : true;
        if (!isKnown) add(claimIssue(`${path}.value`, 'unknown_option', { question: question.id, option: value }));
      }
    };
    switch (condition.op) {
      case 'answered':
      case 'not_answered':
        return;
      case 'equals':
      case 'not_equals':
        if (question.type === 'multiple_choice' || condition.value === undefined || Array.isArray(condition.value)) return mismatch();
        return checkValues();
      case 'in':
      case 'not_in':
        if (question.type === 'multiple_choice' || values.length === 0) return mismatch();
        return checkValues();
      case 'includes':
        if (question.type !== 'multiple_choice' || values.length === 0) return mismatch();
        return checkValues();
      default: {
        const isNumeric = (question.type === 'number' || question.type === 'money') && typeof condition.value === 'number';
        const isDate = DATE_TYPES.has(question.type) && typeof condition.value === 'string' && isWallClock(condition.value);
        if (!isNumeric && !isDate) mismatch();
      }
    }
  };

  const fixedBound = (bound: DateBound | undefined): string | null => {
    if (!bound) return null;
    if (bound.kind === 'date') return bound.value;
    if (bound.kind === 'event') {
      const event = definition.timeline.find((item) => item.id === bound.event);
      return event && isWallClock(event.at) ? event.at : null;
    }
    return null;
  };
  const checkBound = (bound: DateBound | undefined, path: string, self: Question, order: number) => {
    if (!bound) return;
    if (bound.kind === 'date' && !isWallClock(bound.value)) add(claimIssue(`${path}.value`, 'invalid_wall_clock', { value: bound.value }));
    if (bound.kind === 'event' && !definition.timeline.some((event) => event.id === bound.event))
      add(claimIssue(`${path}.event`, 'unknown_event', { id: bound.event }));
    if (bound.kind === 'answer') {
      const target = questionOrder.get(bound.question);
      if (bound.question === self.id) add(claimIssue(`${path}.question`, 'bound_self'));
      else if (!target) add(claimIssue(`${path}.question`, 'unknown_question', { id: bound.question }));
      else if (!DATE_TYPES.has(target.question.type)) add(claimIssue(`${path}.question`, 'bound_not_date', { id: bound.question }));
      else if (target.order >= order) add(claimIssue(`${path}.question`, 'question_not_earlier', { id: bound.question }));
    }
  };

  definition.steps.forEach((step, stepIndex) => {
    const stepPath = `steps.${stepIndex}`;
    const firstOrder =
      placed.find((item) => item.stepIndex === stepIndex)?.order ?? placed.filter((item) => item.stepIndex < stepIndex).length;
    checkCondition(step.showIf, `${stepPath}.showIf`, firstOrder);
    if (step.questions.length === 0) add(claimIssue(`${stepPath}.questions`, 'step_without_questions', { id: step.id }));
    step.questions.forEach((question, questionIndex) => {
      const path = `${stepPath}.questions.${questionIndex}`;
      const order = questionOrder.get(question.id)!.order;
      checkCondition(question.showIf, `${path}.showIf`, order);
      if (
        (question.type === 'number' || question.type === 'money') &&
        question.min !== undefined &&
        question.max !== undefined &&
        question.min > question.max
      )
        add(claimIssue(`${path}.min`, 'impossible_bound', { min: question.min, max: question.max }));
      if ((question.type === 'short_text' || question.type === 'long_text') && (question.minLength ?? 0) > question.maxLength)
        add(claimIssue(`${path}.minLength`, 'impossible_bound', { min: question.minLength!, max: question.maxLength }));
      if (question.type === 'multiple_choice') {
        const choices = question.options.length + (question.allowOther ? 1 : 0);
        const min = question.minSelected ?? 0;
        const max = Math.min(question.maxSelected ?? choices, choices);
        if (min > max) add(claimIssue(`${path}.minSelected`, 'impossible_bound', { min, max }));
      }
      if ('options' in question && question.allowOther && question.options.some((option) => option.id === OTHER_OPTION))
        add(claimIssue(`${path}.options`, 'duplicate_id', { id: OTHER_OPTION, kind: 'option' }));
      if (question.type === 'date' || question.type === 'datetime') {
        checkBound(question.notBefore, `${path}.notBefore`, question, order);
        checkBound(question.notAfter, `${path}.notAfter`, question, order);
        const notBefore = fixedBound(question.notBefore);
        const notAfter = fixedBound(question.notAfter);
        const shift = (bound: DateBound | undefined) => (bound && 'offsetDays' in bound ? (bound.offsetDays ?? 0) : 0);
        if (notBefore && notAfter) {
          const from = new Date(`${notBefore.slice(0, 10)}T00:00:00Z`).getTime() + shift(question.notBefore) * 86_400_000;
          const to = new Date(`${notAfter.slice(0, 10)}T00:00:00Z`).getTime() + shift(question.notAfter) * 86_400_000;
          const isTimeConflict = from === to && notBefore.length > 10 && notAfter.length > 10 && notBefore.slice(10) > notAfter.slice(10);
          if (from > to || isTimeConflict) add(claimIssue(`${path}.notAfter`, 'impossible_date_bound', { notBefore, notAfter }));
        }
      }
    });
  });

  // A category that no step (with a question) could ever be shown to.
  definition.categories.forEach((category, index) => {
    const reaches = definition.steps.some(
      (step) =>
        evaluateForCategory(step.showIf, category.id) !== false &&
        step.questions.some((question) => evaluateForCategory(question.showIf, category.id) !== false),
    );
    if (!reaches) add(claimIssue(`categories.${index}`, 'category_without_steps', { id: category.id }));
  });

  // Statement: placeholders must be fillable; conditions may read any question.
  const fillable = new Set(['category', 'case.title', 'signer.name', 'guardian.name', 'guardian.relation', 'damages.total']);
  for (const { question } of placed) {
    fillable.add(question.id);
    if ('allowOther' in question && question.allowOther) fillable.add(`${question.id}.other`);
  }
  for (const event of definition.timeline) fillable.add(`event.${event.id}`);
  for (const category of definition.damages.categories) fillable.add(`damages.${category.id}`);
  const checkText = (text: { ko: string; en: string } | undefined, path: string) => {
    if (!text) return;
    for (const locale of ['ko', 'en'] as const)
      for (const name of placeholderNames(text[locale]))
        if (!fillable.has(name)) add(claimIssue(`${path}.${locale}`, 'unknown_placeholder', { name }));
  };
  checkText(definition.statement.title, 'statement.title');
  checkText(definition.statement.preamble, 'statement.preamble');
  checkText(definition.statement.affirmation, 'statement.affirmation');
  definition.statement.blocks.forEach((block, index) => {
    checkText(block.heading, `statement.blocks.${index}.heading`);
    checkText(block.text, `statement.blocks.${index}.text`);
    checkCondition(block.showIf, `statement.blocks.${index}.showIf`, Infinity);
  });

  definition.evidenceKinds.forEach((kind, kindIndex) => {
    kind.requirements.forEach((requirement, index) => {
      const path = `evidenceKinds.${kindIndex}.requirements.${index}`;
      checkCondition(requirement.when, `${path}.when`, Infinity);
      const min = requirement.min ?? (requirement.required ? 1 : 0);
      if (requirement.required && min < 1) add(claimIssue(`${path}.min`, 'evidence_required_without_min'));
      if (min > requirement.max) add(claimIssue(`${path}.min`, 'impossible_bound', { min, max: requirement.max }));
    });
  });

  checkDamagesAndDimensions({ definition, add, checkCondition, checkUnique, questionOrder });

  return issues.length ? { ok: false, issues } : { ok: true, definition, issues: [] };
}
