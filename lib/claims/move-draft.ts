import { checkAnswer } from './answer-check';
import { diffDefinitions } from './diff';
import { OTHER_OPTION, type ClaimDefinition, type Question } from './definition-schema';
import { claimIssue } from './messages';
import { evidenceKindsFor } from './missing';
import type { ClaimAnswers, ClaimIssue } from './types';
import { computeVisibility, listQuestions } from './visibility';

/** What the claimant is told about their draft after a new version was published. */
export type DraftChange = ClaimIssue & {
  change:
    | 'category_removed'
    | 'answer_dropped'
    | 'options_changed'
    | 'question_added'
    | 'question_reworded'
    | 'statement_changed'
    | 'evidence_changed';
  questionId?: string;
};

export type MovedDraft = {
  category: string | null;
  /** The answers that still fit the new version (only these are kept). */
  answers: ClaimAnswers;
  /** Question ids whose old answers were dropped. */
  dropped: string[];
  changes: DraftChange[];
};

function sameShape(before: Question, after: Question): boolean {
  return before.type === after.type;
}

/**
 * Moves a draft's answers from one published version to the next. An answer is kept where its
 * question still exists with the same type and the answer still fits (options, bounds); a
 * multiple choice keeps the options that remain. Everything else is dropped and named, with the
 * new required questions the claimant now sees, so they are shown what changed. A signed or
 * submitted claim is never moved: it keeps the version it was made under.
 */
export function moveDraftToVersion(
  draft: { category: string | null; answers: ClaimAnswers; hasGuardian?: boolean },
  before: ClaimDefinition,
  after: ClaimDefinition,
  options: { now?: Date } = {},
): MovedDraft {
  const changes: DraftChange[] = [];
  const oldCategory = before.categories.find((category) => category.id === draft.category);
  const category = after.categories.some((item) => item.id === draft.category) ? draft.category : null;
  if (draft.category && !category)
    changes.push({
      ...claimIssue('category', 'draft_category_removed', { label: oldCategory?.label ?? draft.category }),
      change: 'category_removed',
    });

  const oldQuestions = new Map(listQuestions(before).map((item) => [item.question.id, item.question] as const));
  const answers: ClaimAnswers = {};
  const dropped: string[] = [];
  for (const { question } of listQuestions(after)) {
    const previous = oldQuestions.get(question.id);
    const value = draft.answers[question.id];
    if (!previous || value === undefined) continue;
    const label = question.label;
    if (!sameShape(previous, question)) {
      dropped.push(question.id);
      changes.push({ ...claimIssue(question.id, 'draft_answer_dropped', { label }), change: 'answer_dropped', questionId: question.id });
      continue;
    }
    let candidate = value;
    if (question.type === 'multiple_choice' && Array.isArray(value)) {
      const allowed = new Set([...question.options.map((option) => option.id), ...(question.allowOther ? [OTHER_OPTION] : [])]);
      candidate = value.filter((item) => allowed.has(item));
      if (candidate.length !== value.length)
        changes.push({
          ...claimIssue(question.id, 'draft_options_changed', { label }),
          change: 'options_changed',
          questionId: question.id,
        });
      if (candidate.length === 0) {
        dropped.push(question.id);
        continue;
      }
    }
    const other = draft.answers[`${question.id}.other`];
    const checked = checkAnswer(question, candidate, other, { definition: after, answers, now: options.now });
    if (checked.issue || checked.value === undefined) {
      dropped.push(question.id);
      changes.push({ ...claimIssue(question.id, 'draft_answer_dropped', { label }), change: 'answer_dropped', questionId: question.id });
      continue;
    }
    answers[question.id] = checked.value;
    if (checked.other !== undefined && !checked.otherIssue) answers[`${question.id}.other`] = checked.other;
    if (
      JSON.stringify(previous.label) !== JSON.stringify(question.label) ||
      JSON.stringify(previous.help) !== JSON.stringify(question.help)
    )
      changes.push({
        ...claimIssue(question.id, 'draft_question_reworded', { label }),
        change: 'question_reworded',
        questionId: question.id,
      });
  }

  // New questions the claimant now sees and must answer.
  const visibility = computeVisibility(after, { category, answers, hasGuardian: draft.hasGuardian });
  for (const step of visibility.steps)
    for (const question of step.questions)
      if (
        visibility.questions.has(question.id) &&
        question.required &&
        answers[question.id] === undefined &&
        !dropped.includes(question.id)
      )
        changes.push({
          ...claimIssue(question.id, 'draft_question_added', { label: question.label }),
          change: 'question_added',
          questionId: question.id,
        });

  const diff = diffDefinitions(before, after);
  if (diff.some((item) => item.area === 'statement'))
    changes.push({ ...claimIssue('statement', 'draft_statement_changed'), change: 'statement_changed' });
  const oldEvidence = new Map(evidenceKindsFor(before, draft).map((item) => [item.kind.id, item] as const));
  for (const offered of evidenceKindsFor(after, { category, answers, hasGuardian: draft.hasGuardian })) {
    const previous = oldEvidence.get(offered.kind.id);
    if (offered.min > 0 && (!previous || previous.min < offered.min || previous.max > offered.max))
      changes.push({
        ...claimIssue(`evidence.${offered.kind.id}`, 'draft_evidence_changed', { label: offered.kind.label }),
        change: 'evidence_changed',
      });
  }
  return { category, answers, dropped, changes };
}
