import { evaluateCondition } from './conditions';
import type { ClaimDefinition, Question, Step } from './definition-schema';
import type { ClaimAnswers, ClaimState } from './types';

/**
 * Which steps and questions a claimant sees. Visibility cascades in definition order: a question
 * hidden by its condition counts as unanswered for every condition after it, so answers left over
 * from an earlier branch never open a later one.
 */

export type PlacedQuestion = { step: Step; question: Question; stepIndex: number; questionIndex: number; order: number };

export function listQuestions(definition: ClaimDefinition): PlacedQuestion[] {
  const placed: PlacedQuestion[] = [];
  definition.steps.forEach((step, stepIndex) =>
    step.questions.forEach((question, questionIndex) => placed.push({ step, question, stepIndex, questionIndex, order: placed.length })),
  );
  return placed;
}

export function findQuestion(definition: ClaimDefinition, id: string): Question | null {
  for (const step of definition.steps) for (const question of step.questions) if (question.id === id) return question;
  return null;
}

export function findStep(definition: ClaimDefinition, id: string): Step | null {
  return definition.steps.find((step) => step.id === id) ?? null;
}

/** The answer keys a question owns: its id and, for a choice with "other", `<id>.other`. */
export function answerKeys(question: Question): string[] {
  return 'allowOther' in question && question.allowOther ? [question.id, `${question.id}.other`] : [question.id];
}

export type Visibility = {
  steps: Step[];
  questions: Set<string>;
  /** Answers of visible questions only: what conditions, statements and completeness read. */
  answers: ClaimAnswers;
};

export function computeVisibility(definition: ClaimDefinition, state: ClaimState): Visibility {
  const answers: ClaimAnswers = {};
  const steps: Step[] = [];
  const questions = new Set<string>();
  const current = (): ClaimState => ({ category: state.category, answers, hasGuardian: state.hasGuardian });
  for (const step of definition.steps) {
    if (!evaluateCondition(step.showIf, current())) continue;
    steps.push(step);
    for (const question of step.questions) {
      if (!evaluateCondition(question.showIf, current())) continue;
      questions.add(question.id);
      for (const key of answerKeys(question)) if (state.answers[key] !== undefined) answers[key] = state.answers[key];
    }
  }
  return { steps, questions, answers };
}

/** The steps the claimant walks through, in order. */
export function visibleSteps(definition: ClaimDefinition, state: ClaimState): Step[] {
  return computeVisibility(definition, state).steps;
}

/** The questions the claimant sees, in order; with `stepId`, those of that step only. */
export function visibleQuestions(definition: ClaimDefinition, state: ClaimState, stepId?: string): Question[] {
  const { questions } = computeVisibility(definition, state);
  const steps = stepId ? definition.steps.filter((step) => step.id === stepId) : definition.steps;
  return steps.flatMap((step) => step.questions.filter((question) => questions.has(question.id)));
}

/** Answers of visible questions only. */
export function effectiveAnswers(definition: ClaimDefinition, state: ClaimState): ClaimAnswers {
  return computeVisibility(definition, state).answers;
}
