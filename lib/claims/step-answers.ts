import { checkAnswer, requiredIssue } from './answer-check';
import { evaluateCondition } from './conditions';
import type { ClaimDefinition, Question } from './definition-schema';
import { currencyMinorDigits } from './format';
import { claimIssue } from './messages';
import type { AnswerValue, ClaimAnswers, ClaimIssue, RawStepInput } from './types';
import { answerKeys, computeVisibility } from './visibility';

export type StepAnswersResult =
  | {
      ok: true;
      /** All answers after this step: this step's visible answers replace its old ones; its hidden ones are dropped. */
      answers: ClaimAnswers;
      /** This step's answers alone. */
      stepAnswers: ClaimAnswers;
    }
  | {
      ok: false;
      /** One issue per field (the first found), keyed by field name: `notice_date`, `channel.other`. */
      fieldErrors: Record<string, ClaimIssue>;
      issues: ClaimIssue[];
      /** What was posted, as the form shows it again: nothing typed is lost. */
      values: Record<string, string | string[]>;
    };

export type StepContext = {
  category: string | null;
  /** The claimant's saved answers (all steps). */
  answers: ClaimAnswers;
  hasGuardian?: boolean;
  now?: Date;
};

/** What the form shows again: strings as posted, arrays for repeated fields, nothing else. */
function echo(raw: RawStepInput, questions: Question[]): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const question of questions) {
    for (const key of answerKeys(question)) {
      const value = raw[key];
      if (typeof value === 'string') values[key] = value;
      else if (typeof value === 'number') values[key] = String(value);
      else if (Array.isArray(value)) values[key] = value.filter((item): item is string => typeof item === 'string');
    }
  }
  return values;
}

/**
 * Checks one step's posted answers: the questions visible given the category, the earlier
 * steps' answers and this step's own answers above each question; required ones present;
 * every answer of the right type, within its bounds, one of its options. Questions of the step
 * that are hidden are ignored (and their old answers dropped on success).
 */
export function validateStepAnswers(
  definition: ClaimDefinition,
  stepId: string,
  raw: RawStepInput,
  context: StepContext,
): StepAnswersResult {
  const step = definition.steps.find((item) => item.id === stepId);
  if (!step) {
    const issue = claimIssue('step', 'invalid_shape', { detail: stepId });
    return { ok: false, fieldErrors: { step: issue }, issues: [issue], values: {} };
  }
  const stepIndex = definition.steps.indexOf(step);
  // Earlier steps as the claimant answered them (hidden ones do not count).
  const before = computeVisibility(
    { ...definition, steps: definition.steps.slice(0, stepIndex) },
    { category: context.category, answers: context.answers, hasGuardian: context.hasGuardian },
  ).answers;
  const working: ClaimAnswers = { ...before };
  const stepAnswers: ClaimAnswers = {};
  const issues: ClaimIssue[] = [];
  const state = () => ({ category: context.category, answers: working, hasGuardian: context.hasGuardian });

  const isStepVisible = evaluateCondition(step.showIf, state());
  for (const question of step.questions) {
    if (!isStepVisible || !evaluateCondition(question.showIf, state())) continue;
    const checked = checkAnswer(question, raw[question.id], raw[`${question.id}.other`], {
      definition,
      answers: working,
      now: context.now,
    });
    if (checked.issue) issues.push(checked.issue);
    if (checked.otherIssue) issues.push(checked.otherIssue);
    if (checked.value === undefined) {
      if (question.required && !checked.issue) issues.push(requiredIssue(question));
      continue;
    }
    // Only a valid answer opens what depends on it.
    if (!checked.issue) {
      working[question.id] = checked.value;
      stepAnswers[question.id] = checked.value;
      if (checked.other !== undefined) stepAnswers[`${question.id}.other`] = checked.other;
    }
  }

  if (issues.length > 0) {
    const fieldErrors: Record<string, ClaimIssue> = {};
    for (const issue of issues) fieldErrors[issue.path] ??= issue;
    return { ok: false, fieldErrors, issues, values: echo(raw, step.questions) };
  }

  const answers: ClaimAnswers = { ...context.answers };
  for (const question of step.questions) for (const key of answerKeys(question)) delete answers[key];
  Object.assign(answers, stepAnswers);
  return { ok: true, answers, stepAnswers };
}

/** Saved answers as form values, for showing a saved step again (money back in major units). */
export function answersToFormValues(definition: ClaimDefinition, answers: ClaimAnswers): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  const digits = currencyMinorDigits(definition.currency);
  for (const step of definition.steps) {
    for (const question of step.questions) {
      const value: AnswerValue | undefined = answers[question.id];
      if (value === undefined) continue;
      if (question.type === 'money' && typeof value === 'number') values[question.id] = (value / 10 ** digits).toFixed(digits);
      else values[question.id] = Array.isArray(value) ? [...value] : String(value);
      const other = answers[`${question.id}.other`];
      if (typeof other === 'string') values[`${question.id}.other`] = other;
    }
  }
  return values;
}
