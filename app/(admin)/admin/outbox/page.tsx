import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { requirePlatformAdmin } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { listOutbox } from '@/lib/mail/outbox';
import { MAIL_TEMPLATES } from '@/lib/mail/templates';
import { isMailPreviewAllowed } from '@/lib/mail/transport';

/**
 * The outbox: what was sent to whom and when. Contents (with their links) are shown only for the
 * dev mailbox of a local demo or development; a deployment keeps no body and no live token.
 */
export default async function OutboxPage() {
  await guardPage(() => requirePlatformAdmin(), '/admin/outbox');
  const [t, format, mails] = await Promise.all([
    getTranslations('admin.outbox'),
    getFormatter(),
    listOutbox(await getDb(), { limit: 200 }),
  ]);
  const canShowBodies = isMailPreviewAllowed();
  const templateName = (template: string) =>
    (MAIL_TEMPLATES as readonly string[]).includes(template) ? t(`templates.${template as (typeof MAIL_TEMPLATES)[number]}`) : template;
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} />
      <p className="text-sm text-slate-700">{canShowBodies ? t('previewNotice') : t('noBodies')}</p>
      {mails.length === 0 ? <Card>{t('empty')}</Card> : null}
      <ul className="space-y-3">
        {mails.map((mail) => (
          <li key={mail.id}>
            <Card className="space-y-2">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">{canShowBodies && mail.subject ? mail.subject : templateName(mail.template)}</h2>
                <span className="text-sm text-slate-600">
                  {t(`statuses.${mail.status}`)} ·{' '}
                  {format.dateTime(mail.sentAt ?? mail.createdAt, { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' })}
                </span>
              </div>
              <p className="text-sm text-slate-600">
                {t('to')}: {mail.toAddress}
              </p>
              {mail.attempts > 1 || mail.error ? (
                <p className="text-sm text-slate-600">
                  {t('attempts', { count: mail.attempts })}
                  {mail.error ? ` · ${t('lastError', { error: mail.error })}` : null}
                </p>
              ) : null}
              {canShowBodies && mail.textBody ? (
                <pre className="whitespace-pre-wrap break-all rounded-xl bg-slate-50 p-3 text-sm text-slate-800">{mail.textBody}</pre>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
