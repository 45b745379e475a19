import type { Database } from '@/db/client';
import type { Case } from '@/db/schema';
import { type ClaimDefinition, type ClaimLocale, dimensionLabel, dimensionOptions, findQuestion, listDimensions } from '@/lib/claims';
import { loadPublishedDefinition } from '@/lib/claims/store';
import { listRegions } from '@/lib/regions';
import type { QueueFilters } from './queue-filters';

/**
 * What the review queue can filter on comes from the case's claim definition: its categories,
 * the regions of its jurisdiction, and each question dimension it marks for `filter` that has a
 * list of values (choices, yes/no/unsure, regions). Free-form answers are no filter here.
 */
export type FilterOption = { value: string; label: string };
export type QueueFilterChoices = {
  categories: FilterOption[];
  regions: FilterOption[];
  /** `isCounted`: the rollups count this dimension by one value per claimant (a dashboard dimension, not a multiple choice). */
  dimensions: { id: string; label: string; options: FilterOption[]; isCounted: boolean }[];
};

/** Rollup dimension names of the claimant's own columns; a definition dimension of that id is not counted under it. */
const COLUMN_DIMENSIONS = new Set(['', 'region', 'category', 'type', 'source']);

/** The case's published definition the queue reads, or null while the case has none. */
export async function loadQueueDefinition(
  db: Database,
  caseRow: Pick<Case, 'id' | 'claimDefinitionVersion'>,
): Promise<ClaimDefinition | null> {
  if (!caseRow.claimDefinitionVersion) return null;
  return (await loadPublishedDefinition(db, caseRow.id, caseRow.claimDefinitionVersion))?.definition ?? null;
}

export function queueFilterChoices(definition: ClaimDefinition | null, locale: ClaimLocale): QueueFilterChoices {
  const regions = listRegions(definition?.jurisdiction ?? 'KR').map((region) => ({ value: region.code, label: region.name[locale] }));
  if (!definition) return { categories: [], regions, dimensions: [] };
  return {
    categories: definition.categories.map((category) => ({ value: category.id, label: category.label[locale] })),
    regions,
    dimensions: listDimensions(definition, 'filter')
      .flatMap((dimension) => (dimension.source.kind === 'question' ? [{ dimension, question: dimension.source.question }] : []))
      .map(({ dimension, question }) => ({
        id: dimension.id,
        label: dimensionLabel(definition, dimension)[locale],
        options: dimensionOptions(definition, dimension).map((option) => ({ value: option.value, label: option.label[locale] })),
        isCounted:
          dimension.uses.includes('dashboard') &&
          findQuestion(definition, question)?.type !== 'multiple_choice' &&
          !COLUMN_DIMENSIONS.has(dimension.id),
      }))
      .filter((dimension) => dimension.options.length > 0),
  };
}

/**
 * Keeps only the filters the definition knows, with values it lists: a hand-edited link, or one
 * from before the definition changed, still shows a queue (unknown parts are no filter).
 */
export function restrictQueueFilters(filters: QueueFilters, choices: QueueFilterChoices): QueueFilters {
  const has = (options: FilterOption[], value: string | undefined) =>
    value !== undefined && options.some((option) => option.value === value);
  const dimensions: Record<string, string> = {};
  for (const dimension of choices.dimensions) {
    const value = filters.dimensions[dimension.id];
    if (has(dimension.options, value)) dimensions[dimension.id] = value!;
  }
  return {
    ...filters,
    category: has(choices.categories, filters.category) ? filters.category : undefined,
    region: has(choices.regions, filters.region) ? filters.region : undefined,
    dimensions,
  };
}

/**
 * With exactly one of region, category or a dimension filtered, the status counts can follow it
 * (the rollups count per dimension: the category under `category`, question dimensions under their id).
 */
export function singleCountedDimension(filters: QueueFilters, choices: QueueFilterChoices): { name: string; value: string } | undefined {
  const set = [
    ...(filters.region ? [{ name: 'region', value: filters.region, isCounted: true }] : []),
    ...(filters.category ? [{ name: 'category', value: filters.category, isCounted: true }] : []),
    ...Object.entries(filters.dimensions).map(([name, value]) => ({
      name,
      value,
      isCounted: choices.dimensions.some((dimension) => dimension.id === name && dimension.isCounted),
    })),
  ];
  return set.length === 1 && set[0].isCounted ? { name: set[0].name, value: set[0].value } : undefined;
}
