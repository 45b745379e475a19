import { CSV_BOM, csvLine } from '@/lib/metrics/exports/csv';
import { formatDate } from '@/lib/pdf/format';
import { Flow } from '@/lib/pdf/layout/flow';
import { PdfBuilder } from '@/lib/pdf/layout/pdf-builder';
import { documentStyles } from '@/lib/pdf/layout/styles';
import { type TableColumn, drawTable } from '@/lib/pdf/layout/table';
import type { Language } from '@/lib/pdf/types';
import { toKstDateInput } from '@/lib/forms/validators';
import type { RoundWithdrawal } from './queries';

export type WithdrawalListText = {
  title: string;
  subtitle: string;
  count: string;
  position: string;
  reference: string;
  name: string;
  filedOn: string;
  withdrawnOn: string;
  courtCase: string;
};

const day = (at: Date | null, language: Language) => (at ? formatDate(toKstDateInput(at), language) : '');
const courtCase = (row: RoundWithdrawal) => [row.court, row.courtCaseNumber].filter(Boolean).join(' ');

/**
 * The 소취하 / 선정 철회 list as a PDF table (the header repeats on every page). Pure: rows and
 * the strings in the reader's language come in, bytes go out; the creation date is injectable.
 */
export async function renderWithdrawalList(
  rows: readonly RoundWithdrawal[],
  text: WithdrawalListText,
  options: { language: Language; now: Date },
): Promise<Uint8Array> {
  const builder = await PdfBuilder.create('kr', {
    title: text.title,
    subject: text.subtitle,
    language: options.language,
    createdAt: options.now,
  });
  const styles = documentStyles(builder);
  const flow = new Flow(builder);
  flow.paragraph(text.title, styles.title);
  flow.paragraph(text.subtitle, { ...styles.caption, align: 'center' });
  flow.paragraph(text.count, { ...styles.caption, align: 'center' });
  flow.gap(12);
  const width = flow.box.width;
  const columns: TableColumn<RoundWithdrawal>[] = [
    { header: text.position, width: width * 0.07, align: 'right', text: (row) => String(row.position) },
    { header: text.reference, width: width * 0.16, text: (row) => row.referenceNumber ?? '' },
    { header: text.name, width: width * 0.15, text: (row) => row.legalName ?? '', wordsOnly: true },
    { header: text.filedOn, width: width * 0.15, text: (row) => day(row.filedAt, options.language) },
    { header: text.withdrawnOn, width: width * 0.15, text: (row) => day(row.withdrawnAt, options.language) },
    // Court and 사건번호 wrap only between them: a case number split over two lines is misread.
    { header: text.courtCase, width: width * 0.32, text: courtCase, wordsOnly: true },
  ];
  drawTable(flow, columns, rows, styles.table);
  return builder.save();
}

/** The same list as CSV (lib/metrics/exports/csv: BOM, CRLF, formula-safe cells). */
export function withdrawalCsv(rows: readonly RoundWithdrawal[], text: WithdrawalListText): string {
  const header = csvLine([text.position, text.reference, text.name, text.filedOn, text.withdrawnOn, text.courtCase]);
  const body = rows.map((row) =>
    csvLine([
      row.position,
      row.referenceNumber,
      row.legalName,
      row.filedAt ? toKstDateInput(row.filedAt) : null,
      row.withdrawnAt ? toKstDateInput(row.withdrawnAt) : null,
      courtCase(row),
    ]),
  );
  return CSV_BOM + header + body.join('');
}
