import type { Locale } from '@/lib/i18n/config';
import type { SupportReportData } from './support-report-data';

/**
 * Renders the one-page support report. Placeholder until the PDF renderer (lib/pdf
 * renderSupportReport) lands; the lead replaces this body at merge.
 */
export async function renderSupportReportPdf(data: SupportReportData, locale: Locale): Promise<Uint8Array> {
  void data;
  void locale;
  throw new Error('wired at merge');
}
