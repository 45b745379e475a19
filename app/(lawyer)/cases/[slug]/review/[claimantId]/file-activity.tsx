import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ClaimantFile } from '@/lib/reviews/claimant-file';
import { Section } from '../_ui';
import { AssignForm } from './assign-form';
import { NoteForm } from './note-form';

/** The side column: signals, the thread with the claimant, review history, internal notes, assignment. */
export async function FileActivity({ slug, file, lawyers }: { slug: string; file: ClaimantFile; lawyers: { id: string; name: string }[] }) {
  const [t, common, duplicates, format] = await Promise.all([
    getTranslations('review.file'),
    getTranslations('common'),
    getTranslations('review.duplicates'),
    getFormatter(),
  ]);
  const when = (value: Date) => format.dateTime(value, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  return (
    <div className="space-y-5">
      <Section id="flags" title={t('flags')}>
        {file.flags.length === 0 ? <p className="text-sm text-slate-600">{t('noFlags')}</p> : null}
        <ul className="space-y-2">
          {file.flags.map(({ flag, otherReference, otherName, otherStatus }) => (
            <li
              key={flag.id}
              className={`rounded-xl border p-3 text-sm ${flag.status === 'open' ? 'border-amber-300 bg-amber-50' : 'border-slate-200'}`}
            >
              <p className="font-semibold">
                {duplicates(`reasons.${flag.reason}`)}{' '}
                <span className="font-normal text-slate-600">· {t(`flagStatuses.${flag.status}`)}</span>
              </p>
              <p>
                {flag.otherClaimantId
                  ? t('flagWith', {
                      reference: otherReference ?? '—',
                      name: otherName ?? '',
                      status: otherStatus ? common(`statuses.${otherStatus}`) : '',
                    })
                  : t('flagBurst', { signups: Number((flag.detail as { signups?: number } | null)?.signups ?? 0) })}
              </p>
              {flag.status === 'open' ? (
                <Link href={`/cases/${slug}/review/duplicates/${flag.id}`} className="font-medium text-brand-700 underline">
                  {t('compare')}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="messages" title={t('messages')}>
        {file.messages.length === 0 ? <p className="text-sm text-slate-600">{t('noMessages')}</p> : null}
        <ol className="space-y-2">
          {file.messages.map(({ message, authorName }) => (
            <li
              key={message.id}
              className={`rounded-xl p-3 text-sm ${message.direction === 'to_claimant' ? 'bg-brand-50' : 'bg-slate-100'}`}
            >
              <p className="text-xs text-slate-600">
                {message.direction === 'to_claimant' ? t('toClaimant') : t('fromClaimant')} · {authorName ?? ''} · {when(message.createdAt)}
              </p>
              <p className="whitespace-pre-wrap">{message.body}</p>
            </li>
          ))}
        </ol>
      </Section>
      <Section id="history" title={t('history')}>
        {file.history.length === 0 ? <p className="text-sm text-slate-600">{t('noHistory')}</p> : null}
        <ol className="space-y-2 text-sm">
          {file.history.map(({ review, reviewerName }) => (
            <li key={review.id}>
              <p>
                <span className="font-medium">
                  {t('historyEntry', { from: common(`statuses.${review.fromStatus}`), to: common(`statuses.${review.toStatus}`) })}
                </span>{' '}
                <span className="text-slate-600">
                  · {t('by', { name: reviewerName ?? '—' })} · {when(review.createdAt)}
                </span>
              </p>
              {review.reason ? <p className="whitespace-pre-wrap text-slate-700">{review.reason}</p> : null}
            </li>
          ))}
        </ol>
      </Section>
      <Section id="notes" title={t('notes')} lead={t('notesHint')}>
        {file.notes.length === 0 ? <p className="text-sm text-slate-600">{t('noNotes')}</p> : null}
        <ol className="space-y-2">
          {file.notes.map(({ note, authorName }) => (
            <li key={note.id} className="rounded-xl bg-yellow-50 p-3 text-sm">
              <p className="text-xs text-slate-600">
                {authorName ?? '—'} · {when(note.createdAt)}
              </p>
              <p className="whitespace-pre-wrap">{note.body}</p>
            </li>
          ))}
        </ol>
        <NoteForm slug={slug} claimantId={file.claimant.id} />
      </Section>
      <Section id="assignment" title={t('assignment')}>
        <AssignForm slug={slug} claimantId={file.claimant.id} current={file.claimant.assignedLawyerId} lawyers={lawyers} />
      </Section>
    </div>
  );
}
