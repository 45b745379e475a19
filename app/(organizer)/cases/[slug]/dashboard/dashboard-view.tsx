'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { DashboardSummary } from '@/lib/metrics/dashboard';
import type { GrowthSeries } from '@/lib/metrics/growth';
import { BreakdownsSection } from './breakdowns-section';
import { FunnelSection } from './funnel-section';
import { GoalsSection } from './goals-section';
import { GrowthSection } from './growth-section';
import { StatusesSection } from './statuses-section';

/**
 * The event stream says when the numbers moved; polling (every few seconds while the tab is
 * visible, rarely when it is not) is the fallback while the stream is down.
 */
const POLL_MS = 3_000;
const HIDDEN_POLL_MS = 30_000;

/**
 * The live dashboard: starts from the server's numbers and refreshes itself. The numbers are not
 * an aria-live region — a screen reader announcing every poll would drown everything else; the
 * time of the last update is shown instead.
 */
export function DashboardView({
  slug,
  initialSummary,
  initialGrowth,
}: {
  slug: string;
  initialSummary: DashboardSummary;
  initialGrowth: GrowthSeries;
}) {
  const t = useTranslations('organizer.dashboard');
  const format = useFormatter();
  const [summary, setSummary] = useState(initialSummary);
  const [isOffline, setIsOffline] = useState(false);

  useEffect(() => {
    let isActive = true;
    let isStreaming = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      if (isActive && !isStreaming) timer = setTimeout(refresh, document.hidden ? HIDDEN_POLL_MS : POLL_MS);
    };
    const refresh = async () => {
      try {
        const response = await fetch(`/api/cases/${slug}/metrics`, { cache: 'no-store' });
        if (!isActive) return;
        if (response.ok) {
          setSummary((await response.json()) as DashboardSummary);
          setIsOffline(false);
        } else {
          setIsOffline(true);
        }
      } catch {
        if (isActive) setIsOffline(true);
      } finally {
        schedule();
      }
    };
    const source = typeof EventSource === 'undefined' ? null : new EventSource(`/api/cases/${slug}/metrics/events`);
    if (source) {
      source.addEventListener('changed', () => void refresh());
      source.addEventListener('open', () => {
        isStreaming = true;
        clearTimeout(timer);
        // Whatever moved while the stream was down.
        void refresh();
      });
      source.addEventListener('error', () => {
        isStreaming = false;
        schedule();
      });
    }
    schedule();
    const onVisible = () => {
      if (document.hidden) return;
      clearTimeout(timer);
      void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      isActive = false;
      source?.close();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [slug]);

  const headline = [
    { id: 'signed', value: summary.supporters.signed },
    { id: 'confirmed', value: summary.supporters.confirmed },
    { id: 'registered', value: summary.funnel.find((stage) => stage.id === 'registered')?.count ?? 0 },
    { id: 'verified', value: summary.funnel.find((stage) => stage.id === 'verified')?.count ?? 0 },
  ] as const;
  // The growth chart reloads when these move, not on every poll.
  const totalsKey = `${summary.supporters.signed}/${headline[2].value}`;

  return (
    <div className="space-y-6">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="dashboard-status">
        <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${isOffline ? 'bg-amber-500' : 'bg-emerald-500'}`} />
        {isOffline ? t('offline') : t('live')}
        <span>
          ·{' '}
          {t('updatedAt', {
            time: format.dateTime(new Date(summary.updatedAt), { hour: '2-digit', hourCycle: 'h23', minute: '2-digit', second: '2-digit' }),
          })}
        </span>
      </p>
      <section aria-labelledby="headline-title">
        <h2 id="headline-title" className="sr-only">
          {t('headline.title')}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {headline.map((figure) => (
            <div
              key={figure.id}
              className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
              data-testid={`headline-${figure.id}`}
            >
              <dt className="text-sm text-slate-600">{t(`headline.${figure.id}`)}</dt>
              <dd className="mt-1 text-2xl font-bold tabular-nums text-brand-800 sm:text-3xl">{format.number(figure.value)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <FunnelSection summary={summary} />
      <GoalsSection goals={summary.goals} />
      <GrowthSection slug={slug} initial={initialGrowth} totalsKey={totalsKey} />
      <BreakdownsSection breakdowns={summary.breakdowns} />
      <StatusesSection byStatus={summary.claimants.byStatus} />
    </div>
  );
}
