import { getTranslations } from 'next-intl/server';
import { Card, buttonClass } from '@/app/_components/ui';
import type { FilingAttachment } from '@/db/schema';
import { formatMegabytes } from '@/lib/filings/format';
import type { Locale } from '@/lib/i18n/config';

/** The files generated beside the parts (the proof of authority annex and its manifest), each with its hash and download. */
export async function AttachmentsList({
  slug,
  version,
  attachments,
  locale,
}: {
  slug: string;
  version: number;
  attachments: FilingAttachment[];
  locale: Locale;
}) {
  const t = await getTranslations('filings');
  return (
    <ul className="space-y-4">
      {attachments.map((attachment) => {
        const size = formatMegabytes(attachment.byteSize, locale);
        return (
          <li key={attachment.id}>
            <Card className="space-y-2" data-testid={`attachment-${attachment.kind}`}>
              <h3 className="font-semibold">{t(`attachments.kinds.${attachment.kind}`)}</h3>
              <p className="text-sm text-slate-700">{t(`attachments.leads.${attachment.kind}`)}</p>
              <p className="text-sm text-slate-600">
                {attachment.fileName}
                {attachment.pageCount ? ` · ${t('detail.pages', { count: attachment.pageCount })}` : ''} · {size}
              </p>
              <p className="break-all text-sm text-slate-600">
                {t('detail.sha256')}: <code className="font-mono text-xs">{attachment.sha256}</code>
              </p>
              <a
                href={`/api/cases/${slug}/filings/${version}/attachments/${attachment.kind}`}
                download
                className={buttonClass('secondary')}
              >
                {t(`attachments.download.${attachment.kind}`, { size })}
              </a>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
