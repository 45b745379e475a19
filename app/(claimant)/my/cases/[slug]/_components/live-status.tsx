'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

/** Polling only while the event stream is down. */
const POLL_MS = 5_000;

type StatusSnapshot = { status: string; updatedAt: string };

/**
 * Keeps the claimant's status page current: the event stream (/api/my/cases/{slug}/status/events)
 * says when the claim's status changed, and the page then re-renders on the server (the badge,
 * the explanation, counsel's request and the timeline together). While the stream is broken it
 * polls the JSON beside it. Nothing the claimant typed is lost: a refresh keeps client state.
 */
export function LiveStatus({ slug, initial }: { slug: string; initial: StatusSnapshot }) {
  const t = useTranslations('claimant.case');
  const router = useRouter();
  const shown = useRef(initial);
  const [hasChanged, setHasChanged] = useState(false);

  useEffect(() => {
    shown.current = initial;
  }, [initial]);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const apply = (next: StatusSnapshot) => {
      if (next.status === shown.current.status && next.updatedAt === shown.current.updatedAt) return;
      const statusMoved = next.status !== shown.current.status;
      shown.current = next;
      if (statusMoved) setHasChanged(true);
      router.refresh();
    };
    const poll = async () => {
      if (document.hidden) return;
      try {
        const response = await fetch(`/api/my/cases/${slug}/status`, { cache: 'no-store' });
        if (response.ok) apply((await response.json()) as StatusSnapshot);
      } catch {
        // Offline for a moment: the page keeps what it shows.
      }
    };
    const startPolling = () => {
      timer ??= setInterval(poll, POLL_MS);
    };
    const stopPolling = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const source = typeof EventSource === 'undefined' ? null : new EventSource(`/api/my/cases/${slug}/status/events`);
    if (source) {
      source.addEventListener('status', (event) => apply(JSON.parse((event as MessageEvent<string>).data) as StatusSnapshot));
      source.addEventListener('open', stopPolling);
      // The browser reconnects by itself (retry: 2 s); until it does, polling keeps the page current.
      source.addEventListener('error', startPolling);
    } else {
      startPolling();
    }
    return () => {
      source?.close();
      stopPolling();
    };
  }, [slug, router]);

  return (
    <p aria-live="polite" className={hasChanged ? 'text-sm font-medium text-brand-800' : 'sr-only'} data-testid="status-live">
      {hasChanged ? t('statusUpdated') : ''}
    </p>
  );
}
