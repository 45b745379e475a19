'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { SelectField } from '@/app/_components/form-field';
import { Card } from '@/app/_components/ui';
import type { GrowthSeries } from '@/lib/metrics/growth';
import { GROWTH_INTERVALS, GROWTH_RANGES, type GrowthInterval, type GrowthRange } from '@/lib/metrics/growth-options';
import { GrowthChart } from './growth-chart';

/**
 * Growth over a chosen range, supporters and claimants apart. Reloads when the range changes or
 * the totals move (the dashboard passes `totalsKey`), not on every poll.
 */
export function GrowthSection({ slug, initial, totalsKey }: { slug: string; initial: GrowthSeries; totalsKey: string }) {
  const t = useTranslations('organizer.dashboard.growth');
  const [range, setRange] = useState<GrowthRange>(initial.range);
  const [interval, setIntervalChoice] = useState<GrowthInterval>(initial.interval);
  const [series, setSeries] = useState(initial);
  const [hasError, setHasError] = useState(false);
  const [isLoading, setIsLoading] = useState(false);
  const isFirst = useRef(true);

  useEffect(() => {
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    const controller = new AbortController();
    setIsLoading(true);
    fetch(`/api/cases/${slug}/metrics/growth?range=${range}&interval=${interval}`, { cache: 'no-store', signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        setSeries((await response.json()) as GrowthSeries);
        setHasError(false);
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setHasError(true);
      })
      .finally(() => {
        if (!controller.signal.aborted) setIsLoading(false);
      });
    return () => controller.abort();
  }, [slug, range, interval, totalsKey]);

  return (
    <Card aria-labelledby="growth-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="growth-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <div className="grid w-full grid-cols-2 gap-3 sm:w-auto">
          <SelectField
            name="range"
            id="growth-range"
            label={t('range')}
            value={range}
            onChange={(event) => setRange(event.target.value as GrowthRange)}
          >
            {GROWTH_RANGES.map((value) => (
              <option key={value} value={value}>
                {t(`ranges.${value}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            name="interval"
            id="growth-interval"
            label={t('interval')}
            value={interval}
            onChange={(event) => setIntervalChoice(event.target.value as GrowthInterval)}
          >
            {GROWTH_INTERVALS.map((value) => (
              <option key={value} value={value}>
                {t(`intervals.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <p role="status" className="min-h-5 text-sm text-slate-600">
        {isLoading
          ? t('loading')
          : hasError
            ? t('error')
            : series.interval !== interval
              ? t('coarsened', { interval: t(`intervals.${series.interval}`) })
              : ''}
      </p>
      <div className="grid gap-6 xl:grid-cols-2">
        <GrowthFigure series={series} kind="supporters" rangeLabel={t(`ranges.${series.range}`)} />
        <GrowthFigure series={series} kind="claimants" rangeLabel={t(`ranges.${series.range}`)} />
      </div>
    </Card>
  );
}

/** One chart with its text alternative: a one-sentence summary and the numbers as a table. */
function GrowthFigure({ series, kind, rangeLabel }: { series: GrowthSeries; kind: 'supporters' | 'claimants'; rangeLabel: string }) {
  const t = useTranslations('organizer.dashboard.growth');
  const format = useFormatter();
  const total = series.points.at(-1)?.[`${kind}Total`] ?? 0;
  const summary = t('summary', { range: rangeLabel, change: series.change[kind], total });
  const periodLabel = (start: string) =>
    format.dateTime(
      new Date(start),
      series.interval === 'hour'
        ? { month: 'numeric', day: 'numeric', hour: 'numeric', hourCycle: 'h23' }
        : { year: 'numeric', month: 'numeric', day: 'numeric' },
    );
  return (
    <figure className="space-y-2" data-testid={`growth-${kind}`}>
      <figcaption>
        <span className="block font-semibold">{t(kind)}</span>
        <span className="block text-sm text-slate-600" data-testid={`growth-${kind}-summary`}>
          {summary}
        </span>
      </figcaption>
      <GrowthChart series={series} kind={kind} />
      <details className="text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t('showTable')}</summary>
        {/* Focusable so keyboard users can scroll it (WCAG 2.1.1). */}
        <div className="max-h-72 overflow-auto" tabIndex={0} role="region" aria-label={`${t(kind)} — ${t('showTable')}`}>
          <table className="w-full">
            <caption className="sr-only">{`${t(kind)} — ${summary}`}</caption>
            <thead className="sticky top-0 bg-white">
              <tr className="border-b border-slate-200 text-xs text-slate-600">
                <th scope="col" className="py-1 text-left font-medium">
                  {t('period')}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t('new')}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t('total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...series.points].reverse().map((point) => (
                <tr key={point.start} className="border-b border-slate-100">
                  <th scope="row" className="py-1 text-left font-normal">
                    {periodLabel(point.start)}
                  </th>
                  <td className="py-1 text-right tabular-nums">{format.number(point[kind])}</td>
                  <td className="py-1 text-right tabular-nums">{format.number(point[`${kind}Total`])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
