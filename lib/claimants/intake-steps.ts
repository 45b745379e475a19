import type { ClaimantStatus } from '@/db/schema';
import type { ClaimDefinition, ClaimState } from '@/lib/claims';
import { applicableDamageCategories, visibleSteps } from '@/lib/claims';
import { LEADING_STEPS, RESERVED_STEP_IDS, TRAILING_STEPS } from '@/lib/claims/store/wizard-steps';

/**
 * The intake wizard, one topic per step: the category (`type`), identity, then the steps of the
 * case's claim definition that apply to this claimant, damages (when the definition has any that
 * apply), the statement to sign, evidence, consents and the review that submits. A step id is
 * the last segment of its URL.
 */
export type IntakeStep = string;

/** The steps a claimant walks, in order, for their category and answers so far. */
export function wizardSteps(definition: ClaimDefinition, state: ClaimState): IntakeStep[] {
  const questionSteps = state.category ? visibleSteps(definition, state).map((step) => step.id) : definition.steps.map((step) => step.id);
  const hasDamages = !state.category || applicableDamageCategories(definition, state).length > 0;
  return [...LEADING_STEPS, ...questionSteps, ...TRAILING_STEPS.filter((step) => step !== 'damages' || hasDamages)];
}

/** A step id the URL may name: the wizard's own or one of the definition's. */
export function isIntakeStep(definition: ClaimDefinition, value: unknown): value is IntakeStep {
  return typeof value === 'string' && (RESERVED_STEP_IDS.includes(value) || definition.steps.some((step) => step.id === value));
}

/** Whether the step is one of the definition's question steps (not the wizard's own). */
export function isQuestionStep(definition: ClaimDefinition, step: IntakeStep): boolean {
  return !RESERVED_STEP_IDS.includes(step) && definition.steps.some((item) => item.id === step);
}

export function nextStep(steps: readonly IntakeStep[], step: IntakeStep): IntakeStep | null {
  const index = steps.indexOf(step);
  return index < 0 ? null : (steps[index + 1] ?? null);
}

export function previousStep(steps: readonly IntakeStep[], step: IntakeStep): IntakeStep | null {
  const index = steps.indexOf(step);
  return index <= 0 ? null : steps[index - 1];
}

export function intakePath(caseSlug: string, step: IntakeStep): string {
  return `/my/cases/${caseSlug}/intake/${step}`;
}

/** A claim can be changed while it is a draft or while counsel asks for more (needs_info). */
export const EDITABLE_STATUSES = ['draft', 'needs_info'] as const satisfies readonly ClaimantStatus[];

export function isEditable(status: ClaimantStatus): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}
