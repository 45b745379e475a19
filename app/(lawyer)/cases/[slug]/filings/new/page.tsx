import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/app/_components/ui';
import { loadCostWorksheet } from '@/lib/costs/load-worksheet';
import { costWorksheetQuerySchema } from '@/lib/costs/schemas';
import { isAppError } from '@/lib/errors';
import { formatWon } from '@/lib/filings/format';
import { getDb } from '@/db/client';
import { LAWYER_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { guardPage } from '@/lib/auth/page-guard';
import { countVerifiedClaimants, listSelections } from '@/lib/filings/claimant-selection';
import { PART_LIMIT_MB } from '@/lib/filings/options';
import { toLocale } from '@/lib/i18n/config';
import { BuilderForm } from './builder-form';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The packet builder (lawyers and case admins). */
export default async function NewFilingPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const access = await guardPage(() => requireCaseRole(slug, LAWYER_ROLES), `/cases/${slug}/filings/new`);
  const db = await getDb();
  const [t, costs, locale, verified, selections, worksheet] = await Promise.all([
    getTranslations('filings.builder'),
    getTranslations('costs.builder'),
    getLocale().then(toLocale),
    countVerifiedClaimants(db, access.case.id),
    listSelections(db, access.case.id),
    // The costs of filing everyone not yet filed, known before building (issue 12): the usual options.
    loadCostWorksheet(db, access.case, costWorksheetQuerySchema.parse({})).catch((error: unknown) => {
      if (isAppError(error)) return null;
      throw error;
    }),
  ]);
  const won = (amount: number) => formatWon(amount, locale);
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      <Link href={`/cases/${slug}/filings`} className="inline-block text-sm font-medium text-brand-700 underline underline-offset-4">
        {t('back')}
      </Link>
      <Card aria-labelledby="costs-heading" className="space-y-2" data-testid="builder-costs">
        <h2 id="costs-heading" className="text-lg font-semibold">
          {costs('title')}
        </h2>
        <p className="text-sm text-slate-700">
          {worksheet
            ? costs('summary', {
                count: worksheet.worksheet.input.claimantCount,
                value: won(worksheet.worksheet.input.claimValueKrw),
                stamp: won(worksheet.worksheet.stamp.payableKrw),
                every: won(worksheet.worksheet.scenarios[0].serviceFee.totalKrw),
                representatives: worksheet.worksheet.input.representativeCount,
                appointed: won(worksheet.worksheet.scenarios[1].serviceFee.totalKrw),
              })
            : costs('unavailable')}
        </p>
        <Link href={`/cases/${slug}/costs`} className="inline-block text-sm font-medium text-brand-700 underline underline-offset-4">
          {costs('link')}
        </Link>
      </Card>
      <Card>
        <BuilderForm
          slug={slug}
          verifiedCount={verified}
          selections={selections.map((selection) => ({ id: selection.id, name: selection.name, size: selection.size }))}
          // `?selection=<id>` from a round's page; only a list of this case is taken.
          chosenSelectionId={selections.find((selection) => selection.id === search.selection)?.id}
          defaults={{
            format: access.case.jurisdiction === 'US' ? 'us' : 'kr',
            language: locale,
            batesPrefix: access.case.referencePrefix,
            batesStart: '1',
            maxPartMb: String(PART_LIMIT_MB.default),
          }}
        />
      </Card>
    </div>
  );
}
