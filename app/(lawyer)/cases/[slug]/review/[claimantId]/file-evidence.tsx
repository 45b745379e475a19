import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { buttonClass } from '@/app/_components/ui';
import { toKstDateInput } from '@/lib/forms/validators';
import { toLocale } from '@/lib/i18n/config';
import { definitionLabel } from '@/lib/reviews/claim-answers';
import type { ClaimantFile } from '@/lib/reviews/claimant-file';
import { Hash, Section } from '../_ui';
import { ExhibitFieldsForm } from './exhibit-fields-form';

/**
 * Evidence with previews: images in place, PDFs in the browser's own viewer through an iframe on
 * the authorized inline route (the only route our pages may frame), each with its SHA-256 and a
 * download. Every preview and download is an audited request.
 */
export async function FileEvidence({ slug, file }: { slug: string; file: ClaimantFile }) {
  const [t, format, locale] = await Promise.all([getTranslations('review.file'), getFormatter(), getLocale().then(toLocale)]);
  const kinds = file.claim?.definition.evidenceKinds;
  const base = `/api/cases/${slug}/claimants/${file.claimant.id}/evidence`;
  const today = toKstDateInput(new Date());
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`
      : `${format.number(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return (
    <Section id="evidence" title={t('evidence')}>
      {file.evidence.length === 0 ? <p className="text-sm text-slate-600">{t('noEvidence')}</p> : null}
      <ul className="space-y-4">
        {file.evidence.map((item) => {
          const label = item.label || item.originalFilename;
          const inline = `${base}/${item.id}/inline`;
          return (
            <li key={item.id} className="space-y-3 rounded-xl border border-slate-200 p-4" data-testid="evidence-item">
              <div>
                <h3 className="font-semibold">
                  {label} <span className="font-normal text-slate-600">· {definitionLabel(kinds, item.kind, locale)}</span>
                </h3>
                <p className="break-all text-sm text-slate-600">
                  {t('fileFacts', { filename: item.originalFilename, type: item.detectedMime, size: size(item.byteSize) })}
                </p>
                {item.note ? <p className="text-sm">{item.note}</p> : null}
              </div>
              {item.detectedMime.startsWith('image/') ? (
                // eslint-disable-next-line @next/next/no-img-element -- authorized, audited, never optimised or cached by Next
                <img
                  src={inline}
                  alt={t('preview', { label })}
                  loading="lazy"
                  className="max-h-96 w-auto max-w-full rounded-lg border border-slate-200"
                />
              ) : item.detectedMime === 'application/pdf' ? (
                <iframe
                  src={inline}
                  title={t('preview', { label })}
                  className="h-[28rem] w-full rounded-lg border border-slate-200 bg-slate-100"
                />
              ) : null}
              <div>
                <p className="text-xs font-medium text-slate-600">{t('sha256')}</p>
                <Hash value={item.sha256} />
              </div>
              <ExhibitFieldsForm
                slug={slug}
                claimantId={file.claimant.id}
                evidenceId={item.id}
                current={{ label, documentAuthor: item.documentAuthor, documentDate: item.documentDate, provesWhat: item.provesWhat }}
                today={today}
              />
              <div className="flex flex-wrap gap-2">
                <a href={`${base}/${item.id}/download`} className={buttonClass('secondary')} download>
                  {t('download')}
                </a>
                <a href={inline} target="_blank" rel="noopener" className={buttonClass('ghost')}>
                  {t('openInTab')}
                </a>
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
