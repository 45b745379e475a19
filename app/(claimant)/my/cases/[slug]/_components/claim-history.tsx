import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/app/_components/ui';
import type { ClaimantMessage, Statement } from '@/db/schema';
import type { TimelineEntry } from '@/lib/claimants/home';

/** The status timeline, the thread with counsel and the signed statement versions. */
export async function ClaimHistory({
  timeline,
  messages,
  statementVersions,
}: {
  timeline: TimelineEntry[];
  messages: ClaimantMessage[];
  statementVersions: Statement[];
}) {
  const [t, format] = await Promise.all([getTranslations('claimant.case'), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' });
  return (
    <>
      <Card aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="mb-3 text-lg font-semibold">
          {t('timelineTitle')}
        </h2>
        <ol className="relative space-y-4 border-l-2 border-brand-200 pl-5" data-testid="status-timeline">
          {timeline.map((entry, index) => (
            <li key={`${entry.kind}-${index}`} className="relative">
              <span aria-hidden className="absolute -left-[27px] top-1.5 h-3 w-3 rounded-full bg-brand-500" />
              <p className="font-medium">{t(`timeline.${entry.kind}`)}</p>
              {entry.filing ? (
                <>
                  <p className="text-sm text-slate-700">
                    {t('timelineFiling', { court: entry.filing.court, caseNumber: entry.filing.courtCaseNumber })}
                  </p>
                  <p className="text-sm text-slate-600">
                    <time dateTime={entry.filing.filedOn}>{format.dateTime(entry.at, { dateStyle: 'long', timeZone: 'Asia/Seoul' })}</time>
                  </p>
                </>
              ) : (
                <p className="text-sm text-slate-600">
                  <time dateTime={entry.at.toISOString()}>{when(entry.at)}</time>
                </p>
              )}
              {entry.reason ? <p className="text-sm text-slate-700">{entry.reason}</p> : null}
            </li>
          ))}
        </ol>
      </Card>

      {messages.length ? (
        <Card aria-labelledby="messages-title">
          <h2 id="messages-title" className="mb-3 text-lg font-semibold">
            {t('messagesTitle')}
          </h2>
          <ol className="space-y-3">
            {messages.map((message) => (
              <li key={message.id} className={`rounded-xl p-3 ${message.direction === 'to_claimant' ? 'bg-amber-50' : 'ml-6 bg-brand-50'}`}>
                <p className="text-xs font-semibold text-slate-600">
                  {t(message.direction === 'to_claimant' ? 'fromCounsel' : 'fromYou')} ·{' '}
                  <time dateTime={message.createdAt.toISOString()}>{when(message.createdAt)}</time>
                </p>
                <p className="mt-1 whitespace-pre-wrap text-slate-800">{message.body}</p>
              </li>
            ))}
          </ol>
        </Card>
      ) : null}

      {statementVersions.length ? (
        <Card aria-labelledby="statements-title">
          <h2 id="statements-title" className="mb-3 text-lg font-semibold">
            {t('statementsTitle')}
          </h2>
          <ul className="space-y-2 text-sm">
            {statementVersions.map((statement, index) => (
              <li key={statement.id}>
                <details>
                  <summary className="min-h-11 cursor-pointer py-2 font-medium">
                    {t('statementVersion', { version: statement.version, date: when(statement.signedAt) })}
                    {index === 0 ? ` · ${t('current')}` : ` · ${t('superseded')}`}
                  </summary>
                  <div className="whitespace-pre-wrap rounded-xl bg-slate-50 p-3 font-serif">{statement.renderedText}</div>
                  <p className="mt-1 break-all text-xs text-slate-500">SHA-256 {statement.textSha256}</p>
                </details>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
