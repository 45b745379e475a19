import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { QuestionStepForm } from '@/app/(claimant)/my/cases/[slug]/intake/_components/question-step-form';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { CASE_ADMIN_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { loadEditableDefinition } from '@/lib/claims/editor/draft-store';
import { evidenceKindsFor } from '@/lib/claims/missing';
import { renderStatement } from '@/lib/claims/statement';
import { TIME_ZONE } from '@/lib/i18n/config';
import { loadMessages } from '@/lib/i18n/messages';
import { PreviewFrame } from '../_components/preview-frame';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ language?: string; step?: string; category?: string }> };

/**
 * The draft (or the published version) as a claimant sees it, in Korean or English: the wizard's
 * own step form for one step and one category, the evidence asked and the statement as it
 * prints with no answers yet. Answers can be tried; nothing is saved.
 */
export default async function ClaimPreviewPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const access = await guardPage(() => requireCaseRole(slug, CASE_ADMIN_ROLES), `/cases/${slug}/settings/claim/preview`);
  const t = await getTranslations('admin.claimEditor');
  const { draft, current } = await loadEditableDefinition(await getDb(), access.case);
  const definition = draft?.definition ?? current?.definition;
  const base = `/cases/${slug}/settings/claim`;
  // `language`, not `lang`: `?lang=` switches the reader's own language (proxy.ts), and a prefetched link would.
  const lang = query.language === 'en' ? 'en' : 'ko';
  if (!definition)
    return (
      <div className="space-y-6">
        <PageHeader title={t('preview.title')} lead={t('status.none')} />
      </div>
    );
  const category = definition.categories.find((item) => item.id === query.category) ?? definition.categories[0];
  const step = definition.steps.find((item) => item.id === query.step) ?? definition.steps[0];
  const href = (change: { language?: string; step?: string; category?: string }) =>
    `${base}/preview?${new URLSearchParams({ language: lang, step: step.id, category: category.id, ...change }).toString()}`;
  const state = { category: category.id, answers: {} };
  const statement = renderStatement(definition, { ...state, caseTitle: lang === 'en' ? access.case.titleEn : access.case.titleKo }, lang);
  const evidence = evidenceKindsFor(definition, state);

  return (
    <div className="space-y-6">
      <PageHeader title={t('preview.title')} lead={t('preview.lead')}>
        <p>
          <Link href={base} className="font-semibold text-brand-700 underline underline-offset-2">
            {t('backToEditor')}
          </Link>
        </p>
      </PageHeader>
      <Card aria-labelledby="preview-choose">
        <h2 id="preview-choose" className="mb-3 text-lg font-semibold">
          {t('preview.choose')}
        </h2>
        <nav aria-label={t('preview.language')} className="mb-3 flex flex-wrap gap-3">
          {(['ko', 'en'] as const).map((item) => (
            <Link
              key={item}
              href={href({ language: item })}
              aria-current={item === lang ? 'page' : undefined}
              className="font-semibold text-brand-700 underline aria-[current=page]:text-ink aria-[current=page]:no-underline"
            >
              {t(`preview.languages.${item}`)}
            </Link>
          ))}
        </nav>
        <nav aria-label={t('preview.categories')} className="mb-3 flex flex-wrap gap-3">
          {definition.categories.map((item) => (
            <Link
              key={item.id}
              href={href({ category: item.id })}
              aria-current={item.id === category.id ? 'page' : undefined}
              className="font-semibold text-brand-700 underline aria-[current=page]:text-ink aria-[current=page]:no-underline"
            >
              {item.label[lang]}
            </Link>
          ))}
        </nav>
        <nav aria-label={t('preview.steps')} className="flex flex-wrap gap-3">
          {definition.steps.map((item) => (
            <Link
              key={item.id}
              href={href({ step: item.id })}
              aria-current={item.id === step.id ? 'page' : undefined}
              className="font-semibold text-brand-700 underline aria-[current=page]:text-ink aria-[current=page]:no-underline"
            >
              {item.title[lang]}
            </Link>
          ))}
        </nav>
      </Card>
      <Card aria-labelledby="preview-step" lang={lang}>
        <h2 id="preview-step" className="mb-1 text-lg font-semibold">
          {step.title[lang]}
        </h2>
        {step.lead ? <p className="mb-4 text-slate-600">{step.lead[lang]}</p> : null}
        <NextIntlClientProvider locale={lang} messages={loadMessages(lang)} timeZone={TIME_ZONE}>
          <PreviewFrame lang={lang}>
            <QuestionStepForm
              key={`${lang}:${step.id}:${category.id}`}
              caseSlug={slug}
              claimantId={`editor-preview:${slug}:${draft ? `draft-${draft.version}` : `v${current?.version}`}`}
              definition={definition}
              stepId={step.id}
              category={category.id}
              savedAnswers={{}}
              defaults={{}}
              locale={lang}
              backHref={base}
            />
          </PreviewFrame>
        </NextIntlClientProvider>
      </Card>
      <Card aria-labelledby="preview-evidence" lang={lang}>
        <h2 id="preview-evidence" className="mb-3 text-lg font-semibold">
          {t('preview.evidence')}
        </h2>
        {evidence.length === 0 ? <p className="text-slate-600">{t('preview.noEvidence')}</p> : null}
        <ul className="list-disc space-y-1 pl-5">
          {evidence.map((item) => (
            <li key={item.kind.id}>
              {item.kind.label[lang]} — {item.requirement.required ? t('preview.required', { min: item.min }) : t('preview.optional')}
            </li>
          ))}
        </ul>
      </Card>
      <Card aria-labelledby="preview-statement" lang={lang}>
        <h2 id="preview-statement" className="mb-3 text-lg font-semibold">
          {t('preview.statement')}
        </h2>
        <pre className="whitespace-pre-wrap font-sans text-sm text-slate-800">{statement}</pre>
      </Card>
    </div>
  );
}
