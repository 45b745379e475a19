import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { requirePlatformAdmin } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { listDeadLetters } from '@/lib/jobs/dead-letters';
import { RetryJobForm } from './retry-job-form';

/** Dead letters: jobs that failed for good, with their last error and a retry button. */
export default async function DeadJobsPage() {
  await guardPage(() => requirePlatformAdmin(), '/admin/jobs');
  const [t, format, deadJobs] = await Promise.all([getTranslations('admin.jobs'), getFormatter(), listDeadLetters(await getDb())]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} />
      <p className="text-sm text-slate-700">{t('lead')}</p>
      {deadJobs.length === 0 ? <Card>{t('empty')}</Card> : null}
      <ul className="space-y-3">
        {deadJobs.map((job) => (
          <li key={job.id}>
            <Card className="space-y-2">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-mono font-semibold">{job.kind}</h2>
                <span className="text-sm text-slate-600">
                  {format.dateTime(job.finishedAt ?? job.createdAt, { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' })}
                </span>
              </div>
              <p id={`job-${job.id}-error`} className="text-sm text-slate-700">
                {t('attempts', { attempts: job.attempts, max: job.maxAttempts })} · {t('lastError', { error: job.lastError ?? '—' })}
              </p>
              <RetryJobForm jobId={job.id} label={t('retry')} describedBy={`job-${job.id}-error`} />
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
