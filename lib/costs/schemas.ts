import { z } from 'zod';
import { parseCalendarDate } from '@/lib/forms/validators';

const choice = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess((value) => (value === '' || value === null || value === undefined ? fallback : value), z.enum(values));
const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const optionalWhole = (min: number, max: number) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), whole(min, max).optional());

/**
 * The worksheet's options as the page's GET form and the PDF link send them. Every field has a
 * default, so a bare link gives the usual worksheet: electronic filing, first instance, the court
 * the value goes to, three 선정당사자 (fewer when there are fewer claimants).
 */
export const costWorksheetQuerySchema = z.object({
  version: optionalWhole(1, 999_999_999),
  representatives: optionalWhole(1, 1_000_000),
  filing: choice(['electronic', 'paper'] as const, 'electronic'),
  instance: choice(['first', 'appeal', 'final'] as const, 'first'),
  court: choice(['auto', 'small', 'single', 'panel'] as const, 'auto'),
  perService: optionalWhole(1, 1_000_000),
  day: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z
      .string()
      .refine((value) => parseCalendarDate(value) !== null, 'validation.date')
      .optional(),
  ),
});

export type CostWorksheetQuery = z.infer<typeof costWorksheetQuerySchema>;

export const DEFAULT_REPRESENTATIVES = 3;

/** The query's fields out of a URL (absent ones stay absent, so the defaults apply). */
export function queryValues(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const values: Record<string, string> = {};
  for (const [key, value] of entries) {
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text === 'string' && key in costWorksheetQuerySchema.shape) values[key] = text;
  }
  return values;
}
