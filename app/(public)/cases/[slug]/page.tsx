import { and, eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Card, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { claimants } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/guards';
import { getCachedCasePublicView } from '@/lib/cases/public-view-cache';
import { localized } from '@/lib/cases/queries';
import { toLocale } from '@/lib/i18n/config';
import { computePublicStats, getCachedPublicStats, loadPublicStats } from '@/lib/metrics/public-stats';
import { LiveCounts } from './live-counts';
import { RoundCounts } from '@/app/_components/round-counts';
import { PetitionCard } from './support/petition-card';

type Props = { params: Promise<{ slug: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [view, locale] = await Promise.all([getCachedCasePublicView(await getDb(), slug), getLocale().then(toLocale)]);
  return view ? { title: localized(view.case, 'title', locale), description: localized(view.case, 'summary', locale) } : {};
}

export default async function CasePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([
    params,
    searchParams ?? Promise.resolve({} as Record<string, string | string[] | undefined>),
  ]);
  const db = await getDb();
  const [view, t, format, locale, user] = await Promise.all([
    getCachedCasePublicView(db, slug),
    getTranslations('case.page'),
    getFormatter(),
    getLocale().then(toLocale),
    getCurrentUser(),
  ]);
  if (!view) notFound();
  // From the same 2-second cache as the JSON counter (at most 2 s old); the stream then keeps it live.
  const stats =
    (await getCachedPublicStats(view.case.slug, () => loadPublicStats(db, view.case.slug))) ?? (await computePublicStats(db, view.case));
  const [ownClaim] = user
    ? await db
        .select({ id: claimants.id })
        .from(claimants)
        .where(and(eq(claimants.caseId, view.case.id), eq(claimants.userId, user.id)))
    : [];
  const isOpen = view.case.status === 'open';

  return (
    <article className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm font-medium text-brand-700">
          {t('court')}: {localized(view.case, 'court', locale)}
        </p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{localized(view.case, 'title', locale)}</h1>
        <p className="max-w-3xl text-base leading-relaxed text-slate-700">{localized(view.case, 'summary', locale)}</p>
      </header>

      <Card aria-labelledby="live-counts">
        <h2 id="live-counts" className="mb-4 text-lg font-semibold">
          {t('liveCounts')}
        </h2>
        <LiveCounts slug={view.case.slug} initial={stats} />
      </Card>
      <RoundCounts caseId={view.case.id} />

      <PetitionCard caseRow={view.case} src={typeof query.src === 'string' ? query.src : undefined} />

      <Card aria-labelledby="join" className="border-brand-200 bg-brand-50/60">
        <h2 id="join" className="text-lg font-semibold">
          {t('joinTitle')}
        </h2>
        {isOpen ? (
          <>
            <p className="mt-2 text-slate-700">{t('joinLead')}</p>
            <Link
              href={
                ownClaim || user
                  ? `/my/cases/${view.case.slug}`
                  : `/sign-up?case=${view.case.slug}${typeof query.src === 'string' ? `&src=${encodeURIComponent(query.src)}` : ''}`
              }
              className={buttonClass('primary', 'mt-4')}
            >
              {ownClaim ? t('continueCta') : t('joinCta')}
            </Link>
          </>
        ) : (
          <p className="mt-2 text-slate-700">{t('statusClosed')}</p>
        )}
      </Card>

      <Card aria-labelledby="defendants">
        <h2 id="defendants" className="mb-3 text-lg font-semibold">
          {t('defendants')}
        </h2>
        <ol className="divide-y divide-slate-100">
          {view.defendants.map((defendant) => (
            <li key={defendant.id} className="py-3">
              <p className="font-medium">
                {defendant.position}. {localized(defendant, 'name', locale)}
              </p>
              <p className="text-sm text-slate-600">
                {[localized(defendant, 'representative', locale), localized(defendant, 'representativeName', locale)]
                  .filter(Boolean)
                  .join(' ')}{' '}
                · {localized(defendant, 'address', locale)}
              </p>
            </li>
          ))}
        </ol>
      </Card>

      <Card aria-labelledby="timeline">
        <h2 id="timeline" className="mb-3 text-lg font-semibold">
          {t('timeline')}
        </h2>
        <ol className="relative space-y-5 border-l-2 border-brand-200 pl-5">
          {view.timeline.map((event) => (
            <li key={event.id} className="relative">
              <span aria-hidden className="absolute -left-[27px] top-1.5 h-3 w-3 rounded-full bg-brand-500" />
              <p className="text-sm font-semibold text-brand-700">
                <time dateTime={event.occurredAt.toISOString()}>
                  {format.dateTime(
                    event.occurredAt,
                    event.isDateOnly ? { dateStyle: 'long' } : { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' },
                  )}
                </time>
              </p>
              <p className="font-medium">{localized(event, 'title', locale)}</p>
              <p className="text-sm text-slate-700">{localized(event, 'description', locale)}</p>
              {event.sourceLabel ? (
                <p className="text-xs text-slate-500">
                  {t('source')}: {event.sourceLabel}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>
    </article>
  );
}
