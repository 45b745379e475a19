/**
 * The wizard's own steps, around the definition's steps: the category first, identity (columns,
 * not answers), then the definition's steps, then damages, the statement to sign, evidence,
 * consents and the review. A definition step may not take one of these ids (its URL would clash).
 */
export const LEADING_STEPS = ['type', 'identity'] as const;
export const TRAILING_STEPS = ['damages', 'sign', 'evidence', 'consent', 'review'] as const;
export const RESERVED_STEP_IDS: readonly string[] = [...LEADING_STEPS, ...TRAILING_STEPS];
