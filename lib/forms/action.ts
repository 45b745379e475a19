import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AppError, toAppError } from '@/lib/errors';
import { fieldErrorKeys, readLocalizedMessageKey, splitMessageKey } from './zod-errors';

/**
 * What every server action returns. On failure the messages are already translated and the
 * submitted values come back so the form shows exactly what the person typed.
 */
export type ActionResult<T = void> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> };

export type ActionState<T = void> = ActionResult<T> | null;

/** Plain text values of a form (files and passwords are never echoed back). */
export function formValues(
  formData: FormData,
  omit: readonly string[] = ['password', 'passwordConfirm', 'currentPassword'],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !omit.includes(key) && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

/** Fields holding a NUL character: no text people type has one, and PostgreSQL refuses to store it. */
function fieldsWithNul(input: unknown): string[] {
  if (!input || typeof input !== 'object') return [];
  return Object.entries(input as Record<string, unknown>)
    .filter(([, value]) => typeof value === 'string' && value.includes('\u0000'))
    .map(([field]) => field);
}

/** Parses with zod or throws an `invalid_input` AppError carrying per-field keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const withNul = fieldsWithNul(input);
  if (withNul.length)
    throw new AppError('invalid_input', { fieldErrors: Object.fromEntries(withNul.map((field) => [field, 'validation.invalid'])) });
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', { fieldErrors: fieldErrorKeys(parsed.error) });
  return parsed.data;
}

/**
 * Runs an action body: any error becomes a translated failure result (never a stack trace);
 * Next.js redirects and notFound pass through untouched.
 */
export async function runAction<T>(
  values: Record<string, string>,
  body: () => Promise<T>,
  successMessageKey?: string,
): Promise<ActionResult<T>> {
  const t = await getTranslations();
  const translate = t as unknown as (key: string, params?: Record<string, string | number>) => string;
  try {
    const data = await body();
    return { ok: true, data, message: successMessageKey ? translate(successMessageKey) : undefined };
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    const appError = toAppError(error, 'server action');
    const locale = await getLocale();
    const translateKey = (key: string) => {
      const localized = readLocalizedMessageKey(key, locale);
      if (localized !== null) return localized;
      const { path, params } = splitMessageKey(key);
      return translate(path, params);
    };
    const fieldErrors: Record<string, string> = {};
    for (const [field, key] of Object.entries(appError.fieldErrors ?? {})) fieldErrors[field] = translateKey(key);
    const message = translateKey(appError.messageKey ?? `errors.${appError.code}`);
    return { ok: false, message, fieldErrors, values };
  }
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return (
    typeof digest === 'string' &&
    (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND')
  );
}
