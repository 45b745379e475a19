import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatWon } from '@/lib/filings/format';
import type { FilingClaimantLine } from '@/lib/filings/queries';
import type { Locale } from '@/lib/i18n/config';

/** A page of the claimants a version holds, from its frozen snapshot. */
export async function ClaimantsTable({
  lines,
  total,
  page,
  pageSize,
  basePath,
  locale,
}: {
  lines: FilingClaimantLine[];
  total: number;
  page: number;
  pageSize: number;
  basePath: string;
  locale: Locale;
}) {
  const t = await getTranslations('filings.detail');
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const columns = ['position', 'reference', 'name', 'locality', 'total', 'evidence', 'statement'] as const;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-xl border border-slate-200">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col" className={`px-3 py-2 font-semibold ${column === 'total' ? 'text-right' : ''}`}>
                  {t(`columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((line) => (
              <tr key={line.claimantId}>
                <td className="px-3 py-2 tabular-nums">{line.position}</td>
                <td className="px-3 py-2 font-mono text-xs">{line.referenceNumber}</td>
                <th scope="row" className="px-3 py-2 font-medium">
                  {line.legalName}
                </th>
                <td className="px-3 py-2">{line.locality}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatWon(line.totalKrw, locale)}</td>
                <td className="px-3 py-2">{t('evidenceCount', { count: line.evidenceCount })}</td>
                <td className="px-3 py-2">{line.hasStatement ? t('hasStatement') : t('noStatement')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t('pagination')} className="flex flex-wrap items-center gap-3 text-sm">
        <span className="text-slate-700">{t('pageRange', { from, to, total })}</span>
        {page > 1 ? (
          <Link
            href={`${basePath}?page=${page - 1}#claimants`}
            className="rounded-lg px-3 py-2 font-medium text-brand-700 underline underline-offset-4"
          >
            {t('previous')}
          </Link>
        ) : null}
        {page < pages ? (
          <Link
            href={`${basePath}?page=${page + 1}#claimants`}
            className="rounded-lg px-3 py-2 font-medium text-brand-700 underline underline-offset-4"
          >
            {t('next')}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
