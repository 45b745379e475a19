import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SelectField, TextField } from '@/app/_components/form-field';
import { Button, Card, buttonClass } from '@/app/_components/ui';
import { DEFICIENCY_FILTERS } from '@/lib/deficiencies/queue-filter';
import type { FilterOption, QueueFilterChoices } from '@/lib/reviews/queue-definition';
import { COMPLETENESS_FILTERS, DIMENSION_PARAM_PREFIX, FLAG_FILTERS, QUEUE_SORTS, type QueueFilters } from '@/lib/reviews/queue-filters';

/**
 * A plain GET form: every filter lives in the URL, works without JavaScript and can be shared.
 * Category, region and dimension options are the case's claim definition's, in the reader's language.
 */
export async function QueueFiltersForm({
  base,
  filters,
  choices,
  lawyers,
}: {
  base: string;
  filters: QueueFilters;
  choices: QueueFilterChoices;
  lawyers: { id: string; name: string }[];
}) {
  const [t, deficiency] = await Promise.all([getTranslations('review.queue'), getTranslations('rounds.deficiency')]);
  const any = <option value="">{t('any')}</option>;
  const options = (items: FilterOption[]) =>
    items.map((item) => (
      <option key={item.value} value={item.value}>
        {item.label}
      </option>
    ));
  return (
    <Card>
      <form method="get" action={base} className="space-y-4" aria-label={t('filters')}>
        {filters.status !== 'submitted' ? <input type="hidden" name="status" value={filters.status} /> : null}
        <TextField name="q" type="search" label={t('search')} hint={t('searchHint')} defaultValue={filters.q ?? ''} autoComplete="off" />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {choices.categories.length > 0 ? (
            <SelectField name="category" label={t('category')} defaultValue={filters.category ?? ''}>
              {any}
              {options(choices.categories)}
            </SelectField>
          ) : null}
          <SelectField name="region" label={t('region')} defaultValue={filters.region ?? ''}>
            {any}
            {options(choices.regions)}
          </SelectField>
          {choices.dimensions.map((dimension) => (
            <SelectField
              key={dimension.id}
              name={`${DIMENSION_PARAM_PREFIX}${dimension.id}`}
              label={dimension.label}
              defaultValue={filters.dimensions[dimension.id] ?? ''}
            >
              {any}
              {options(dimension.options)}
            </SelectField>
          ))}
          <SelectField name="completeness" label={t('completeness')} defaultValue={filters.completeness ?? ''}>
            {any}
            {COMPLETENESS_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`completenessOptions.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="flags" label={t('flags')} defaultValue={filters.flags ?? ''}>
            {any}
            {FLAG_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`flagOptions.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="deficiency" label={deficiency('filterLabel')} defaultValue={filters.deficiency ?? ''}>
            {any}
            {DEFICIENCY_FILTERS.map((value) => (
              <option key={value} value={value}>
                {deficiency(`filterOptions.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="assignee" label={t('assignee')} defaultValue={filters.assignee ?? ''}>
            {any}
            <option value="me">{t('assigneeOptions.me')}</option>
            <option value="none">{t('assigneeOptions.none')}</option>
            {lawyers.map((lawyer) => (
              <option key={lawyer.id} value={lawyer.id}>
                {lawyer.name}
              </option>
            ))}
          </SelectField>
          <SelectField name="sort" label={t('sort')} defaultValue={filters.sort}>
            {QUEUE_SORTS.map((value) => (
              <option key={value} value={value}>
                {t(`sortOptions.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit">{t('apply')}</Button>
          <Link href={filters.status === 'submitted' ? base : `${base}?status=${filters.status}`} className={buttonClass('ghost')}>
            {t('reset')}
          </Link>
        </div>
      </form>
    </Card>
  );
}
