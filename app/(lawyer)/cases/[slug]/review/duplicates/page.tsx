import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, PageHeader, StatusBadge, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { duplicateReasonEnum } from '@/db/schema';
import { guardPage } from '@/lib/auth/page-guard';
import { requireReviewer } from '@/lib/reviews/access';
import { listDuplicatePairs } from '@/lib/reviews/duplicate-review';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ reason?: string; before?: string; id?: string }> };

/** Open duplicate and fraud signals of the case, newest first, one line per pair. */
export default async function DuplicatesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { case: found } = await guardPage(() => requireReviewer(slug), `/cases/${slug}/review/duplicates`);
  const query = await searchParams;
  const reason = duplicateReasonEnum.enumValues.find((value) => value === query.reason);
  const before =
    query.before && query.id && /^[0-9a-f-]{36}$/i.test(query.id) && !Number.isNaN(Date.parse(query.before))
      ? { createdAt: query.before, id: query.id }
      : undefined;
  const [{ rows, next }, t, common, format] = await Promise.all([
    listDuplicatePairs(await getDb(), found.id, { reason, before }),
    getTranslations('review.duplicates'),
    getTranslations('common'),
    getFormatter(),
  ]);
  const base = `/cases/${slug}/review/duplicates`;
  const claim = (side: { id: string | null; reference: string | null; name: string | null; status: string | null } | null) =>
    side?.id ? (
      <span className="inline-flex flex-wrap items-center gap-1">
        <Link href={`/cases/${slug}/review/${side.id}`} className="font-medium text-brand-700 underline">
          {side.name ?? '—'}
        </Link>
        <span className="font-mono text-xs text-slate-600">{side.reference ?? ''}</span>
        {side.status ? <StatusBadge status={side.status} label={common(`statuses.${side.status}`)} /> : null}
      </span>
    ) : null;

  return (
    <div className="space-y-5">
      <Link href={`/cases/${slug}/review`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {(await getTranslations('review.file'))('back')}
      </Link>
      <PageHeader title={t('title')} lead={t('lead')} />
      <nav aria-label={t('reason')} className="flex flex-wrap gap-1">
        {[undefined, ...duplicateReasonEnum.enumValues].map((value) => (
          <Link
            key={value ?? 'all'}
            href={value ? `${base}?reason=${value}` : base}
            aria-current={reason === value ? 'page' : undefined}
            className={`inline-flex min-h-11 items-center rounded-xl px-3 py-2 text-sm font-medium ${reason === value ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200'}`}
          >
            {value ? t(`reasons.${value}`) : t('allReasons')}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? <Card>{t('empty')}</Card> : null}
      <ul className="space-y-3">
        {rows.map(({ flag, first, second }) => (
          <li key={flag.id}>
            <Card className="flex flex-wrap items-center justify-between gap-3">
              <div className="space-y-1 text-sm">
                <p className="font-semibold">{t(`reasons.${flag.reason}`)}</p>
                <p className="flex flex-wrap gap-x-3 gap-y-1">
                  {claim(first)}
                  {second?.id ? <span aria-hidden>↔</span> : null}
                  {claim(second)}
                </p>
                <p className="text-xs text-slate-600">
                  {t('found')}: {format.dateTime(flag.createdAt, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' })}
                </p>
              </div>
              <Link href={`${base}/${flag.id}`} className={buttonClass('secondary')}>
                {t('open')}
              </Link>
            </Card>
          </li>
        ))}
      </ul>
      {next ? (
        <Link
          href={`${base}?${new URLSearchParams({ ...(reason ? { reason } : {}), before: next.createdAt, id: next.id })}`}
          className={buttonClass('secondary')}
        >
          {t('more')}
        </Link>
      ) : null}
    </div>
  );
}
