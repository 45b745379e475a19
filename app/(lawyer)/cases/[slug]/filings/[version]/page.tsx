import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { formatDateTime, formatDay } from '@/lib/filings/format';
import { MEGABYTE, chosenDocuments } from '@/lib/filings/options';
import { findFiling, listCourtFilingCorrections, listFilingAttachments, listFilingClaimants, listFilingParts } from '@/lib/filings/queries';
import { translateKey } from '@/lib/http/route';
import { toLocale } from '@/lib/i18n/config';
import { toKstDateInput } from '@/lib/forms/validators';
import { getTranslator } from '@/lib/i18n/translator';
import { FilingStatusBadge } from '../_parts/filing-status-badge';
import { ProgressBar } from '../_parts/progress-bar';
import { AttachmentsList } from './attachments-list';
import { CancelForm } from './cancel-form';
import { CorrectFilingForm } from './correct-filing-form';
import { CourtFilingCorrections } from './court-filing-corrections';
import { RecordFilingForm } from './record-filing-form';
import { ClaimantsTable } from './claimants-table';
import { PartsList } from './parts-list';
import { SubmissionDownload } from './submission-download';

type Props = { params: Promise<{ slug: string; version: string }>; searchParams: Promise<{ page?: string }> };

const PAGE_SIZE = 50;

/** One packet version: progress or result, the parts with pre-flight and downloads, the attachments, the whole submission as a zip, and who is in it. */
export default async function FilingPage({ params, searchParams }: Props) {
  const [{ slug, version: rawVersion }, { page: rawPage }] = await Promise.all([params, searchParams]);
  const basePath = `/cases/${slug}/filings/${rawVersion}`;
  const access = await guardPage(() => requireCaseRole(slug, LAWYER_ROLES), basePath);
  if (!/^[1-9]\d{0,8}$/.test(rawVersion)) notFound();
  const db = await getDb();
  const filing = await findFiling(db, access.case.id, Number(rawVersion));
  if (!filing) notFound();
  const page = Math.max(1, Math.min(10_000, Number.parseInt(rawPage ?? '1', 10) || 1));
  const [t, locale, parts, attachments, claimants, corrections] = await Promise.all([
    getTranslations('filings'),
    getLocale().then(toLocale),
    listFilingParts(db, filing.id),
    listFilingAttachments(db, filing.id),
    listFilingClaimants(db, filing.id, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    filing.courtFiling ? listCourtFilingCorrections(db, access.case.id, filing.id) : [],
  ]);
  const builtOn = toKstDateInput(filing.finishedAt ?? filing.createdAt);
  const today = toKstDateInput(new Date());
  const { options } = filing;
  const isActive = filing.status === 'queued' || filing.status === 'running';
  const source =
    options.claimants.source === 'all_verified'
      ? t('detail.sourceAllVerified')
      : t('detail.sourceSelection', { name: options.claimants.selectionName });
  const facts: [string, string][] = [
    [
      t('detail.documents'),
      chosenDocuments(options.documents)
        .map((key) => t(`documents.${key}`))
        .join(', '),
    ],
    [t('detail.format'), t(`formats.${options.format}`)],
    [t('detail.language'), t(`languages.${options.language}`)],
    [t('detail.claimantSource'), `${source} · ${t('list.claimants', { count: filing.claimantCount })}`],
    [t('detail.bates'), t('detail.batesValue', { prefix: options.bates.prefix, start: options.bates.start })],
    [t('detail.maxPart'), t('detail.maxPartValue', { mb: Math.round(options.maxPartBytes / MEGABYTE) })],
    [t('detail.documentDate'), formatDateTime(new Date(options.documentDate), locale)],
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title={t('detail.title', { version: filing.version })}
        lead={t('detail.requested', { name: filing.createdByName ?? '—', date: formatDateTime(filing.createdAt, locale) })}
      >
        <FilingStatusBadge status={filing.status} label={t(`statuses.${filing.status}`)} />
      </PageHeader>
      <Link href={`/cases/${slug}/filings`} className="inline-block text-sm font-medium text-brand-700 underline underline-offset-4">
        {t('builder.back')}
      </Link>

      {isActive ? (
        <Card className="space-y-4" aria-labelledby="progress-heading">
          <h2 id="progress-heading" className="text-lg font-semibold">
            {t('progress.label')}
          </h2>
          <ProgressBar
            url={`/api/cases/${slug}/filings/${filing.version}/progress`}
            initial={{ status: filing.status, progressDone: filing.progressDone, progressTotal: filing.progressTotal, message: null }}
          />
          <CancelForm slug={slug} version={filing.version} />
        </Card>
      ) : null}
      {filing.status === 'done' || filing.courtFiling ? (
        <Card className="space-y-4" aria-labelledby="court-filing-heading" data-testid="court-filing">
          <h2 id="court-filing-heading" className="text-lg font-semibold">
            {filing.courtFiling ? t('record.filedTitle') : t('record.title')}
          </h2>
          {filing.courtFiling ? (
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
              {(
                [
                  [t('record.filedOnValue'), formatDay(filing.courtFiling.filedOn, locale)],
                  [t('record.courtValue'), filing.courtFiling.court],
                  [t('record.caseNumberValue'), filing.courtFiling.courtCaseNumber],
                  [t('record.claimantsValue'), t('list.claimants', { count: filing.claimantCount })],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-medium text-slate-600">{label}</dt>
                  <dd className="text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <>
              <p className="text-sm text-slate-700">{t('record.draftLead')}</p>
              <RecordFilingForm slug={slug} version={filing.version} format={options.format} builtOn={builtOn} today={today} />
            </>
          )}
          {filing.courtFiling ? (
            <>
              {corrections.length ? <CourtFilingCorrections corrections={corrections} locale={locale} /> : null}
              <CorrectFilingForm
                slug={slug}
                version={filing.version}
                format={options.format}
                builtOn={builtOn}
                today={today}
                current={filing.courtFiling}
              />
            </>
          ) : null}
        </Card>
      ) : null}
      {(filing.status === 'failed' || filing.status === 'cancelled') && filing.error ? (
        <Alert tone="error" role="alert">
          <p className="font-semibold">{t('detail.errorTitle')}</p>
          <p>{translateKey(getTranslator(locale), filing.error)}</p>
        </Alert>
      ) : null}

      <Card aria-labelledby="options-heading">
        <h2 id="options-heading" className="mb-3 text-lg font-semibold">
          {t('detail.optionsTitle')}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-600">{label}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        <Link
          href={`/cases/${slug}/costs?version=${filing.version}`}
          className="mt-3 inline-block text-sm font-medium text-brand-700 underline underline-offset-4"
        >
          {t('detail.costs')}
        </Link>
      </Card>

      {parts.length ? (
        <section aria-labelledby="parts-heading" className="space-y-3">
          <h2 id="parts-heading" className="text-xl font-semibold">
            {t('detail.partsTitle')}
          </h2>
          <p className="text-sm text-slate-600">{t('detail.partsLead')}</p>
          <PartsList slug={slug} version={filing.version} parts={parts} maxPartBytes={options.maxPartBytes} locale={locale} />
        </section>
      ) : null}

      {attachments.length ? (
        <section aria-labelledby="attachments-heading" className="space-y-3" data-testid="attachments">
          <h2 id="attachments-heading" className="text-xl font-semibold">
            {t('attachments.title')}
          </h2>
          <p className="text-sm text-slate-600">{t('attachments.lead')}</p>
          <AttachmentsList slug={slug} version={filing.version} attachments={attachments} locale={locale} />
        </section>
      ) : null}

      {filing.status === 'done' && parts.length ? (
        <SubmissionDownload
          slug={slug}
          version={filing.version}
          byteSizes={[...parts, ...attachments].map((file) => file.byteSize)}
          locale={locale}
        />
      ) : null}

      <section id="claimants" aria-labelledby="claimants-heading" className="space-y-3">
        <h2 id="claimants-heading" className="text-xl font-semibold">
          {t('detail.claimantsTitle')}
        </h2>
        <p className="text-sm text-slate-600">{t('detail.claimantsLead')}</p>
        <ClaimantsTable
          lines={claimants.lines}
          total={claimants.total}
          page={page}
          pageSize={PAGE_SIZE}
          basePath={basePath}
          locale={locale}
        />
      </section>
    </div>
  );
}
