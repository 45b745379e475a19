import type { DamageItem, Evidence } from '@/db/schema';
import {
  type ClaimDefinition,
  type ClaimLocale,
  type ClaimState,
  type MissingClaimItem,
  computeVisibility,
  formatAnswer,
  missingItems,
} from '@/lib/claims';

/**
 * The claimant file's view of the claim under its definition: each step the claimant saw with
 * its questions and answers (labels from the definition, in the reader's language), and what the
 * definition says is still missing. Identity, signatures and consents are shown beside it.
 */
export type AnsweredStep = { id: string; title: string; answers: { id: string; label: string; value: string | null }[] };

export function describeClaimAnswers(definition: ClaimDefinition, state: ClaimState, locale: ClaimLocale): AnsweredStep[] {
  const { steps, questions, answers } = computeVisibility(definition, state);
  return steps
    .map((step) => ({
      id: step.id,
      title: step.title[locale],
      answers: step.questions
        .filter((question) => questions.has(question.id))
        .map((question) => ({
          id: question.id,
          label: question.label[locale],
          value: formatAnswer(definition, question, answers, locale, 'label'),
        })),
    }))
    .filter((step) => step.answers.length > 0);
}

/** What the definition says the claim lacks: answers, evidence per kind, damages (lib/claims/missing.ts). */
export function findMissingForReview(
  definition: ClaimDefinition,
  state: ClaimState,
  evidence: Pick<Evidence, 'kind'>[],
  damages: Pick<DamageItem, 'category' | 'amountKrw'>[],
): MissingClaimItem[] {
  const evidenceCounts: Record<string, number> = {};
  for (const file of evidence) evidenceCounts[file.kind] = (evidenceCounts[file.kind] ?? 0) + 1;
  return missingItems(definition, {
    ...state,
    evidenceCounts,
    damageItems: damages.map((item) => ({ category: item.category, amount: item.amountKrw })),
  });
}

/** A label of the definition by id (category, damages category, evidence kind), or the id when it lists none. */
export function definitionLabel(
  items: readonly { id: string; label: { ko: string; en: string } }[] | undefined,
  id: string,
  locale: ClaimLocale,
): string {
  return items?.find((item) => item.id === id)?.label[locale] ?? id;
}
