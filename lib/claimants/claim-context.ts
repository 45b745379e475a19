import type { Database } from '@/db/client';
import type { Case, Claimant } from '@/db/schema';
import { type ClaimAnswers, type ClaimDefinition, type ClaimState, evidenceKindsFor } from '@/lib/claims';
import { loadCurrentDefinition, loadPublishedDefinition, openAnswers } from '@/lib/claims/store';
import { bringDraftForward } from './draft-version';
import { AppError } from '@/lib/errors';
import { type IntakeStep, wizardSteps } from './intake-steps';

export type ClaimContext = {
  claimant: Claimant;
  definition: ClaimDefinition;
  definitionVersion: number;
  answers: ClaimAnswers;
  state: ClaimState;
  steps: IntakeStep[];
};

/**
 * The claim as the wizard works on it: a draft first moved onto the case's current definition
 * (the claimant is then shown what changed), the definition it is on, and its answers opened.
 */
export async function loadClaimContext(db: Database, claimant: Claimant, caseRow: Case): Promise<ClaimContext> {
  const current = await bringDraftForward(db, claimant, caseRow);
  const loaded = current.definitionVersion
    ? await loadPublishedDefinition(db, caseRow.id, current.definitionVersion)
    : await loadCurrentDefinition(db, caseRow);
  if (!loaded) throw new AppError('not_found', { messageKey: 'intake.errors.noDefinition' });
  const answers = openAnswers(current.answers);
  const state: ClaimState = { category: current.category, answers };
  return {
    claimant: current,
    definition: loaded.definition,
    definitionVersion: loaded.version,
    answers,
    state,
    steps: wizardSteps(loaded.definition, state),
  };
}

/** The evidence kind ids the case's definition offers this claimant now (what an upload may name). */
export async function offeredEvidenceKinds(db: Database, claimant: Claimant, caseRow: Case): Promise<string[]> {
  const context = await loadClaimContext(db, claimant, caseRow);
  return evidenceKindsFor(context.definition, context.state).map((offered) => offered.kind.id);
}
