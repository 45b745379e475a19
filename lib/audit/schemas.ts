import { z } from 'zod';
import { AUDIT_ACTIONS } from './record';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The audit page's query string; anything malformed is refused rather than guessed at. */
export const auditFiltersSchema = z.object({
  case: optional(z.string().max(64)),
  action: optional(z.enum(AUDIT_ACTIONS)),
  actor: optional(z.uuid()),
  before: optional(z.coerce.number().int().positive()),
});

export type AuditPageFilters = z.infer<typeof auditFiltersSchema>;

export function auditSearchParams(filters: AuditPageFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}
