import { getTranslations } from 'next-intl/server';
import { Card, buttonClass } from '@/app/_components/ui';
import type { FilingAttachment } from '@/db/schema';
import { attachmentDownloadPath } from '@/lib/filings/attachment-downloads';
import { formatMegabytes } from '@/lib/filings/format';
import type { Locale } from '@/lib/i18n/config';

/** Attachments of one kind, in part order: one file, or several when it was split to fit the per-file limit. */
function groupByKind(attachments: readonly FilingAttachment[]): FilingAttachment[][] {
  const groups: FilingAttachment[][] = [];
  for (const attachment of attachments) {
    const last = groups[groups.length - 1];
    if (last?.[0].kind === attachment.kind) last.push(attachment);
    else groups.push([attachment]);
  }
  return groups;
}

/**
 * The files generated beside the parts (the proof of authority annex and its manifest …), each
 * with its hash and download; an attachment split into parts lists every part with its pages and size.
 */
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
      {groupByKind(attachments).map((parts) => {
        const { kind } = parts[0];
        return (
          <li key={kind}>
            <Card className="space-y-2" data-testid={`attachment-${kind}`}>
              <h3 className="font-semibold">{t(`attachments.kinds.${kind}`)}</h3>
              <p className="text-sm text-slate-700">{t(`attachments.leads.${kind}`)}</p>
              {parts.length > 1 ? <p className="text-sm text-slate-700">{t('attachments.splitLead', { parts: parts.length })}</p> : null}
              <ol className="space-y-3">
                {parts.map((attachment) => {
                  const size = formatMegabytes(attachment.byteSize, locale);
                  return (
                    <li key={attachment.id} className="space-y-2" data-testid={`attachment-${kind}-part-${attachment.part}`}>
                      <p className="text-sm text-slate-600">
                        {parts.length > 1 ? `${t('attachments.part', { part: attachment.part, parts: parts.length })} · ` : ''}
                        {attachment.fileName}
                        {attachment.pageCount ? ` · ${t('detail.pages', { count: attachment.pageCount })}` : ''} · {size}
                      </p>
                      <p className="break-all text-sm text-slate-600">
                        {t('detail.sha256')}: <code className="font-mono text-xs">{attachment.sha256}</code>
                      </p>
                      <a href={attachmentDownloadPath(slug, version, attachment)} download className={buttonClass('secondary')}>
                        {parts.length > 1
                          ? t('attachments.downloadPart', { part: attachment.part, parts: parts.length, size })
                          : t(`attachments.download.${kind}`, { size })}
                      </a>
                    </li>
                  );
                })}
              </ol>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
