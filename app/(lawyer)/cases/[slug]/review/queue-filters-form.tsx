import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SelectField, TextField } from '@/app/_components/form-field';
import { Button, Card, buttonClass } from '@/app/_components/ui';
import { claimantTypeEnum } from '@/db/schema';
import { ISPS, REGIONS } from '@/lib/cases/reference-data';
import { COMPLETENESS_FILTERS, FLAG_FILTERS, QUEUE_SORTS, type QueueFilters } from '@/lib/reviews/queue-filters';

/** A plain GET form: every filter lives in the URL, works without JavaScript and can be shared. */
export async function QueueFiltersForm({
  base,
  filters,
  lawyers,
}: {
  base: string;
  filters: QueueFilters;
  lawyers: { id: string; name: string }[];
}) {
  const [t, common] = await Promise.all([getTranslations('review.queue'), getTranslations('common')]);
  const any = <option value="">{t('any')}</option>;
  return (
    <Card>
      <form method="get" action={base} className="space-y-4" aria-label={t('filters')}>
        {filters.status !== 'submitted' ? <input type="hidden" name="status" value={filters.status} /> : null}
        <TextField name="q" type="search" label={t('search')} hint={t('searchHint')} defaultValue={filters.q ?? ''} autoComplete="off" />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField name="type" label={t('type')} defaultValue={filters.type ?? ''}>
            {any}
            {claimantTypeEnum.enumValues.map((value) => (
              <option key={value} value={value}>
                {common(`claimantTypes.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="region" label={t('region')} defaultValue={filters.region ?? ''}>
            {any}
            {REGIONS.map((value) => (
              <option key={value} value={value}>
                {common(`regions.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="isp" label={t('isp')} defaultValue={filters.isp ?? ''}>
            {any}
            {ISPS.map((value) => (
              <option key={value} value={value}>
                {common(`isps.${value}`)}
              </option>
            ))}
          </SelectField>
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
