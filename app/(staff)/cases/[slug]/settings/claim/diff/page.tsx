import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { CASE_ADMIN_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { diffDefinitions } from '@/lib/claims/diff';
import { loadDraft } from '@/lib/claims/editor/draft-store';
import { loadPublishedDefinition } from '@/lib/claims/store/definitions';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ from?: string; to?: string }> };

/** What changes between two versions of the case's definition (`to=draft` for the draft): what claimants will be told. */
export default async function ClaimDiffPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const access = await guardPage(() => requireCaseRole(slug, CASE_ADMIN_ROLES), `/cases/${slug}/settings/claim/diff`);
  const db = await getDb();
  const [t, locale] = await Promise.all([getTranslations('admin.claimEditor'), getLocale()]);
  const load = async (value: string | undefined) => {
    if (value === 'draft') return (await loadDraft(db, access.case.id))?.definition ?? null;
    const version = Number(value);
    return Number.isInteger(version) && version > 0
      ? ((await loadPublishedDefinition(db, access.case.id, version))?.definition ?? null)
      : null;
  };
  const [from, to] = await Promise.all([load(query.from), load(query.to)]);
  const changes = from && to ? diffDefinitions(from, to) : null;
  const language = locale === 'en' ? 'en' : 'ko';
  const label = (value: string | undefined) => (value === 'draft' ? t('diff.draft') : t('diff.version', { version: value ?? '' }));

  return (
    <div className="space-y-6">
      <PageHeader title={t('diff.title')} lead={changes ? t('diff.lead', { from: label(query.from), to: label(query.to) }) : undefined}>
        <p>
          <Link href={`/cases/${slug}/settings/claim`} className="font-semibold text-brand-700 underline underline-offset-2">
            {t('backToEditor')}
          </Link>
        </p>
      </PageHeader>
      <Card aria-labelledby="changes">
        <h2 id="changes" className="mb-3 text-lg font-semibold">
          {t('diff.changes')}
        </h2>
        {changes === null ? <p className="text-slate-700">{t('diff.missing')}</p> : null}
        {changes && changes.length === 0 ? <p className="text-slate-700">{t('diff.none')}</p> : null}
        {changes && changes.length > 0 ? (
          <ul className="divide-y divide-slate-100" data-testid="claim-diff">
            {changes.map((change, index) => (
              <li key={`${change.path}:${index}`} className="py-2">
                <span className="mr-2 rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">
                  {t(`diff.kinds.${change.change}`)}
                </span>
                {change.message[language]} <code className="text-sm text-slate-600">{change.path}</code>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
    </div>
  );
}
