import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Alert, Card, PageHeader, StatusBadge, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { requireOwnClaimant, requireUser } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { findCaseBySlug, localized } from '@/lib/cases/queries';
import { listOwnMessages, listStatementVersions, loadStatusTimeline, markMessagesRead } from '@/lib/claimants/home';
import { claimantHomeLink, listClaimantNotices } from '@/lib/communications/claimant-notices';
import { configuredAppOrigin } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { toLocale } from '@/lib/i18n/config';
import { loadClaimOverview } from '@/lib/intake/completeness';
import { loadClaimContext } from '@/lib/claimants/claim-context';
import { isEditable } from '@/lib/claimants/intake-steps';
import { AnswerForm } from './_components/answer-form';
import { ClaimHistory } from './_components/claim-history';
import { DeficiencyNotice } from './_components/deficiency-notice';
import { JoinForm } from './_components/join-form';
import { LiveStatus } from './_components/live-status';
import { WithdrawForm } from './_components/withdraw-form';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ submitted?: string; done?: string; notice?: string }> };

/** The claimant's home in a case: where the claim stands, what counsel asked, and what they can do. */
export default async function ClaimantHomePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const path = `/my/cases/${slug}`;
  await guardPage(() => requireUser(), path);
  const access = await guardPage(
    () =>
      requireOwnClaimant(slug).catch((error: unknown) => (isAppError(error) && error.code === 'not_found' ? null : Promise.reject(error))),
    path,
  );
  if (!access) return <JoinCase slug={slug} />;

  const { claimant, case: caseRow } = access;
  const db = await getDb();
  const [t, common, format, locale, answered, withdrawn] = await Promise.all([
    getTranslations('claimant.case'),
    getTranslations('common'),
    getFormatter(),
    getLocale().then(toLocale),
    getTranslations('claimant.answer'),
    getTranslations('claimant.withdraw'),
  ]);
  // The notice a reply link named is looked up among this claimant's own notices only.
  const openedNoticeId = typeof query.notice === 'string' ? query.notice : undefined;
  const [timeline, messages, statementVersions, overview, notices] = await Promise.all([
    loadStatusTimeline(db, claimant),
    listOwnMessages(db, claimant),
    listStatementVersions(db, claimant),
    claimant.status === 'draft'
      ? loadClaimContext(db, claimant, caseRow).then(async (context) => ({
          context,
          ...(await loadClaimOverview(db, context, caseRow, locale)),
        }))
      : Promise.resolve(null),
    listClaimantNotices(db, claimant, locale, claimantHomeLink(configuredAppOrigin(), slug)),
  ]);
  await markMessagesRead(db, claimant);
  const requests = messages.filter((message) => message.direction === 'to_claimant');
  const latestRequest = requests.at(-1);
  const isWithdrawable = !['withdrawn'].includes(claimant.status);
  const noticeText = await getTranslations('claimant.case.notices');

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <PageHeader title={localized(caseRow, 'title', locale)} lead={t('lead')} />
      {query.submitted === '1' && claimant.referenceNumber ? (
        <Alert tone="success" role="status" data-testid="submitted-notice">
          {t('submittedNotice', { reference: claimant.referenceNumber })}
        </Alert>
      ) : null}
      {query.done === 'answered' || query.done === 'withdrawn' ? (
        <Alert tone="success" role="status" data-testid="done-notice">
          {query.done === 'answered' ? answered('sent') : withdrawn('done')}
        </Alert>
      ) : null}

      <Card aria-labelledby="claim-status" className="space-y-3">
        <h2 id="claim-status" className="text-lg font-semibold">
          {t('statusTitle')}
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={claimant.status} label={common(`statuses.${claimant.status}`)} />
          {claimant.referenceNumber ? (
            <span className="text-sm text-slate-700" data-testid="reference-number">
              {t('reference', { reference: claimant.referenceNumber })}
            </span>
          ) : null}
        </div>
        <p className="text-slate-700">{t(`statusExplain.${claimant.status}`)}</p>
        <LiveStatus slug={slug} initial={{ status: claimant.status, updatedAt: claimant.updatedAt.toISOString() }} />
        {claimant.restrictedAt ? <Alert tone="warning">{t('restricted')}</Alert> : null}
        {overview ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">
              {t('draftProgress', {
                done: claimant.completedSteps.filter((step) => overview.context.steps.includes(step)).length,
                total: overview.context.steps.length,
                missing: overview.missing.length,
              })}
            </p>
            <Link href={`/my/cases/${slug}/intake`} className={buttonClass('primary', 'w-full sm:w-auto')}>
              {claimant.completedSteps.length ? t('continueDraft') : t('startDraft')}
            </Link>
          </div>
        ) : null}
        {claimant.claimedTotalKrw > 0 ? (
          <p className="text-sm text-slate-700">{t('claimedTotal', { amount: format.number(claimant.claimedTotalKrw) })}</p>
        ) : null}
      </Card>

      <DeficiencyNotice db={db} caseId={caseRow.id} claimant={claimant} locale={locale} />
      {claimant.status === 'needs_info' ? (
        <Card aria-labelledby="info-request" className="space-y-4 border-amber-300 bg-amber-50/60">
          <h2 id="info-request" className="text-lg font-semibold">
            {t('requestTitle')}
          </h2>
          {latestRequest ? (
            <blockquote
              className="whitespace-pre-wrap rounded-xl border border-amber-200 bg-white p-4 text-slate-800"
              data-testid="info-request-message"
            >
              {latestRequest.body}
            </blockquote>
          ) : null}
          <AnswerForm caseSlug={slug} />
        </Card>
      ) : null}

      <Card aria-labelledby="notices-title" className="space-y-3" data-testid="claimant-notices">
        <h2 id="notices-title" className="text-lg font-semibold">
          {noticeText('title')}
        </h2>
        <p className="text-sm text-slate-700">{noticeText('lead')}</p>
        {notices.length === 0 ? (
          <p className="text-sm text-slate-700">{noticeText('empty')}</p>
        ) : (
          <ul className="space-y-3">
            {notices.map((notice) => {
              const isOpened = notice.id === openedNoticeId;
              return (
                <li
                  key={notice.id}
                  id={`notice-${notice.id}`}
                  aria-current={isOpened ? 'true' : undefined}
                  data-testid="claimant-notice"
                  className={`rounded-xl border p-4 ${isOpened ? 'border-brand-600 bg-brand-50/40' : 'border-slate-200'}`}
                >
                  <h3 className="font-semibold">{notice.subject}</h3>
                  <p className="text-sm text-slate-600">
                    {noticeText('sentAt', { date: format.dateTime(notice.sentAt, { dateStyle: 'long', timeStyle: 'short' }) })}
                  </p>
                  {notice.isTransactional ? (
                    <p className="mt-1 text-sm" data-testid="notice-transactional">
                      <span className="rounded bg-slate-800 px-2 py-0.5 font-medium text-white">{noticeText('transactional')}</span>{' '}
                      <span className="text-slate-600">{noticeText('transactionalHint')}</span>
                    </p>
                  ) : null}
                  {isOpened ? <p className="mt-1 text-sm text-slate-700">{noticeText('fromLink')}</p> : null}
                  <p className="mt-2 whitespace-pre-wrap text-slate-800">{notice.body}</p>
                  {isOpened && claimant.status === 'needs_info' ? (
                    <p className="mt-2 text-sm">
                      <a href="#info-request" className="font-medium text-brand-700 underline" data-testid="notice-open-request">
                        {noticeText('openRequest')}
                      </a>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      <ClaimHistory timeline={timeline} messages={messages} statementVersions={statementVersions} />

      {isEditable(claimant.status) && claimant.status !== 'draft' ? (
        <Card className="space-y-2">
          <Link href={`/my/cases/${slug}/intake/review`} className="font-medium text-brand-700 underline">
            {t('viewClaim')}
          </Link>
        </Card>
      ) : null}

      {isWithdrawable ? (
        <Card aria-labelledby="withdraw-title">
          <details>
            <summary id="withdraw-title" className="min-h-11 cursor-pointer py-2 text-base font-semibold">
              {t('withdrawTitle')}
            </summary>
            <div className="pt-3">
              <WithdrawForm caseSlug={slug} isOnFiling={claimant.isOnFiling} />
            </div>
          </details>
        </Card>
      ) : null}

      <Card aria-labelledby="privacy-title" className="space-y-2">
        <h2 id="privacy-title" className="text-lg font-semibold">
          {t('privacyTitle')}
        </h2>
        <p className="text-sm text-slate-700">{t('privacyLead')}</p>
        <Link href={`/my/cases/${slug}/privacy`} className={buttonClass('secondary')}>
          {t('privacyLink')}
        </Link>
      </Card>
    </div>
  );
}

async function JoinCase({ slug }: { slug: string }) {
  const found = await findCaseBySlug(await getDb(), slug);
  if (!found || found.status !== 'open') notFound();
  const [t, locale] = await Promise.all([getTranslations('claimant.join'), getLocale().then(toLocale)]);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <PageHeader title={localized(found, 'title', locale)} lead={t('lead')} />
      <Card>
        <JoinForm caseSlug={slug} />
      </Card>
    </div>
  );
}
