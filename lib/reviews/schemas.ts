import { z } from 'zod';
import { exhibitFieldsSchema } from '@/lib/evidence/exhibit-fields';
import { MAX_BULK_SELECTION } from './bulk';
import { MAX_NOTE_LENGTH } from './notes';

/** What the review forms send. Ids are only re-checked against the case in the queries. */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/);
const id = z.uuid();
const version = z.coerce.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);

export const decisionSchema = z
  .object({
    slug,
    claimantId: id,
    version,
    decision: z.enum(['verify', 'reject', 'request_info']),
    text: text(4_000).default(''),
  })
  .refine((input) => input.decision === 'verify' || input.text.length > 0, { path: ['text'], message: 'validation.required' });

/** Selected rows arrive as "claimantId:version" checkbox values. */
const bulkItem = z.string().transform((value, context) => {
  const [claimantId, rawVersion] = value.split(':');
  const parsed = z.object({ claimantId: id, version }).safeParse({ claimantId, version: rawVersion });
  if (!parsed.success) {
    context.addIssue({ code: 'custom', message: 'validation.invalid' });
    return z.NEVER;
  }
  return parsed.data;
});

export const bulkSchema = z
  .object({
    slug,
    action: z.enum(['verify', 'request_info', 'assign']),
    items: z.array(bulkItem).min(1).max(MAX_BULK_SELECTION),
    text: text(4_000).default(''),
    lawyerId: z.union([id, z.literal('')]).default(''),
  })
  .refine((input) => input.action !== 'request_info' || input.text.length > 0, { path: ['text'], message: 'validation.required' });

export const noteSchema = z.object({ slug, claimantId: id, body: text(MAX_NOTE_LENGTH).min(1) });

export const assignSchema = z.object({ slug, claimantId: id, lawyerId: z.union([id, z.literal('')]).default('') });

export const flagSchema = z.object({ slug, flagId: id });

export const rejectDuplicateSchema = z.object({ slug, flagId: id, claimantId: id, version, text: text(4_000).min(1) });

export const exhibitFieldsFormSchema = exhibitFieldsSchema.extend({ slug, claimantId: id, evidenceId: id });
