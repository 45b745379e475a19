import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Alert, PageHeader, StatusBadge } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { guardPage } from '@/lib/auth/page-guard';
import { isAppError } from '@/lib/errors';
import { currentRequestInfo } from '@/lib/http/request-info';
import { requireReviewer } from '@/lib/reviews/access';
import type { ClaimantFile } from '@/lib/reviews/claimant-file';
import { openDuplicateComparison } from '@/lib/reviews/duplicate-review';
import { Facts, Hash, Section } from '../../_ui';
import { DismissFlagForm, RejectDuplicateForm } from './resolve-forms';
import { formatPhoneNumber } from '@/lib/format/numbers';

type Props = { params: Promise<{ slug: string; flagId: string }> };

/** Two claims side by side with what they share marked, to reject the duplicate or dismiss the signal. */
export default async function CompareDuplicatesPage({ params }: Props) {
  const { slug, flagId } = await params;
  const { user, case: found } = await guardPage(() => requireReviewer(slug), `/cases/${slug}/review/duplicates/${flagId}`);
  if (!/^[0-9a-f-]{36}$/i.test(flagId)) notFound();
  const comparison = await openDuplicateComparison(await getDb(), {
    caseId: found.id,
    flagId,
    actorId: user.id,
    ip: (await currentRequestInfo()).ip,
  }).catch((error) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const [t, file] = await Promise.all([getTranslations('review.duplicates'), getTranslations('review.file')]);
  const { flag, left, right } = comparison;
  const files = right ? [left, right] : [left];

  return (
    <div className="space-y-5">
      <Link href={`/cases/${slug}/review/duplicates`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {t('title')}
      </Link>
      <PageHeader title={t('compareTitle')} lead={t('signal', { reason: t(`reasons.${flag.reason}`) })} />
      {flag.status !== 'open' ? (
        <Alert tone="info" role="status">
          {t('resolved', { status: file(`flagStatuses.${flag.status}`) })}
        </Alert>
      ) : null}
      {!right ? <Alert tone="warning">{t('burstMembers')}</Alert> : null}
      {flag.status === 'open' ? <DismissFlagForm slug={slug} flagId={flag.id} /> : null}
      <div className={`grid gap-5 ${right ? 'md:grid-cols-2' : ''}`}>
        {files.map((side, index) => {
          const other = files[1 - index];
          return (
            <div key={side.claimant.id} className="space-y-4">
              <ClaimSummary slug={slug} file={side} other={other} />
              {flag.status === 'open' ? (
                <RejectDuplicateForm
                  slug={slug}
                  flagId={flag.id}
                  claimantId={side.claimant.id}
                  version={side.claimant.version}
                  defaultReason={other ? t('rejectDefault', { reference: other.claimant.referenceNumber ?? '—' }) : ''}
                  name={side.claimant.legalName ?? ''}
                />
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}

async function ClaimSummary({ slug, file, other }: { slug: string; file: ClaimantFile; other?: ClaimantFile }) {
  const [t, f, common, format] = await Promise.all([
    getTranslations('review.duplicates'),
    getTranslations('review.file'),
    getTranslations('common'),
    getFormatter(),
  ]);
  const { claimant } = file;
  const same = (mine: string | null | undefined, theirs: string | null | undefined) =>
    other && mine && theirs && normalize(mine) === normalize(theirs) ? (
      <span className="ml-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t('same')}</span>
    ) : null;
  const theirHashes = new Set(other?.evidence.map((item) => item.sha256) ?? []);
  const latest = file.statements[file.statements.length - 1]?.statement;
  return (
    <Section id={`claim-${claimant.id}`} title={claimant.legalName ?? f('titleFallback')}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={claimant.status} label={common(`statuses.${claimant.status}`)} />
        <Link href={`/cases/${slug}/review/${claimant.id}`} className="font-mono text-brand-700 underline">
          {claimant.referenceNumber ?? '—'}
        </Link>
      </div>
      <Facts
        items={[
          [
            f('legalName'),
            <>
              {claimant.legalName ?? '—'}
              {same(claimant.nameNormalized, other?.claimant.nameNormalized)}
            </>,
          ],
          [
            f('dateOfBirth'),
            <>
              {file.details.dateOfBirth ?? '—'}
              {same(file.details.dateOfBirth, other?.details.dateOfBirth)}
            </>,
          ],
          [
            f('phone'),
            <>
              {file.details.phone ? formatPhoneNumber(file.details.phone) : '—'}
              {same(file.details.phone, other?.details.phone)}
            </>,
          ],
          [
            f('email'),
            <>
              {file.email}
              {same(file.email, other?.email)}
            </>,
          ],
          [
            f('address'),
            <>
              {file.details.address ?? '—'}
              {same(file.details.address, other?.details.address)}
            </>,
          ],
          [
            f('submittedAt'),
            claimant.submittedAt
              ? format.dateTime(claimant.submittedAt, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' })
              : '—',
          ],
          [f('total'), common('won', { amount: file.damagesTotalKrw })],
        ]}
      />
      <h3 className="text-sm font-semibold">{t('evidenceHashes')}</h3>
      <ul className="space-y-2">
        {file.evidence.map((item) => (
          <li key={item.id} className="text-sm">
            {item.label || item.originalFilename}
            {theirHashes.has(item.sha256) ? (
              <span className="ml-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t('same')}</span>
            ) : null}
            <Hash value={item.sha256} />
          </li>
        ))}
      </ul>
      {latest ? (
        <>
          <h3 className="text-sm font-semibold">{t('latestStatement')}</h3>
          <blockquote lang={latest.language} className="whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-sm">
            {latest.renderedText}
          </blockquote>
        </>
      ) : null}
    </Section>
  );
}

/** Compared as the blind indexes compare: phone digits, names and emails without case or spaces. */
function normalize(value: string): string {
  const digits = value.replace(/\D/g, '');
  return /^[+\d\s().-]+$/.test(value) ? digits.replace(/^82/, '0') : value.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}
