import type { Localized } from './definition-schema';

/**
 * A claimant's answers to a definition, as stored (jsonb) and as the engine reads them:
 * - short/long text, date (`YYYY-MM-DD`), date-time (`YYYY-MM-DDTHH:mm`, wall clock in the
 *   definition's zone), single choice (option id), yes/no/unsure (`yes` | `no` | `unsure`),
 *   region (region code of the jurisdiction): a string;
 * - number, money (integer, minor units of the currency): a number;
 * - multiple choice: option ids, in the definition's order.
 * The free text of a choice's "other" option is kept under `<question id>.other`.
 * An unanswered question has no key.
 */
export type AnswerValue = string | number | string[];
export type ClaimAnswers = Record<string, AnswerValue>;

/** What a form or an API posts for one step: strings as typed, repeated fields as arrays. */
export type RawStepInput = Record<string, unknown>;

/** A fault, with where it is (a JSON-ish path or a field name) and what to say, in both languages. */
export type ClaimIssue = {
  /** Dotted path (`steps.2.questions.0.showIf.question`) or, for answers, the field name. */
  path: string;
  /** Stable code for programs and tests (`unknown_question`, `too_small`…). */
  code: string;
  params?: Record<string, string | number | Localized>;
  message: Localized;
};

/** The claimant's side of the claim the engine needs: category, answers and, for context, who signs. */
export type ClaimState = {
  category: string | null;
  answers: ClaimAnswers;
  /** A minor represented by a legal guardian (identity, outside the answers); conditions of kind `guardian` read it. */
  hasGuardian?: boolean;
};
