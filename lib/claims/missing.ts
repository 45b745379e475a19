import { checkAnswer } from './answer-check';
import { evaluateCondition } from './conditions';
import { computeDamages, type DamageItemInput } from './damages';
import type { ClaimDefinition, EvidenceKind, EvidenceRequirement } from './definition-schema';
import { claimIssue } from './messages';
import type { ClaimIssue, ClaimState } from './types';
import { computeVisibility } from './visibility';

/** One thing the claim still lacks, with where the claimant fixes it. */
export type MissingClaimItem = ClaimIssue & {
  kind: 'category' | 'answer' | 'evidence' | 'damages';
  stepId?: string;
  questionId?: string;
  evidenceKind?: string;
};

export type CompletenessInput = ClaimState & {
  /** Files the claimant has given, per evidence kind id. */
  evidenceCounts?: Readonly<Record<string, number>>;
  damageItems?: readonly DamageItemInput[];
  now?: Date;
};

export type OfferedEvidenceKind = { kind: EvidenceKind; requirement: EvidenceRequirement; min: number; max: number };

/** The evidence kinds offered to this claimant, each with the requirement that applies (first whose `when` holds). */
export function evidenceKindsFor(definition: ClaimDefinition, state: ClaimState): OfferedEvidenceKind[] {
  const { answers } = computeVisibility(definition, state);
  const visible: ClaimState = { category: state.category, answers, hasGuardian: state.hasGuardian };
  const offered: OfferedEvidenceKind[] = [];
  for (const kind of definition.evidenceKinds) {
    const requirement = kind.requirements.find((item) => evaluateCondition(item.when, visible));
    if (requirement) offered.push({ kind, requirement, min: requirement.min ?? (requirement.required ? 1 : 0), max: requirement.max });
  }
  return offered;
}

/**
 * What the claim still lacks under the definition: a category, required answers of visible
 * questions (and answers that no longer fit, e.g. after a bound was tightened), evidence per
 * kind, damages. The data decides, not which pages were visited. Identity, signature and consents
 * are the caller's to add: they live outside the definition.
 */
export function missingItems(definition: ClaimDefinition, input: CompletenessInput): MissingClaimItem[] {
  const missing: MissingClaimItem[] = [];
  if (!input.category || !definition.categories.some((category) => category.id === input.category)) {
    missing.push({ ...claimIssue('category', 'missing_category'), kind: 'category' });
    return missing;
  }
  const visibility = computeVisibility(definition, input);
  for (const step of visibility.steps) {
    for (const question of step.questions) {
      if (!visibility.questions.has(question.id)) continue;
      const value = visibility.answers[question.id];
      const where = { stepId: step.id, questionId: question.id, kind: 'answer' as const };
      const label = question.label;
      if (value === undefined) {
        if (question.required) missing.push({ ...claimIssue(question.id, 'missing_answer', { label }), ...where });
        continue;
      }
      const checked = checkAnswer(question, value, visibility.answers[`${question.id}.other`], {
        definition,
        answers: visibility.answers,
        now: input.now,
      });
      if (checked.issue || checked.otherIssue) missing.push({ ...claimIssue(question.id, 'invalid_answer', { label }), ...where });
    }
  }
  for (const offered of evidenceKindsFor(definition, input)) {
    const count = input.evidenceCounts?.[offered.kind.id] ?? 0;
    const where = { kind: 'evidence' as const, evidenceKind: offered.kind.id };
    if (count < offered.min)
      missing.push({
        ...claimIssue(`evidence.${offered.kind.id}`, 'missing_evidence', { label: offered.kind.label, count, min: offered.min }),
        ...where,
      });
    else if (count > offered.max)
      missing.push({
        ...claimIssue(`evidence.${offered.kind.id}`, 'too_much_evidence', { label: offered.kind.label, max: offered.max }),
        ...where,
      });
  }
  const totalEvidence = Object.values(input.evidenceCounts ?? {}).reduce((sum, count) => sum + count, 0);
  if (totalEvidence < definition.minEvidenceTotal)
    missing.push({
      ...claimIssue('evidence', 'missing_evidence_total', { min: definition.minEvidenceTotal, count: totalEvidence }),
      kind: 'evidence',
    });
  if (definition.damages.requireAmount) {
    const damages = computeDamages(definition, input, input.damageItems ?? []);
    if (damages.total <= 0 || !damages.ok) missing.push({ ...claimIssue('damages', 'missing_damages'), kind: 'damages' });
  }
  return missing;
}
