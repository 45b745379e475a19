import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Alert, Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { canChangeSettings, getCommunicationSettings } from '@/lib/communications/settings';
import { audiencesFor, listMessages, previewMessage } from '@/lib/communications/queries';
import { RECIPIENT_STATUSES, summarizeDelivery } from '@/lib/communications/report';
import { currentAppUrl } from '@/lib/http/app-url';
import { LOCALES } from '@/lib/i18n/config';
import { ComposerForm } from './composer-form';
import { MessageActions } from './message-actions';
import { SettingsForm } from './settings-form';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ message?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('communications');
  return { title: t('title') };
}

/**
 * Notices to supporters (organizers) and claimants (lawyers): the composer with its live count,
 * the case's notices, and the one chosen with `?message=` — its preview in each language, test
 * send, send or approval, and delivery summary with the report.
 */
export default async function CommunicationsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { message: selectedId } = await searchParams;
  const access = await guardPage(() => requireCaseRole(slug, DASHBOARD_ROLES), `/cases/${slug}/communications`);
  const db = await getDb();
  const audiences = audiencesFor(access.role);
  const [messages, t, appUrl, settings] = await Promise.all([
    listMessages(db, access.case.id, audiences),
    getTranslations('communications'),
    currentAppUrl(),
    getCommunicationSettings(db, access.case.id),
  ]);
  const threshold = settings.approvalThreshold;
  const selected = messages.find((message) => message.id === selectedId);
  const summary = selected ? await summarizeDelivery(db, access.case.id, selected.id) : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')}>
        <Link href={`/cases/${access.case.slug}/dashboard`} className={buttonClass('secondary', 'mt-2')}>
          {t('toDashboard')}
        </Link>
      </PageHeader>

      {selected ? (
        <Card aria-labelledby="message-title" data-testid="message">
          <h2 id="message-title" className="mb-2 text-lg font-semibold">
            {t('message.title')}: {t(`message.statuses.${selected.status}`)}
          </h2>
          {selected.kind === 'transactional' ? (
            <div className="mb-3">
              <Alert tone="warning">{t('message.transactionalBadge')}</Alert>
            </div>
          ) : null}
          {selected.status === 'awaiting_approval' ? (
            <div className="mb-3">
              <Alert>{t('message.awaitingApproval', { threshold })}</Alert>
            </div>
          ) : null}
          <div className="grid gap-4 md:grid-cols-2">
            {LOCALES.map((locale) => {
              const preview = previewMessage(selected, locale, appUrl);
              return (
                <section key={locale} lang={locale} aria-label={t('message.preview', { locale })} className="rounded-xl bg-slate-50 p-4">
                  <h3 className="text-sm font-semibold text-slate-600">{t('message.preview', { locale })}</h3>
                  <p className="mt-1 font-semibold">{preview.subject}</p>
                  <pre className="mt-2 whitespace-pre-wrap font-sans text-sm">{preview.text}</pre>
                </section>
              );
            })}
          </div>
          <div className="mt-4">
            <MessageActions
              caseSlug={access.case.slug}
              messageId={selected.id}
              canSend={selected.status === 'draft'}
              canApprove={selected.status === 'awaiting_approval' && selected.createdBy !== access.user.id}
            />
          </div>
          {summary && summary.total > 0 ? (
            <section aria-labelledby="summary-title" className="mt-4">
              <h3 id="summary-title" className="font-semibold">
                {t('message.summary')}
              </h3>
              <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="delivery-summary">
                {RECIPIENT_STATUSES.map((status) => (
                  <div key={status}>
                    <dt className="text-slate-600">{t(`message.recipientStatuses.${status}`)}</dt>
                    <dd className="font-semibold">{summary[status]}</dd>
                  </div>
                ))}
              </dl>
              <a
                href={`/cases/${access.case.slug}/communications/report.csv?message=${selected.id}`}
                className={buttonClass('secondary', 'mt-3')}
                download
              >
                {t('message.report')}
              </a>
            </section>
          ) : null}
        </Card>
      ) : null}

      <Card aria-labelledby="composer-title">
        <h2 id="composer-title" className="mb-4 text-lg font-semibold">
          {t('composer.title')}
        </h2>
        <ComposerForm caseSlug={access.case.slug} audiences={audiences} />
      </Card>

      {canChangeSettings(access.role) ? (
        <Card aria-labelledby="settings-title">
          <h2 id="settings-title" className="mb-1 text-lg font-semibold">
            {t('settings.title')}
          </h2>
          <p className="mb-4 text-sm text-slate-600">{t('settings.capHint')}</p>
          <SettingsForm caseSlug={access.case.slug} settings={settings} />
        </Card>
      ) : null}

      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="text-lg font-semibold">
          {t('message.list')}
        </h2>
        {messages.length === 0 ? <Card>{t('message.empty')}</Card> : null}
        <ul className="space-y-2">
          {messages.map((message) => (
            <li key={message.id}>
              <Link
                href={`/cases/${access.case.slug}/communications?message=${message.id}`}
                className="block rounded-xl border border-slate-200 bg-white px-4 py-3 hover:bg-slate-50 focus-visible:outline-2"
              >
                <span className="font-medium">{message.subjectKo || message.bodyKo.slice(0, 60)}</span>
                <span className="ml-2 text-sm text-slate-600">
                  {t(`composer.audiences.${message.audience}`)} · {t(`message.statuses.${message.status}`)} · {message.recipientCount}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
