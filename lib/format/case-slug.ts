/** The shape the database allows for a slug (cases_slug_format); anything else names no case. */
export const CASE_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

export function isCaseSlug(value: string): boolean {
  return CASE_SLUG_PATTERN.test(value);
}
