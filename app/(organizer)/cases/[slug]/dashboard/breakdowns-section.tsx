import { useFormatter, useTranslations } from 'next-intl';
import { Card } from '@/app/_components/ui';
import type { BreakdownRow, Breakdowns } from '@/lib/metrics/breakdowns';

type Column = 'supporters' | 'claimants' | 'verified';

const TABLES: { id: keyof Breakdowns; columns: Column[]; labelGroup: 'regions' | 'isps' | 'claimantTypes' | null }[] = [
  { id: 'region', columns: ['supporters', 'claimants', 'verified'], labelGroup: 'regions' },
  { id: 'source', columns: ['supporters', 'claimants'], labelGroup: null },
  { id: 'isp', columns: ['claimants', 'verified'], labelGroup: 'isps' },
  { id: 'type', columns: ['claimants', 'verified'], labelGroup: 'claimantTypes' },
];

/** Region (the 17 시도), source, ISP and claimant type as tables: readable on a phone and by screen readers. */
export function BreakdownsSection({ breakdowns }: { breakdowns: Breakdowns }) {
  const t = useTranslations('organizer.dashboard.breakdowns');
  return (
    <section aria-labelledby="breakdowns-title" className="space-y-3">
      <h2 id="breakdowns-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        {TABLES.map((table) => (
          <BreakdownTable key={table.id} id={table.id} rows={breakdowns[table.id]} columns={table.columns} labelGroup={table.labelGroup} />
        ))}
      </div>
    </section>
  );
}

function BreakdownTable({
  id,
  rows,
  columns,
  labelGroup,
}: {
  id: keyof Breakdowns;
  rows: BreakdownRow[];
  columns: Column[];
  labelGroup: string | null;
}) {
  const t = useTranslations('organizer.dashboard.breakdowns');
  const common = useTranslations('common');
  const format = useFormatter();
  const main = columns[0];
  const largest = Math.max(1, ...rows.map((row) => row[main]));
  const label = (value: string) => {
    if (value === '') return id === 'source' ? t('direct') : t('notGiven');
    if (!labelGroup) return value;
    return common.has(`${labelGroup}.${value}` as never) ? common(`${labelGroup}.${value}` as never) : value;
  };
  return (
    <Card className="!p-4 sm:!p-5" data-testid={`breakdown-${id}`}>
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-base font-semibold text-ink">{t(id)}</caption>
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
                <span className="block break-all">{label(row.value)}</span>
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
