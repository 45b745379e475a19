import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { formatDay } from '@/lib/filings/format';
import { toLocale } from '@/lib/i18n/config';
import { countPerRound } from '@/lib/rounds/queries';

/**
 * How many claimants each filing round includes and how many of them are filed: counts only, so
 * the public case page and the organizers' dashboard can both show it. Nothing until a round opens.
 */
export async function RoundCounts({ caseId }: { caseId: string }) {
  const rounds = await countPerRound(await getDb(), caseId);
  if (rounds.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations('rounds'), getLocale().then(toLocale)]);
  const number = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US');
  return (
    <Card aria-labelledby="round-counts" className="space-y-2" data-testid="round-counts">
      <h2 id="round-counts" className="text-lg font-semibold">
        {t('public.title')}
      </h2>
      <ul className="space-y-1 text-sm text-slate-800">
        {rounds.map((round) => (
          <li key={round.number}>
            {t('public.line', {
              name: round.name,
              cutoff: formatDay(round.cutoffOn, locale),
              members: number.format(round.members),
              filed: number.format(round.filed),
            })}
          </li>
        ))}
      </ul>
    </Card>
  );
}
