import type { ClaimAnswers, ClaimDefinition } from '@/lib/claims';
import { listQuestions } from '@/lib/claims';
import { decryptField, encryptField } from '@/lib/crypto/field-encryption';

/**
 * Free-text answers (an address, what happened to a person) are personal data that nothing needs
 * to search or count, so they are stored field-encrypted inside `answers` as `{ $encrypted }`;
 * choices, numbers, dates and regions stay plain for the dimension index, filters and dashboards.
 */
export type SealedValue = { $encrypted: string };
export type StoredAnswers = Record<string, unknown>;

const TEXT_TYPES = new Set(['short_text', 'long_text']);

function isSealed(value: unknown): value is SealedValue {
  return typeof value === 'object' && value !== null && typeof (value as SealedValue).$encrypted === 'string';
}

/** The question ids whose answers are sealed: every text question of the definition. */
export function sealedQuestionIds(definition: ClaimDefinition): Set<string> {
  return new Set(
    listQuestions(definition)
      .filter(({ question }) => TEXT_TYPES.has(question.type))
      .map(({ question }) => question.id),
  );
}

export function sealAnswers(definition: ClaimDefinition, answers: ClaimAnswers): StoredAnswers {
  const sealed = sealedQuestionIds(definition);
  const stored: StoredAnswers = {};
  for (const [key, value] of Object.entries(answers)) {
    stored[key] = sealed.has(key) && typeof value === 'string' && value !== '' ? { $encrypted: encryptField(value) } : value;
  }
  return stored;
}

/** The answers as the engine reads them; values stored before sealing existed read as they are. */
export function openAnswers(stored: StoredAnswers | null | undefined): ClaimAnswers {
  const answers: ClaimAnswers = {};
  for (const [key, value] of Object.entries(stored ?? {})) {
    if (isSealed(value)) answers[key] = decryptField(value.$encrypted);
    else if (typeof value === 'string' || typeof value === 'number') answers[key] = value;
    else if (Array.isArray(value)) answers[key] = value.filter((item): item is string => typeof item === 'string');
  }
  return answers;
}
