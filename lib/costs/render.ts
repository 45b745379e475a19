import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';
import { renderCostWorksheet } from './render-cost-worksheet';
import type { LoadedWorksheet } from './load-worksheet';

/** Which claimants the worksheet adds up, as the reader says it. */
export function describeScope(loaded: Pick<LoadedWorksheet, 'version'>, locale: Locale): string {
  const t = getTranslator(locale);
  return loaded.version === null ? t('costs.scope.unfiled') : t('costs.scope.version', { version: loaded.version });
}

/** Maps a loaded worksheet onto the pure PDF renderer. */
export function renderCostWorksheetPdf(loaded: LoadedWorksheet, caseTitle: string, locale: Locale, now = new Date()): Promise<Uint8Array> {
  return renderCostWorksheet({ caseTitle, scope: describeScope(loaded, locale), worksheet: loaded.worksheet }, { language: locale, now });
}
