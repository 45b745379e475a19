import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { fieldErrorKeys } from '@/lib/forms/zod-errors';
import { PART_LIMIT_MB } from './options';

/** Claimant reference numbers as the intake assigns them: SLM-000123. */
const REFERENCE_PATTERN = /^[A-Z]{2,6}-\d{1,9}$/;
const MAX_LISTED = 10;

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('')])
  .optional()
  .transform((value) => value === 'on' || value === 'true');

const optionalText = (max: number) => z.string().trim().max(max).optional().default('');

/** "SLM-1, SLM-2 …" for messages: a handful, then how many more. */
export function listReferences(references: readonly string[]): string {
  const shown = references.slice(0, MAX_LISTED).join(', ');
  return references.length > MAX_LISTED ? `${shown} … (+${references.length - MAX_LISTED})` : shown;
}

/** Splits pasted text (lines, commas, spaces, tabs from a spreadsheet) into distinct reference numbers. */
export function splitReferences(text: string): string[] {
  const seen = new Set<string>();
  for (const token of text.toUpperCase().split(/[\s,;]+/)) if (token) seen.add(token);
  return [...seen];
}

/**
 * The packet builder's form. Field names are flat (one checkbox per document) so the values
 * come back to the form unchanged when something is wrong.
 */
export const filingRequestSchema = z
  .object({
    docComplaint: checkbox,
    docPartyList: checkbox,
    docAppointment: checkbox,
    docDeclarations: checkbox,
    docExhibits: checkbox,
    powerOfAttorney: z.enum(['none', 'per_claimant', 'combined']).default('none'),
    claimantSource: z.enum(['all_verified', 'selection', 'references']),
    selectionId: optionalText(64),
    references: optionalText(2_000_000),
    selectionName: optionalText(100),
    representativeReference: z
      .string()
      .trim()
      .toUpperCase()
      .max(20)
      .optional()
      .default('')
      .refine((value) => value === '' || REFERENCE_PATTERN.test(value), 'filings.validation.referenceFormat'),
    format: z.enum(['kr', 'us']),
    language: z.enum(['ko', 'en']),
    batesPrefix: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, 'filings.validation.batesPrefix'),
    batesStart: z.coerce.number().int().min(1).max(99_999_999),
    maxPartMb: z.coerce.number().int().min(PART_LIMIT_MB.min).max(PART_LIMIT_MB.max),
  })
  .superRefine((input, context) => {
    const hasDocument =
      input.docComplaint ||
      input.docPartyList ||
      input.docAppointment ||
      input.docDeclarations ||
      input.docExhibits ||
      input.powerOfAttorney !== 'none';
    if (!hasDocument) context.addIssue({ code: 'custom', path: ['documents'], message: 'filings.validation.noDocuments' });
    if (input.claimantSource === 'selection' && !z.uuid().safeParse(input.selectionId).success) {
      context.addIssue({ code: 'custom', path: ['selectionId'], message: 'validation.choose' });
    }
    if (input.claimantSource === 'references') {
      const references = splitReferences(input.references);
      const malformed = references.filter((reference) => !REFERENCE_PATTERN.test(reference));
      if (references.length === 0) context.addIssue({ code: 'custom', path: ['references'], message: 'validation.required' });
      else if (malformed.length)
        context.addIssue({
          code: 'custom',
          path: ['references'],
          message: `filings.validation.referencesMalformed|${JSON.stringify({ refs: listReferences(malformed) })}`,
        });
      if (!input.selectionName) context.addIssue({ code: 'custom', path: ['selectionName'], message: 'validation.required' });
    }
  });

export type FilingRequestInput = z.infer<typeof filingRequestSchema>;

/**
 * Like lib/forms' parseInput, but our own refinements name keys in the `filings` catalog (with
 * parameters after `|`), which the shared mapper would reduce to "invalid".
 */
export function parseFilingRequest(values: Record<string, unknown>): FilingRequestInput {
  return parseWithFilingKeys(filingRequestSchema, values);
}

export function parseWithFilingKeys<S extends z.ZodType>(schema: S, values: unknown): z.infer<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const fieldErrors = fieldErrorKeys(parsed.error);
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (seen.has(field)) continue;
    seen.add(field);
    if (issue.message.startsWith('filings.')) fieldErrors[field] = issue.message;
  }
  throw new AppError('invalid_input', { fieldErrors });
}
