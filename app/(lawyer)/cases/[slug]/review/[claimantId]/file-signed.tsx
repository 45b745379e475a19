import { getFormatter, getTranslations } from 'next-intl/server';
import type { ClaimantFile } from '@/lib/reviews/claimant-file';
import { Facts, Hash, Section } from '../_ui';

/** Signed statements (every version, with what changed) and consents with their signing records. */
export async function FileSigned({ file }: { file: ClaimantFile }) {
  const [t, format] = await Promise.all([getTranslations('review.file'), getFormatter()]);
  const when = (value: Date) => format.dateTime(value, { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' });
  const versions = [...file.statements].reverse();
  return (
    <>
      <Section id="statements" title={t('statements')}>
        {versions.length === 0 ? <p className="text-sm text-slate-600">{t('noStatements')}</p> : null}
        <ol className="space-y-4">
          {versions.map(({ statement, changes }) => (
            <li key={statement.id} className="space-y-3 rounded-xl border border-slate-200 p-4">
              <h3 className="font-semibold">{t('statementVersion', { version: statement.version })}</h3>
              <p className="text-sm text-slate-600">{t('signedBy', { name: statement.signerName, at: when(statement.signedAt) })}</p>
              <p className="break-words text-xs text-slate-600">
                {t('signedFrom', { ip: statement.signerIp, userAgent: statement.signerUserAgent })}
              </p>
              <blockquote lang={statement.language} className="whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-sm leading-relaxed">
                {statement.renderedText}
              </blockquote>
              <div>
                <p className="text-xs font-medium text-slate-600">{t('textHash')}</p>
                <Hash value={statement.textSha256} />
              </div>
              {changes ? (
                <details className="rounded-lg border border-amber-200 bg-amber-50/60 p-3" open>
                  <summary className="cursor-pointer text-sm font-semibold">{t('changes', { version: statement.version - 1 })}</summary>
                  <div className="mt-3 space-y-3">
                    <h4 className="text-sm font-medium">{t('answerChanges')}</h4>
                    {changes.answers.length === 0 ? (
                      <p className="text-sm text-slate-600">{t('noAnswerChanges')}</p>
                    ) : (
                      <table className="w-full text-left text-sm">
                        <thead className="text-slate-600">
                          <tr>
                            <th scope="col" className="pr-3 font-medium">
                              {t('answer')}
                            </th>
                            <th scope="col" className="pr-3 font-medium">
                              {t('before')}
                            </th>
                            <th scope="col" className="font-medium">
                              {t('after')}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {changes.answers.map((change) => (
                            <tr key={change.key}>
                              <th scope="row" className="pr-3 font-mono text-xs font-normal">
                                {change.key}
                              </th>
                              <td className="pr-3">{change.before ?? '—'}</td>
                              <td>{change.after ?? '—'}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    )}
                    <h4 className="text-sm font-medium">{t('textChanges')}</h4>
                    <p lang={statement.language} className="whitespace-pre-wrap text-sm leading-relaxed">
                      {changes.text.map((part, index) =>
                        part.kind === 'same' ? (
                          <span key={index}>{part.text}</span>
                        ) : part.kind === 'removed' ? (
                          <del key={index} className="bg-rose-100 text-rose-900">
                            {part.text}
                          </del>
                        ) : (
                          <ins key={index} className="bg-emerald-100 text-emerald-900">
                            {part.text}
                          </ins>
                        ),
                      )}
                    </p>
                  </div>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      </Section>
      <Section id="consents" title={t('consents')}>
        {file.consents.length === 0 ? <p className="text-sm text-slate-600">{t('noConsents')}</p> : null}
        <ul className="space-y-3">
          {file.consents.map(({ consent, title, locale }) => (
            <li key={consent.id} className="space-y-2 rounded-xl border border-slate-200 p-4">
              <h3 className="font-semibold">
                {t(`consentKinds.${consent.kind}`)} <span className="font-normal text-slate-600">· {title}</span>
              </h3>
              <Facts
                items={[
                  [
                    t('documentVersion', { version: consent.documentVersion, locale }),
                    t('signedBy', { name: consent.signerName, at: when(consent.signedAt) }),
                  ],
                  ['IP · UA', `${consent.signerIp} · ${consent.signerUserAgent}`],
                  [t('textHash'), <Hash key="hash" value={consent.textSha256} />],
                  ...(consent.revokedAt ? ([[t('revoked', { at: when(consent.revokedAt) }), '']] as [string, string][]) : []),
                ]}
              />
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
