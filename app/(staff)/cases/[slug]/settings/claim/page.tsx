import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/app/_components/action-form';
import { Card, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { CASE_ADMIN_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { CLAIM_TEMPLATES } from '@/lib/claims/definitions';
import {
  discardClaimDraftAction,
  importClaimDraftAction,
  publishClaimDraftAction,
  saveClaimSectionAction,
  startClaimDraftAction,
} from '@/lib/claims/editor/actions';
import { loadEditableDefinition } from '@/lib/claims/editor/draft-store';
import { issuesAtControls } from '@/lib/claims/editor/edit';
import { type Translate, controlNames } from '@/lib/claims/editor/field-specs';
import { buildSectionSpec } from '@/lib/claims/editor/section-specs';
import { EDITOR_SECTIONS, isPathInSection } from '@/lib/claims/editor/sections';
import { checkPublishable, listDefinitionVersions } from '@/lib/claims/store/definitions';
import { readLocalizedMessageKey } from '@/lib/forms/zod-errors';
import { ImportForm } from './_components/import-form';
import { SectionForm } from './_components/section-form';

type Props = { params: Promise<{ slug: string }> };

/**
 * The case's claim definition, edited by case admins: a draft edited section by section, checked
 * as publishing checks it, previewed as claimants will see it, compared with the published
 * versions, and published as the next version. Every action checks the role again.
 */
export default async function ClaimEditorPage({ params }: Props) {
  const { slug } = await params;
  const access = await guardPage(() => requireCaseRole(slug, CASE_ADMIN_ROLES), `/cases/${slug}/settings/claim`);
  const db = await getDb();
  const [t, locale, editable, versions] = await Promise.all([
    getTranslations('admin.claimEditor'),
    getLocale(),
    loadEditableDefinition(db, access.case),
    listDefinitionVersions(db, access.case.id),
  ]);
  const translate = t as unknown as Translate;
  const { draft, current } = editable;
  const definition = draft?.definition ?? current?.definition ?? null;
  const checked = definition ? checkPublishable(definition) : null;
  const issues = checked && !checked.ok ? checked.issues : [];
  const revision = draft ? `${draft.version}:${draft.updatedAt.toISOString()}` : `published:${current?.version ?? 0}`;
  const base = `/cases/${slug}/settings/claim`;
  const sourceOptions = [
    { value: 'blank', label: t('start.blank') },
    ...CLAIM_TEMPLATES.map((template) => ({ value: template.id, label: template.label[locale === 'en' ? 'en' : 'ko'] })),
    ...(current ? [{ value: 'current', label: t('start.current', { version: current.version }) }] : []),
  ];

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')}>
        <p>
          <Link href={`/cases/${slug}/settings`} className="font-semibold text-brand-700 underline underline-offset-2">
            {t('backToSettings')}
          </Link>
        </p>
      </PageHeader>

      <Card aria-labelledby="claim-status">
        <h2 id="claim-status" className="mb-2 text-lg font-semibold">
          {t('status.title')}
        </h2>
        <p className="mb-4 text-slate-700" data-testid="claim-status">
          {draft
            ? t('status.draft', { version: draft.version })
            : current
              ? t('status.published', { version: current.version })
              : t('status.none')}
        </p>
        {definition ? (
          <div className="flex flex-wrap gap-2">
            <Link className={buttonClass('secondary')} href={`${base}/preview?language=ko`}>
              {t('preview.linkKo')}
            </Link>
            <Link className={buttonClass('secondary')} href={`${base}/preview?language=en`}>
              {t('preview.linkEn')}
            </Link>
            {draft && current ? (
              <Link className={buttonClass('secondary')} href={`${base}/diff?from=${current.version}&to=draft`}>
                {t('diff.link')}
              </Link>
            ) : null}
            <a className={buttonClass('secondary')} href={`${base}/export${draft ? '' : `?version=${current?.version}`}`} download>
              {t('export.link')}
            </a>
          </div>
        ) : null}
      </Card>

      {draft ? (
        <Card aria-labelledby="claim-publish">
          <h2 id="claim-publish" className="mb-2 text-lg font-semibold">
            {t('publish.title')}
          </h2>
          {issues.length > 0 ? (
            <>
              <p className="mb-2 text-slate-700">{t('publish.issues', { count: issues.length })}</p>
              <ul className="mb-4 list-disc space-y-1 pl-5 text-sm text-rose-800" data-testid="claim-issues">
                {issues.map((issue, index) => (
                  <li key={`${issue.path}:${index}`}>
                    <code className="text-slate-700">{issue.path || t('publish.whole')}</code>{' '}
                    {issue.message[locale === 'en' ? 'en' : 'ko']}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mb-4 text-slate-700">{t('publish.ready')}</p>
          )}
          <p className="mb-4 text-sm text-slate-600">{t('publish.lead')}</p>
          <ActionForm action={publishClaimDraftAction.bind(null, slug)} submitLabel={t('publish.submit')} fields={[]} />
        </Card>
      ) : null}

      {definition
        ? EDITOR_SECTIONS.map((section) => {
            const spec = buildSectionSpec(translate, definition, section);
            const standing = issuesAtControls(
              issues.filter((issue) => isPathInSection(issue.path, section)),
              controlNames(spec.groups),
            );
            const standingErrors = Object.fromEntries(
              Object.entries(standing).map(([name, key]) => [name, readLocalizedMessageKey(key, locale) ?? key]),
            );
            return (
              <Card key={section} aria-labelledby={`section-${section}`}>
                <h2 id={`section-${section}`} className="mb-1 text-lg font-semibold">
                  {t(`sections.${section}`)}
                </h2>
                <p className="mb-4 text-sm text-slate-600">{t(`sectionLeads.${section}`)}</p>
                <SectionForm
                  action={saveClaimSectionAction.bind(null, slug, section)}
                  groups={spec.groups}
                  buttons={spec.buttons}
                  revision={revision}
                  standingErrors={standingErrors}
                />
              </Card>
            );
          })
        : null}

      <Card aria-labelledby="claim-start">
        <h2 id="claim-start" className="mb-2 text-lg font-semibold">
          {t('start.title')}
        </h2>
        <p className="mb-4 text-sm text-slate-600">{draft ? t('start.replaceLead') : t('start.lead')}</p>
        <ActionForm
          action={startClaimDraftAction.bind(null, slug)}
          submitLabel={t('start.submit')}
          fields={[{ kind: 'select', name: 'source', label: t('start.source'), defaultValue: 'blank', options: sourceOptions }]}
        />
        {draft ? (
          <div className="mt-4">
            <ActionForm action={discardClaimDraftAction.bind(null, slug)} submitLabel={t('start.discard')} variant="danger" fields={[]} />
          </div>
        ) : null}
      </Card>

      <Card aria-labelledby="claim-import">
        <h2 id="claim-import" className="mb-2 text-lg font-semibold">
          {t('import.title')}
        </h2>
        <ImportForm action={importClaimDraftAction.bind(null, slug)} />
      </Card>

      <Card aria-labelledby="claim-versions">
        <h2 id="claim-versions" className="mb-2 text-lg font-semibold">
          {t('versions.title')}
        </h2>
        {versions.length === 0 ? <p className="text-slate-600">{t('versions.empty')}</p> : null}
        <ul className="divide-y divide-slate-100">
          {versions.map((version, index) => {
            const previous = versions.slice(index + 1).find((item) => item.publishedAt);
            const to = version.publishedAt ? String(version.version) : 'draft';
            return (
              <li key={version.version} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <span>
                  {version.publishedAt
                    ? t('versions.published', { version: version.version, at: version.publishedAt.toISOString().slice(0, 10) })
                    : t('versions.draft', { version: version.version })}
                </span>
                <span className="flex flex-wrap gap-3 text-sm">
                  {previous ? (
                    <Link className="font-semibold text-brand-700 underline" href={`${base}/diff?from=${previous.version}&to=${to}`}>
                      {t('versions.diff', { version: previous.version })}
                    </Link>
                  ) : null}
                  <a
                    className="font-semibold text-brand-700 underline"
                    href={`${base}/export${version.publishedAt ? `?version=${version.version}` : ''}`}
                    download
                  >
                    {t('export.link')}
                  </a>
                </span>
              </li>
            );
          })}
        </ul>
      </Card>
    </div>
  );
}
