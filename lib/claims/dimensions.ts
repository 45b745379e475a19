import { listRegions } from '@/lib/regions';
import {
  OTHER_OPTION,
  type ClaimDefinition,
  type ClaimLocale,
  type Dimension,
  type DimensionUse,
  type Localized,
} from './definition-schema';
import { formatAnswer } from './statement';
import type { ClaimState } from './types';
import { computeVisibility, findQuestion } from './visibility';

/**
 * Dimensions: the answers the dashboard breaks down by, the review queue filters on, exports and
 * party lists print as columns. These helpers give their headings, their possible values with
 * labels (for a filter's options and a chart's legend) and a claimant's values.
 */

const YES_NO_UNSURE: { value: string; label: Localized }[] = [
  { value: 'yes', label: { ko: '예', en: 'Yes' } },
  { value: 'no', label: { ko: '아니요', en: 'No' } },
  { value: 'unsure', label: { ko: '잘 모름', en: 'Not sure' } },
];
const OTHER_LABEL: Localized = { ko: '기타', en: 'Other' };
const CATEGORY_LABEL: Localized = { ko: '신청인 유형', en: 'Category' };

export function listDimensions(definition: ClaimDefinition, use?: DimensionUse): Dimension[] {
  return use ? definition.dimensions.filter((dimension) => dimension.uses.includes(use)) : definition.dimensions;
}

export function dimensionLabel(definition: ClaimDefinition, dimension: Dimension): Localized {
  if (dimension.label) return dimension.label;
  if (dimension.source.kind === 'category') return CATEGORY_LABEL;
  return findQuestion(definition, dimension.source.question)?.label ?? { ko: dimension.id, en: dimension.id };
}

/** The values a dimension can take, with labels; empty for free-form answers (text, numbers, dates). */
export function dimensionOptions(definition: ClaimDefinition, dimension: Dimension): { value: string; label: Localized }[] {
  if (dimension.source.kind === 'category') return definition.categories.map((category) => ({ value: category.id, label: category.label }));
  const question = findQuestion(definition, dimension.source.question);
  if (!question) return [];
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return [
        ...question.options.map((option) => ({ value: option.id, label: option.label })),
        ...(question.allowOther ? [{ value: OTHER_OPTION, label: OTHER_LABEL }] : []),
      ];
    case 'yes_no_unsure':
      return YES_NO_UNSURE;
    case 'region':
      return listRegions(definition.jurisdiction).map((region) => ({ value: region.code, label: region.name }));
    default:
      return [];
  }
}

/**
 * A claimant's value of each dimension, as stored for indexing: option ids / codes (several for a
 * multiple choice), the answer as text otherwise; none when unanswered or hidden.
 */
export function dimensionValues(definition: ClaimDefinition, state: ClaimState): Record<string, string[]> {
  const { answers } = computeVisibility(definition, state);
  const values: Record<string, string[]> = {};
  for (const dimension of definition.dimensions) {
    if (dimension.source.kind === 'category') {
      values[dimension.id] = state.category ? [state.category] : [];
      continue;
    }
    const value = answers[dimension.source.question];
    values[dimension.id] = value === undefined || value === '' ? [] : Array.isArray(value) ? [...value] : [String(value)];
  }
  return values;
}

/** A dimension's value for a claimant as a column prints it (labels, the "other" text, formatted dates and money). */
export function formatDimension(definition: ClaimDefinition, dimension: Dimension, state: ClaimState, locale: ClaimLocale): string {
  if (dimension.source.kind === 'category')
    return definition.categories.find((category) => category.id === state.category)?.label[locale] ?? '';
  const question = findQuestion(definition, dimension.source.question);
  if (!question) return '';
  const { answers } = computeVisibility(definition, state);
  return formatAnswer(definition, question, answers, locale, 'label') ?? '';
}
