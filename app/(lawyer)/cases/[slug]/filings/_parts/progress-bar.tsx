'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { FilingStatus } from '@/db/schema';

type Progress = { status: FilingStatus; progressDone: number; progressTotal: number; message: string | null };

const POLL_MS = 1_000;

/**
 * Pages done of total while a packet is built, polled from a small JSON route about once a
 * second; when the build ends the page is refreshed so the parts (or the error) appear.
 */
export function ProgressBar({ url, initial }: { url: string; initial: Progress }) {
  const t = useTranslations('filings.progress');
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const isActive = progress.status === 'queued' || progress.status === 'running';

  useEffect(() => {
    if (!isActive) return;
    let isStopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
        if (!response.ok || isStopped) return;
        const next = (await response.json()) as Progress;
        setProgress(next);
        if (next.status !== 'queued' && next.status !== 'running') router.refresh();
      } catch {
        // A missed poll is retried on the next tick.
      }
    }, POLL_MS);
    return () => {
      isStopped = true;
      clearInterval(timer);
    };
  }, [isActive, url, router]);

  const { progressDone: done, progressTotal: total } = progress;
  const isAssembling = progress.status === 'running' && total > 0 && done >= total;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const text =
    progress.status === 'queued'
      ? t('queued')
      : progress.status === 'running' && total === 0
        ? t('starting')
        : isAssembling
          ? t('assembling', { total })
          : progress.status === 'running'
            ? t('pages', { done, total })
            : t(progress.status);
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label={t('label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.status === 'done' ? 100 : percent}
        aria-valuetext={text}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full transition-[width] duration-500 ${isAssembling ? 'animate-pulse bg-brand-500' : 'bg-brand-600'}`}
          style={{ width: `${progress.status === 'done' ? 100 : percent}%` }}
        />
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
