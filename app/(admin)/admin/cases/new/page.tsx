import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/app/_components/action-form';
import { Card, PageHeader } from '@/app/_components/ui';
import { requirePlatformAdmin } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { createCaseAction } from '@/lib/cases/actions';
import { caseDetailsFields } from '@/lib/cases/settings-fields';

export default async function NewCasePage() {
  await guardPage(() => requirePlatformAdmin(), '/admin/cases/new');
  const t = await getTranslations('admin');
  const translate = t as unknown as (key: string) => string;
  return (
    <div className="space-y-6">
      <PageHeader title={t('cases.newTitle')} lead={t('cases.newLead')} />
      <Card>
        <ActionForm
          action={createCaseAction}
          submitLabel={t('cases.create')}
          columns={2}
          fields={[
            { kind: 'text', name: 'slug', label: t('cases.slug'), hint: t('cases.slugHint'), isRequired: true },
            {
              kind: 'text',
              name: 'referencePrefix',
              label: t('cases.referencePrefix'),
              hint: t('cases.referencePrefixHint'),
              isRequired: true,
            },
            ...caseDetailsFields(translate),
          ]}
        />
      </Card>
    </div>
  );
}
