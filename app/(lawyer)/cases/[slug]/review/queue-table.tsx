import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, StatusBadge } from '@/app/_components/ui';
import type { QueueRow } from '@/lib/reviews/queue';
import type { QueueFilterChoices } from '@/lib/reviews/queue-definition';
import { SelectAllCheckbox } from './select-all';
import { CheckIcon } from '@/app/_components/status-icons';

// Cell styles live on the table (one class list per page, not per cell): padding, and which
// columns a phone hides — 3 category, 4 region, 6 completeness, 9 last activity.
const TABLE = [
  'w-full text-left text-sm [&_td]:px-3 [&_td]:py-2.5 [&_td]:align-top [&_th]:px-3 [&_th]:py-2.5',
  '[&_tr>:nth-child(3)]:hidden md:[&_tr>:nth-child(3)]:table-cell [&_tr>:nth-child(4)]:hidden lg:[&_tr>:nth-child(4)]:table-cell',
  '[&_tr>:nth-child(6)]:hidden sm:[&_tr>:nth-child(6)]:table-cell [&_tr>:nth-child(9)]:hidden md:[&_tr>:nth-child(9)]:table-cell',
  '[&_tr>:nth-child(5)]:whitespace-nowrap [&_tr>:nth-child(7)]:whitespace-nowrap [&_tr>:nth-child(7)]:text-right [&_tr>:nth-child(9)]:whitespace-nowrap',
].join(' ');

/** One page of claims. Checkboxes belong to the bulk form by its id, so the table stays server-rendered. */
export async function QueueTable({
  slug,
  rows,
  lawyers,
  choices,
  deficientIds = new Set(),
}: {
  slug: string;
  rows: QueueRow[];
  lawyers: { id: string; name: string }[];
  choices: QueueFilterChoices;
  /** Claimants past a deficiency notice's cure deadline (lib/deficiencies): badged, out of the next round. */
  deficientIds?: ReadonlySet<string>;
}) {
  const [t, common, duplicates, format, deficiency] = await Promise.all([
    getTranslations('review.queue'),
    getTranslations('common'),
    getTranslations('review.duplicates'),
    getFormatter(),
    getTranslations('rounds.deficiency'),
  ]);
  if (rows.length === 0) return <Card>{t('empty')}</Card>;
  const lawyerName = new Map(lawyers.map((lawyer) => [lawyer.id, lawyer.name]));
  // Labels from the case's definition (categories) and its jurisdiction (regions); an unknown code shows as stored.
  const categoryName = new Map(choices.categories.map((option) => [option.value, option.label]));
  const regionName = new Map(choices.regions.map((option) => [option.value, option.label]));
  // Fifty rows repeat a handful of labels: translate each once per page, not once per cell.
  const label = remember((key: string) => common(key as Parameters<typeof common>[0]));
  const reasonLabel = remember((reason: string) => duplicates(`reasons.${reason}` as Parameters<typeof duplicates>[0]));
  const marks = { statement: t('statementShort'), consent: t('consentShort'), signed: t('signed'), unsigned: t('unsigned') };
  return (
    <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
      <table className={TABLE}>
        <caption className="sr-only">{t('table')}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col">
              <SelectAllCheckbox label={t('selectPage')} />
            </th>
            <th scope="col">
              {t('reference')} / {t('name')}
            </th>
            <th scope="col">{t('category')}</th>
            <th scope="col">{t('region')}</th>
            <th scope="col">{t('statusColumn')}</th>
            <th scope="col">{t('completenessColumn')}</th>
            <th scope="col">{t('claimed')}</th>
            <th scope="col">{t('flagsColumn')}</th>
            <th scope="col">{t('lastActivity')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const name = row.legalName ?? t('noName');
            return (
              <tr key={row.id} className="hover:bg-slate-50">
                <td>
                  <input
                    type="checkbox"
                    name="items"
                    value={`${row.id}:${row.version}`}
                    form="bulk-form"
                    aria-label={t('selectClaim', { name })}
                    className="h-5 w-5 accent-brand-600"
                  />
                </td>
                <td>
                  <Link
                    href={`/cases/${slug}/review/${row.id}`}
                    className="font-semibold text-brand-700 underline-offset-2 hover:underline"
                  >
                    {name}
                  </Link>
                  <div className="whitespace-nowrap font-mono text-xs text-slate-600">{row.referenceNumber ?? t('noReference')}</div>
                  {row.assignedLawyerId ? (
                    <div className="text-xs text-slate-600">{t('assignedTo', { name: lawyerName.get(row.assignedLawyerId) ?? '?' })}</div>
                  ) : null}
                </td>
                <td>{row.category ? (categoryName.get(row.category) ?? row.category) : '—'}</td>
                <td>{row.region ? (regionName.get(row.region) ?? row.region) : label('regions.unknown')}</td>
                <td>
                  <StatusBadge status={row.status} label={label(`statuses.${row.status}`)} />
                  {deficientIds.has(row.id) ? <StatusBadge status="rejected" label={deficiency('badge')} /> : null}
                </td>
                <td>
                  <ul className="space-y-0.5 text-xs">
                    <Mark
                      isDone={row.hasSignedStatement}
                      label={marks.statement}
                      state={row.hasSignedStatement ? marks.signed : marks.unsigned}
                    />
                    <Mark
                      isDone={row.hasSignedConsent}
                      label={marks.consent}
                      state={row.hasSignedConsent ? marks.signed : marks.unsigned}
                    />
                    <Mark isDone={row.evidenceCount > 0} label={t('evidenceCount', { count: row.evidenceCount })} />
                  </ul>
                </td>
                <td>{common('won', { amount: row.claimedTotalKrw })}</td>
                <td>
                  <ul className="flex flex-wrap gap-1">
                    {row.flagReasons.map((reason) => (
                      <li
                        key={reason}
                        className="whitespace-nowrap rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
                      >
                        {reasonLabel(reason)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{format.dateTime(row.lastActivityAt, { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Mark({ isDone, label, state }: { isDone: boolean; label: string; state?: string }) {
  return (
    <li className={`whitespace-nowrap ${isDone ? 'text-emerald-800' : 'text-rose-800'}`}>
      <CheckIcon isDone={isDone} /> {label}
      {state ? <span className="sr-only"> ({state})</span> : null}
    </li>
  );
}

function remember(translate: (key: string) => string): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = translate(key)));
    return value;
  };
}
