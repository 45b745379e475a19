import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Card } from '@/app/_components/ui';
import type { BreakdownRow, Breakdowns } from '@/lib/metrics/breakdowns';

type Column = 'supporters' | 'claimants' | 'verified';

type Table = { id: string; caption: string; note?: string; rows: BreakdownRow[]; columns: Column[] };

/**
 * Region and source, then the claimant category and each dashboard dimension of the case's claim
 * definition (headings and value labels come with the numbers), as tables: readable on a phone and
 * by screen readers.
 */
export function BreakdownsSection({ breakdowns }: { breakdowns: Breakdowns }) {
  const t = useTranslations('organizer.dashboard.breakdowns');
  const locale = useLocale() === 'en' ? 'en' : 'ko';
  const tables: Table[] = [
    { id: 'region', caption: t('region'), rows: breakdowns.region, columns: ['supporters', 'claimants', 'verified'] },
    { id: 'source', caption: t('source'), rows: breakdowns.source, columns: ['supporters', 'claimants'] },
    ...breakdowns.dimensions.map((dimension): Table => ({
      id: dimension.id,
      caption: dimension.label[locale],
      note: dimension.isMultiple ? t('multiple') : undefined,
      rows: dimension.rows,
      columns: ['claimants', 'verified'],
    })),
  ];
  return (
    <section aria-labelledby="breakdowns-title" className="space-y-3">
      <h2 id="breakdowns-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        {tables.map((table) => (
          <BreakdownTable key={table.id} table={table} locale={locale} />
        ))}
      </div>
    </section>
  );
}

function BreakdownTable({ table, locale }: { table: Table; locale: 'ko' | 'en' }) {
  const { id, rows, columns } = table;
  const t = useTranslations('organizer.dashboard.breakdowns');
  const format = useFormatter();
  const label = (row: BreakdownRow) => {
    if (row.value === '') return id === 'source' ? t('direct') : t('notGiven');
    return row.label?.[locale] ?? row.value;
  };
  const main = columns[0];
  const largest = Math.max(1, ...rows.map((row) => row[main]));
  return (
    <Card className="!p-4 sm:!p-5" data-testid={`breakdown-${id}`}>
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-base font-semibold text-ink">
          {table.caption}
          {table.note ? <span className="mt-0.5 block text-xs font-normal text-slate-600">{table.note}</span> : null}
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs text-slate-600">
            <th scope="col" className="py-1.5 pr-2 text-left font-medium">
              {t('value')}
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className="py-1.5 pl-2 text-right font-medium">
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.value} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                <span className="block break-all">{label(row)}</span>
                <span
                  aria-hidden
                  className="mt-1 block h-1.5 rounded-full bg-brand-200"
                  style={{ width: `${Math.max(0, (row[main] / largest) * 100)}%` }}
                />
              </th>
              {columns.map((column) => (
                <td key={column} className={`py-1.5 pl-2 text-right tabular-nums ${column === main ? 'font-semibold' : 'text-slate-700'}`}>
                  {format.number(row[column])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
