'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { PublicStats } from '@/lib/metrics/public-stats';

// Polling is only the fallback while the event stream is down: with the stats cached for 2 s per
// instance, a 2 s poll shows a new signature within ~4 s.
const POLL_MS = 2_000;

/**
 * The public counter: starts from the server's numbers, then follows the event stream, which
 * pushes new numbers when the counters change (lib/live). While the stream is broken it polls.
 */
export function LiveCounts({ slug, initial }: { slug: string; initial: PublicStats }) {
  const t = useTranslations('case.page');
  const format = useFormatter();
  const [stats, setStats] = useState(initial);

  useEffect(() => {
    let isActive = true;
    let timer: ReturnType<typeof setInterval> | undefined;
    const apply = (counts: Omit<PublicStats, 'title'>) => {
      if (isActive) setStats((previous) => ({ ...previous, ...counts }));
    };
    const refresh = async () => {
      if (document.hidden) return;
      try {
        const response = await fetch(`/api/cases/${slug}/stats`, { cache: 'no-store' });
        if (response.ok) apply((await response.json()) as PublicStats);
      } catch {
        // Offline for a moment: keep showing the last numbers.
      }
    };
    const startPolling = () => {
      timer ??= setInterval(refresh, POLL_MS);
    };
    const stopPolling = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const source = typeof EventSource === 'undefined' ? null : new EventSource(`/api/cases/${slug}/stats/events`);
    if (source) {
      source.addEventListener('counts', (event) => apply(JSON.parse((event as MessageEvent<string>).data)));
      source.addEventListener('open', stopPolling);
      // The browser reconnects by itself; until it does, the numbers still move.
      source.addEventListener('error', startPolling);
    } else {
      startPolling();
    }
    return () => {
      isActive = false;
      source?.close();
      stopPolling();
    };
  }, [slug]);

  const supporterPercent =
    stats.goals.supporters > 0 ? Math.min(100, Math.round((stats.supporters.signed / stats.goals.supporters) * 100)) : 0;
  const plaintiffPercent =
    stats.goals.plaintiffs > 0 ? Math.min(100, Math.round((stats.claimants.verified / stats.goals.plaintiffs) * 100)) : 0;
  const figures = [
    { id: 'supporters', label: t('supporters'), value: stats.supporters.signed },
    { id: 'claimants', label: t('claimants'), value: stats.claimants.registered },
    { id: 'submitted', label: t('submitted'), value: stats.claimants.submitted },
    { id: 'verified', label: t('verified'), value: stats.claimants.verified },
  ];

  return (
    <div aria-live="polite" className="space-y-5">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.id} className="rounded-xl bg-brand-50 p-3" data-testid={`count-${figure.id}`}>
            <dt className="text-sm text-slate-600">{figure.label}</dt>
            <dd className="text-2xl font-bold tabular-nums text-brand-800">{format.number(figure.value)}</dd>
          </div>
        ))}
      </dl>
      <GoalBar
        label={t('supporterGoal', { goal: stats.goals.supporters })}
        percent={supporterPercent}
        caption={t('progress', { percent: supporterPercent })}
      />
      <GoalBar
        label={t('plaintiffGoal', { goal: stats.goals.plaintiffs })}
        percent={plaintiffPercent}
        caption={t('progress', { percent: plaintiffPercent })}
      />
      <p className="text-xs text-slate-500">
        {t('updated', {
          time: format.dateTime(new Date(stats.updatedAt), { hour: '2-digit', hourCycle: 'h23', minute: '2-digit', second: '2-digit' }),
        })}
      </p>
    </div>
  );
}

function GoalBar({ label, percent, caption }: { label: string; percent: number; caption: string }) {
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-slate-600">{caption}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
