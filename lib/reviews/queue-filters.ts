import { z } from 'zod';
import { claimantStatusEnum, duplicateReasonEnum } from '@/db/schema';
import { DEFICIENCY_FILTERS } from '@/lib/deficiencies/queue-filter';

/**
 * What the review queue can be asked for. Everything arrives as URL search parameters (the page
 * is a plain GET form, the JSON route takes the same names), so unknown or broken values fall back
 * to "no filter" instead of failing: a hand-edited link still shows a queue.
 */
export const QUEUE_SORTS = ['activity_asc', 'activity_desc', 'reference', 'name', 'amount_desc'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const COMPLETENESS_FILTERS = ['complete', 'incomplete', 'missing_statement', 'missing_consent', 'missing_evidence'] as const;
export type CompletenessFilter = (typeof COMPLETENESS_FILTERS)[number];

export const FLAG_FILTERS = ['flagged', 'unflagged', ...duplicateReasonEnum.enumValues] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

/** `all` lists every status; the default is the work still to do. */
export const STATUS_FILTERS = ['all', ...claimantStatusEnum.enumValues] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const DEFAULT_STATUS: StatusFilter = 'submitted';
export const DEFAULT_SORT: QueueSort = 'activity_asc';
export const PAGE_SIZE = 50;

/** No text anyone types holds a NUL, and PostgreSQL refuses to compare one: such a value is no filter. */
function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

/**
 * A category, region or dimension value as the URL gives it. Which values exist is the case's
 * claim definition's to say (`restrictQueueFilters`); here only the shape: an id, never a NUL.
 */
const optionalCode = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/)
  .optional()
  .catch(undefined);

/** Dimension filters travel as `d.<dimension id>=<value>`, one value per dimension. */
export const DIMENSION_PARAM_PREFIX = 'd.';
const MAX_DIMENSION_FILTERS = 12;
const DIMENSION_ID = /^[a-z][a-z0-9_]{0,63}$/;

export const queueFiltersSchema = z.object({
  status: z.enum(STATUS_FILTERS).catch(DEFAULT_STATUS).default(DEFAULT_STATUS),
  /** A claimant category of the case's definition. */
  category: optionalCode,
  region: optionalCode,
  /** Dimension id → value, for the definition's question dimensions that filter. */
  dimensions: z.record(z.string(), z.string()).catch({}).default({}),
  completeness: optionalEnum(COMPLETENESS_FILTERS),
  flags: optionalEnum(FLAG_FILTERS),
  /** Past a deficiency notice's cure deadline (lib/deficiencies). */
  deficiency: optionalEnum(DEFICIENCY_FILTERS),
  /** `me`, `none` or a lawyer's user id. */
  assignee: z
    .union([z.enum(['me', 'none']), z.uuid()])
    .optional()
    .catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .refine(hasNoNul)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  sort: z.enum(QUEUE_SORTS).catch(DEFAULT_SORT).default(DEFAULT_SORT),
  cursor: z.string().max(400).refine(hasNoNul).optional().catch(undefined),
  dir: z.enum(['next', 'prev']).catch('next').default('next'),
});

export type QueueFilters = z.infer<typeof queueFiltersSchema>;

/** Reads the filters from URL search parameters (a page's `searchParams` or a request URL). */
export function parseQueueFilters(input: URLSearchParams | Record<string, string | string[] | undefined>): QueueFilters {
  const entries =
    input instanceof URLSearchParams
      ? [...input.entries()]
      : Object.entries(input).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]);
  const present = entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  const plain: Record<string, unknown> = Object.fromEntries(present.filter(([key]) => !key.startsWith(DIMENSION_PARAM_PREFIX)));
  const dimensions = present
    .filter(([key]) => key.startsWith(DIMENSION_PARAM_PREFIX))
    .map(([key, value]) => [key.slice(DIMENSION_PARAM_PREFIX.length), value] as const)
    .filter(([id, value]) => DIMENSION_ID.test(id) && optionalCode.safeParse(value).data !== undefined)
    .slice(0, MAX_DIMENSION_FILTERS);
  plain.dimensions = Object.fromEntries(dimensions);
  return queueFiltersSchema.parse(plain);
}

/** The same filters as URL parameters, leaving out defaults, for links that keep the view. */
export function queueFiltersToParams(
  filters: Partial<QueueFilters>,
  overrides: Partial<Record<Exclude<keyof QueueFilters, 'dimensions'>, string | undefined>> = {},
): URLSearchParams {
  const { dimensions = {}, ...plain } = filters;
  const merged: Record<string, string | undefined> = { ...(plain as Record<string, string | undefined>), ...overrides };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '') continue;
    if (key === 'status' && value === DEFAULT_STATUS) continue;
    if (key === 'sort' && value === DEFAULT_SORT) continue;
    if (key === 'dir' && value === 'next') continue;
    params.set(key, value);
  }
  for (const [id, value] of Object.entries(dimensions)) params.set(`${DIMENSION_PARAM_PREFIX}${id}`, value);
  return params;
}

/** A position in the list: the sort key values of a row and its id, opaque to the browser. */
export type CursorKey = (string | number | boolean)[];

export function encodeCursor(sort: QueueSort, key: CursorKey): string {
  return Buffer.from(JSON.stringify([sort, ...key]), 'utf8').toString('base64url');
}

const cursorSchema = z
  .array(z.union([z.string().max(200).refine(hasNoNul), z.number(), z.boolean()]))
  .min(2)
  .max(4);

/** The key of a cursor made for this sort, or null for anything else (stale or hand-made). */
export function decodeCursor(sort: QueueSort, cursor: string | undefined): CursorKey | null {
  if (!cursor) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data[0] !== sort) return null;
    return parsed.data.slice(1);
  } catch {
    return null;
  }
}
