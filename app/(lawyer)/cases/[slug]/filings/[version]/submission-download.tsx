import { getTranslations } from 'next-intl/server';
import { Card, buttonClass } from '@/app/_components/ui';
import { formatMegabytes } from '@/lib/filings/format';
import type { Locale } from '@/lib/i18n/config';

/** The whole submission as one zip in upload order; its size is the files' sum (the zip adds a few bytes per entry). */
export async function SubmissionDownload({
  slug,
  version,
  byteSizes,
  locale,
}: {
  slug: string;
  version: number;
  byteSizes: readonly number[];
  locale: Locale;
}) {
  const t = await getTranslations('filings');
  const size = formatMegabytes(
    byteSizes.reduce((sum, bytes) => sum + bytes, 0),
    locale,
  );
  return (
    <section aria-labelledby="submission-heading" data-testid="submission">
      <Card className="space-y-3">
        <h2 id="submission-heading" className="text-xl font-semibold">
          {t('submission.title')}
        </h2>
        <p className="text-sm text-slate-600">{t('submission.lead')}</p>
        <a href={`/api/cases/${slug}/filings/${version}/submission`} download className={buttonClass('primary')}>
          {t('submission.download', { size })}
        </a>
      </Card>
    </section>
  );
}
