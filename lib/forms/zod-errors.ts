import type { z } from 'zod';

/**
 * Turns zod issues into translation keys (`validation.*`), one per field, the first issue winning.
 * Schemas with their own rule name its key as the message: `.refine(ok, 'validation.brnChecksum')`.
 * Parameters ride along as `key|{"min":10}` and are filled in by the translator.
 */
export function fieldErrorKeys(error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (result[field]) continue;
    result[field] = keyForIssue(issue);
  }
  return result;
}

function withParams(key: string, params: Record<string, number | string>): string {
  return `${key}|${JSON.stringify(params)}`;
}

/**
 * `key|{"max":10}` back into the key and its parameters. Only the first `|` separates: a parameter
 * may hold one (a reference list someone pasted, a name), and must come back whole.
 */
export function splitMessageKey(key: string): { path: string; params?: Record<string, string | number> } {
  const separator = key.indexOf('|');
  if (separator < 0) return { path: key };
  return { path: key.slice(0, separator), params: JSON.parse(key.slice(separator + 1)) as Record<string, string | number> };
}

/**
 * A message that arrives already written in both languages (the claims engine's issues) rides
 * as `~{"ko":…,"en":…}` in place of a key; the action picks the reader's language.
 */
export function localizedMessageKey(message: { ko: string; en: string }): string {
  return `~${JSON.stringify({ ko: message.ko, en: message.en })}`;
}

export function readLocalizedMessageKey(key: string, locale: string): string | null {
  if (!key.startsWith('~')) return null;
  const message = JSON.parse(key.slice(1)) as { ko: string; en: string };
  return locale === 'en' ? message.en : message.ko;
}

function keyForIssue(issue: z.core.$ZodIssue): string {
  if (issue.message?.startsWith('validation.')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? 'validation.required' : 'validation.invalid';
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'validation.required' : withParams('validation.tooShort', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return withParams('validation.tooFew', { min });
      return withParams('validation.tooSmall', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return withParams('validation.tooLong', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return withParams('validation.tooMany', { max });
      return withParams('validation.tooLarge', { max });
    }
    case 'invalid_format':
      return issue.format === 'email' ? 'validation.email' : 'validation.format';
    case 'invalid_value':
      return 'validation.choose';
    default:
      return 'validation.invalid';
  }
}
