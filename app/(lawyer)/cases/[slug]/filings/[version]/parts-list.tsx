import { getTranslations } from 'next-intl/server';
import { Card, buttonClass } from '@/app/_components/ui';
import { formatMegabytes } from '@/lib/filings/format';
import type { FilingPartRow } from '@/lib/filings/queries';
import type { Locale } from '@/lib/i18n/config';
import type { PreflightCheck } from '@/lib/pdf/types';

const RESULT_TONES = { ok: 'text-emerald-800', warning: 'text-amber-800', error: 'text-rose-800' } as const;

function resultOf(check: PreflightCheck): keyof typeof RESULT_TONES {
  if (check.ok) return 'ok';
  return check.severity === 'warning' ? 'warning' : 'error';
}

/** Each stored part: pages, size against the limit, Bates range, hash, pre-flight checks and its download. */
export async function PartsList({
  slug,
  version,
  parts,
  maxPartBytes,
  locale,
}: {
  slug: string;
  version: number;
  parts: FilingPartRow[];
  maxPartBytes: number;
  locale: Locale;
}) {
  const t = await getTranslations('filings');
  return (
    <ol className="space-y-4">
      {parts.map((part) => {
        const preflight = part.preflight;
        const format = preflight?.format ?? 'kr';
        const size = formatMegabytes(part.byteSize, locale);
        const valueFor = (check: PreflightCheck): string | null => {
          if (check.id === 'page-count') return t('detail.pages', { count: preflight?.pageCount ?? part.pageCount });
          if (check.id === 'file-size') return t('detail.size', { size, limit: formatMegabytes(maxPartBytes, locale) });
          if (check.id === 'page-size') return t(`preflight.pageSize.${format}`);
          if (check.id === 'margins') return t(`preflight.margins.${format}`);
          return null;
        };
        return (
          <li key={part.id}>
            <Card className="space-y-4" aria-labelledby={`part-${part.partNumber}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 id={`part-${part.partNumber}`} className="text-lg font-semibold">
                  {t('detail.part', { part: part.partNumber, parts: parts.length })}
                  {preflight ? (
                    <span className="ml-2 text-sm font-normal text-slate-600">{t(`detail.partGroups.${preflight.group}`)}</span>
                  ) : null}
                </h3>
                <p className={`text-sm font-semibold ${preflight?.ok ? RESULT_TONES.ok : RESULT_TONES.error}`}>
                  {preflight?.ok ? t('detail.preflightPassed') : t('detail.preflightFailed')}
                </p>
              </div>
              <ul className="space-y-1 text-sm text-slate-800">
                <li>
                  {t('detail.pages', { count: part.pageCount })} ·{' '}
                  {t('detail.size', { size, limit: formatMegabytes(maxPartBytes, locale) })}
                </li>
                {part.batesFirst && part.batesLast ? (
                  <li>{t('detail.batesRange', { first: part.batesFirst, last: part.batesLast })}</li>
                ) : null}
                {preflight?.documents.length ? <li>{t('detail.contains', { documents: preflight.documents.join(', ') })}</li> : null}
                <li className="break-all">
                  {t('detail.sha256')}: <code className="font-mono text-xs">{part.sha256}</code>
                </li>
              </ul>
              {preflight ? (
                <table className="w-full text-left text-sm">
                  <tbody className="divide-y divide-slate-100">
                    {preflight.checks.map((check) => {
                      const result = resultOf(check);
                      const value = valueFor(check);
                      return (
                        <tr key={check.id}>
                          <th scope="row" className="py-2 pr-3 font-medium text-slate-800">
                            {t(`preflight.checks.${check.id}`)}
                            {value ? <span className="block text-xs font-normal text-slate-600">{value}</span> : null}
                          </th>
                          <td className={`py-2 pr-3 font-semibold ${RESULT_TONES[result]}`}>{t(`preflight.result.${result}`)}</td>
                          <td className="py-2 text-xs text-slate-600">
                            {result !== 'ok' && check.params && check.id !== 'file-size' && check.id !== 'page-count' ? (
                              <p className="mb-1 text-sm text-slate-800" data-testid={`preflight-${check.id}-detail`}>
                                {t(`preflight.details.${check.id}`, check.params)}
                              </p>
                            ) : null}
                            {result !== 'ok' ? (
                              <details>
                                <summary className="cursor-pointer">{t('preflight.technical')}</summary>
                                <p lang="en" className="mt-1 break-words">
                                  {check.detail}
                                </p>
                              </details>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              ) : null}
              <a href={`/api/cases/${slug}/filings/${version}/parts/${part.partNumber}`} download className={buttonClass('primary')}>
                {t('detail.download', { part: part.partNumber, size })}
              </a>
            </Card>
          </li>
        );
      })}
    </ol>
  );
}
