import type { z } from 'zod';
import { parseInput } from '@/lib/forms/action';
import { refuseRrn } from './validators';

/**
 * Parses what a person typed, refusing first — with its own clear message — anything that looks
 * like a resident registration number, whichever field it was typed into.
 */
export function parseTypedInput<S extends z.ZodType>(schema: S, values: Record<string, unknown>): z.infer<S> {
  refuseRrn(values);
  return parseInput(schema, values);
}
