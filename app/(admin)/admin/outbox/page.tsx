import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { requirePlatformAdmin } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { listOutbox } from '@/lib/mail/outbox';

/** The dev outbox: mails kept while no SMTP server is configured (and the log of sent ones). */
export default async function OutboxPage() {
  await guardPage(() => requirePlatformAdmin(), '/admin/outbox');
  const [t, format, mails] = await Promise.all([
    getTranslations('admin.outbox'),
    getFormatter(),
    listOutbox(await getDb(), { limit: 200 }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} />
      {mails.length === 0 ? <Card>{t('empty')}</Card> : null}
      <ul className="space-y-3">
        {mails.map((mail) => (
          <li key={mail.id}>
            <Card className="space-y-2">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">{mail.subject}</h2>
                <span className="text-sm text-slate-600">
                  {t(`statuses.${mail.status}`)} ·{' '}
                  {format.dateTime(mail.createdAt, { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' })}
                </span>
              </div>
              <p className="text-sm text-slate-600">
                {t('to')}: {mail.toAddress}
              </p>
              <pre className="whitespace-pre-wrap break-all rounded-xl bg-slate-50 p-3 text-sm text-slate-800">{mail.textBody}</pre>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
