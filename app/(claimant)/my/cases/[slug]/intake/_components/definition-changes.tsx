import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui';
import type { DefinitionChangeNotice } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';

/** After counsel published a new version of the claim form: what that changed in this draft. */
export async function DefinitionChangesNotice({ notice, locale }: { notice: DefinitionChangeNotice | null; locale: Locale }) {
  if (!notice || notice.changes.length === 0) return null;
  const t = await getTranslations('intake.wizard');
  return (
    <Alert tone="info" role="status">
      <p className="font-semibold">{t('definitionChanged', { version: notice.toVersion })}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="definition-changes">
        {notice.changes.map((change) => (
          <li key={`${change.path}:${change.change}`}>{change.message[locale]}</li>
        ))}
      </ul>
    </Alert>
  );
}
