'use client';

import { useTranslations } from 'next-intl';
import { Button, Card, PageHeader } from './_components/ui';

/** Shown instead of a stack trace when a page fails; the details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  const common = useTranslations('common.actions');
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader title={t('errorTitle')} lead={t('errorBody')} />
      <Card>
        <Button type="button" onClick={reset}>
          {common('retry')}
        </Button>
      </Card>
    </div>
  );
}
