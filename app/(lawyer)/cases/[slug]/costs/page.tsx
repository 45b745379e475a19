import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, Card, FailureAlert, PageHeader, buttonClass } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { localized } from '@/lib/cases/queries';
import { type LoadedWorksheet, loadCostWorksheet } from '@/lib/costs/load-worksheet';
import { SERVICE_SCHEDULES, scheduleOn } from '@/lib/costs/rates';
import { describeScope } from '@/lib/costs/render';
import { costWorksheetQuerySchema, queryValues } from '@/lib/costs/schemas';
import { isAppError } from '@/lib/errors';
import { formatDay, formatWon } from '@/lib/filings/format';
import { fieldErrorKeys } from '@/lib/forms/zod-errors';
import { translateKey } from '@/lib/http/route';
import { toLocale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';
import { toKstDateInput } from '@/lib/forms/validators';
import { OptionsForm } from './options-form';
import { WorksheetTables } from './worksheet-tables';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The court-cost worksheet (lawyers and admins of the case): the options as a GET form, so a
 * worksheet is a link that can be kept, and the same link as a PDF. A refused option says what is
 * wrong next to the field; a case without claimants or defendants says what to do.
 */
export default async function CostsPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const access = await guardPage(() => requireCaseRole(slug, LAWYER_ROLES), `/cases/${slug}/costs`);
  const [t, locale] = await Promise.all([getTranslations('costs'), getLocale().then(toLocale)]);
  const translate = (key: string) => translateKey(getTranslator(locale), key);
  const values = queryValues(search);
  const parsed = costWorksheetQuerySchema.safeParse(values);
  let loaded: LoadedWorksheet | null = null;
  let refusal: { message: string; fieldErrors: Record<string, string> } | null = null;
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(Object.entries(fieldErrorKeys(parsed.error)).map(([field, key]) => [field, translate(key)]));
    refusal = { message: translate('errors.invalid_input'), fieldErrors };
  } else {
    try {
      loaded = await loadCostWorksheet(await getDb(), access.case, parsed.data);
    } catch (error) {
      // Only our own refusals become a message on the page; anything else is the error page's.
      if (!isAppError(error)) throw error;
      refusal = {
        message: translate(error.messageKey ?? `errors.${error.code}`),
        fieldErrors: Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([field, key]) => [field, translate(key)])),
      };
    }
  }
  const today = toKstDateInput(new Date());
  const schedule = scheduleOn(SERVICE_SCHEDULES, loaded?.worksheet.input.day ?? today);
  const pdfQuery = new URLSearchParams({ ...values, lang: locale });
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')}>
        <p className="text-sm font-medium text-brand-800">{localized(access.case, 'title', locale)}</p>
      </PageHeader>
      <Link href={`/cases/${slug}/filings`} className="inline-block text-sm font-medium text-brand-700 underline underline-offset-4">
        {getTranslator(locale)('filings.builder.back')}
      </Link>
      <Card aria-labelledby="cost-options-heading">
        <OptionsForm
          slug={slug}
          values={values}
          errors={refusal?.fieldErrors ?? {}}
          refusal={refusal ? <FailureAlert state={{ ok: false, ...refusal }} /> : null}
          today={today}
          perServiceHint={t('options.perServiceHint', {
            amount: formatWon(schedule.perServiceKrw, locale),
            from: formatDay(schedule.effectiveFrom, locale),
          })}
          courtNames={loaded ? t(`courtNames.${loaded.worksheet.court}`) : null}
          representatives={loaded?.worksheet.input.representativeCount ?? null}
        />
      </Card>
      {loaded ? (
        <>
          <WorksheetTables loaded={loaded} scope={describeScope(loaded, locale)} locale={locale} />
          <Alert tone="info">{t('disclaimer')}</Alert>
          <a
            href={`/api/cases/${slug}/costs/worksheet?${pdfQuery.toString()}`}
            className={buttonClass('secondary')}
            data-testid="worksheet-pdf"
          >
            {t('pdf')}
          </a>
        </>
      ) : null}
    </div>
  );
}
