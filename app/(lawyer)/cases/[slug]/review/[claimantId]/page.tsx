import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { guardPage } from '@/lib/auth/page-guard';
import { koreanDay } from '@/lib/deficiencies/calendar';
import { listReasons } from '@/lib/deficiencies/reasons';
import { currentRequestInfo } from '@/lib/http/request-info';
import { toLocale } from '@/lib/i18n/config';
import { requireReviewer } from '@/lib/reviews/access';
import { listCaseLawyers } from '@/lib/reviews/bulk';
import { definitionLabel } from '@/lib/reviews/claim-answers';
import { openClaimantFile } from '@/lib/reviews/claimant-file';
import { DECISION_FROM } from '@/lib/reviews/decisions';
import { DecisionPanel } from './decision-panel';
import { FileActivity } from './file-activity';
import { FileDetails } from './file-details';
import { FileEvidence } from './file-evidence';
import { FileSigned } from './file-signed';

type Props = { params: Promise<{ slug: string; claimantId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything one claimant gave, and the decisions on it. Opening the page is audited. */
export default async function ClaimantFilePage({ params }: Props) {
  const { slug, claimantId } = await params;
  const { user, case: found } = await guardPage(() => requireReviewer(slug), `/cases/${slug}/review/${claimantId}`);
  if (!UUID.test(claimantId)) notFound();
  const db = await getDb();
  const file = await openClaimantFile(db, { caseId: found.id, claimantId, actorId: user.id, ip: (await currentRequestInfo()).ip });
  if (!file) notFound();
  const [t, common, lawyers, reasons, locale] = await Promise.all([
    getTranslations('review.file'),
    getTranslations('common'),
    listCaseLawyers(db, found.id),
    listReasons(db, found.id),
    getLocale().then(toLocale),
  ]);
  const { claimant } = file;
  const decidable = (Object.keys(DECISION_FROM) as (keyof typeof DECISION_FROM)[]).filter((decision) =>
    DECISION_FROM[decision].includes(claimant.status),
  );

  return (
    <div className="space-y-5">
      <Link href={`/cases/${slug}/review`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {t('back')}
      </Link>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{claimant.legalName ?? t('titleFallback')}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <StatusBadge status={claimant.status} label={common(`statuses.${claimant.status}`)} />
          {claimant.referenceNumber ? <span className="font-mono">{t('reference', { reference: claimant.referenceNumber })}</span> : null}
          <span>· {t('version', { version: claimant.version })}</span>
          {claimant.category ? <span>· {definitionLabel(file.claim?.definition.categories, claimant.category, locale)}</span> : null}
        </div>
      </header>
      <DecisionPanel
        slug={slug}
        claimantId={claimant.id}
        version={claimant.version}
        status={claimant.status}
        statusLabel={common(`statuses.${claimant.status}`)}
        decidable={decidable}
        reasons={reasons.map((reason) => ({ code: reason.code, label: locale === 'ko' ? reason.labelKo : reason.labelEn }))}
        today={koreanDay(new Date())}
      />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-5">
          <FileDetails file={file} />
          <FileSigned file={file} />
          <FileEvidence slug={slug} file={file} />
        </div>
        <FileActivity slug={slug} file={file} lawyers={lawyers} />
      </div>
    </div>
  );
}
