import type { Condition } from './definition-schema';
import { compareWallClock, isWallClock } from './dates';
import type { AnswerValue, ClaimAnswers, ClaimState } from './types';

/**
 * Conditions read the claimant's category and answers. A comparison with an unanswered question
 * is false (only `not_answered` holds), so a question that depends on another stays hidden until
 * that one is answered; `not_equals` on an unanswered question is false for the same reason.
 */

function compare(answer: AnswerValue, value: unknown): number | null {
  if (typeof answer === 'number' && typeof value === 'number') return answer - value;
  if (typeof answer === 'string' && typeof value === 'string' && isWallClock(answer) && isWallClock(value))
    return compareWallClock(answer, value);
  return null;
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined ? [] : [String(value)];
}

function evaluateAnswer(condition: Extract<Condition, { kind: 'answer' }>, answers: ClaimAnswers): boolean {
  const answer = answers[condition.question];
  const isAnswered = answer !== undefined && answer !== '' && !(Array.isArray(answer) && answer.length === 0);
  if (condition.op === 'answered') return isAnswered;
  if (condition.op === 'not_answered') return !isAnswered;
  if (!isAnswered) return false;
  switch (condition.op) {
    case 'equals':
      return !Array.isArray(answer) && String(answer) === String(condition.value);
    case 'not_equals':
      return Array.isArray(answer) || String(answer) !== String(condition.value);
    case 'in':
      return !Array.isArray(answer) && asList(condition.value).includes(String(answer));
    case 'not_in':
      return !Array.isArray(answer) && !asList(condition.value).includes(String(answer));
    case 'includes': {
      const wanted = asList(condition.value);
      return Array.isArray(answer) && answer.some((item) => wanted.includes(item));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const difference = compare(answer, condition.value);
      if (difference === null) return false;
      if (condition.op === 'gt') return difference > 0;
      if (condition.op === 'gte') return difference >= 0;
      if (condition.op === 'lt') return difference < 0;
      return difference <= 0;
    }
  }
}

/** Whether the condition holds; no condition means always. */
export function evaluateCondition(condition: Condition | undefined, state: ClaimState): boolean {
  if (!condition) return true;
  switch (condition.kind) {
    case 'all':
      return condition.conditions.every((item) => evaluateCondition(item, state));
    case 'any':
      return condition.conditions.some((item) => evaluateCondition(item, state));
    case 'not':
      return !evaluateCondition(condition.condition, state);
    case 'category':
      return state.category !== null && condition.in.includes(state.category);
    case 'guardian':
      return state.hasGuardian === true;
    case 'answer':
      return evaluateAnswer(condition, state.answers);
  }
}

/**
 * Three-valued: what a condition is for a category before any answer is known — true, false,
 * or null when it depends on answers. The validator uses it to find a category that no step
 * could ever reach, and a condition that can never hold.
 */
export function evaluateForCategory(condition: Condition | undefined, category: string | null): boolean | null {
  if (!condition) return true;
  switch (condition.kind) {
    case 'all': {
      const values = condition.conditions.map((item) => evaluateForCategory(item, category));
      if (values.includes(false)) return false;
      return values.every((value) => value === true) ? true : null;
    }
    case 'any': {
      const values = condition.conditions.map((item) => evaluateForCategory(item, category));
      if (values.includes(true)) return true;
      return values.every((value) => value === false) ? false : null;
    }
    case 'not': {
      const value = evaluateForCategory(condition.condition, category);
      return value === null ? null : !value;
    }
    case 'category':
      return category !== null && condition.in.includes(category);
    case 'guardian':
    case 'answer':
      return null;
  }
}

/** Every question a condition reads, with the path to where it is named. */
export function conditionReferences(condition: Condition | undefined, path: string): { question: string; path: string }[] {
  if (!condition) return [];
  switch (condition.kind) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap((item, index) => conditionReferences(item, `${path}.conditions.${index}`));
    case 'not':
      return conditionReferences(condition.condition, `${path}.condition`);
    case 'category':
    case 'guardian':
      return [];
    case 'answer':
      return [{ question: condition.question, path: `${path}.question` }];
  }
}

export function conditionDepth(condition: Condition | undefined): number {
  if (!condition) return 0;
  if (condition.kind === 'all' || condition.kind === 'any') return 1 + Math.max(0, ...condition.conditions.map(conditionDepth));
  if (condition.kind === 'not') return 1 + conditionDepth(condition.condition);
  return 1;
}
