import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { NO_BREAK_SPACE, isoDateIn } from '@/lib/pdf/format';
import { partyColumns } from '@/lib/pdf/party-list/party-list-layout';
import { STRINGS } from '@/lib/pdf/strings';
import type { CaseInfo, ClaimantSnapshot, Language, PartyListClaimant, RenderOptions } from '@/lib/pdf/types';

export type PartyListXlsxRow = PartyListClaimant & { referenceNumber: string };

export type PartyListXlsxInput = { caseInfo: CaseInfo; rows: readonly PartyListXlsxRow[] };

/** The rows of the printed party list, from the same frozen snapshots in the same order, each minor with their legal representative. */
export function partyListXlsxRows(snapshots: readonly ClaimantSnapshot[]): PartyListXlsxRow[] {
  return snapshots.map((snapshot) => ({
    referenceNumber: snapshot.referenceNumber,
    legalName: snapshot.legalName,
    legalNameLatin: snapshot.legalNameLatin,
    dateOfBirth: snapshot.dateOfBirth,
    address: snapshot.address,
    locality: snapshot.locality,
    dimensions: snapshot.dimensions,
    damages: { totalKrw: snapshot.damages.totalKrw },
    guardian: snapshot.guardian,
  }));
}

/** Headings of the columns the spreadsheet adds to the printed list, in the filing's language. */
const EXTRA_HEADERS: Record<Language, { guardian: string; reference: string }> = {
  ko: { guardian: '법정대리인', reference: '접수번호' },
  en: { guardian: 'Legal representative', reference: 'Reference number' },
};

/** Excel measures columns in characters of its default font; the PDF's widths are points. */
const POINTS_PER_CHARACTER = 5.2;
const AMOUNT_FORMAT: Record<Language, string> = { ko: '#,##0"원"', en: '"KRW "#,##0' };
/** Text format: a spreadsheet must never turn a birth date or a reference number into a date or a number. */
const TEXT = '@';

type ZipEntryData = { name: string; date?: Date };
type DocumentProperties = { created: Date; modified: Date; creator: string; lastModifiedBy: string };
type ZipArchive = { append(source: unknown, data: ZipEntryData): unknown };

/**
 * exceljs's streaming writer has no option for the dates of its zip entries: archiver stamps
 * each with the current time, so the same list written twice gave different bytes. This writer
 * dates every entry with the workbook's `created` time instead. exceljs assigns `this.zip`
 * inside its constructor (after `created`, before appending the theme and relationships, as of
 * 4.4), so a setter here sees the archive before the first entry; it then shadows itself with
 * the wrapped archive. party-list-xlsx.test.ts fails if a new exceljs stops calling it.
 */
class DatedWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  // exceljs reads these from its options (its typings list only the writer's own).
  constructor(options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions> & DocumentProperties) {
    super(options);
  }

  set zip(archive: ZipArchive) {
    const date = this.created;
    const append = archive.append.bind(archive);
    archive.append = (source, data) => append(source, { ...data, date });
    Object.defineProperty(this, 'zip', { value: archive, writable: true, configurable: true });
  }
}

/**
 * 당사자목록 / Schedule of Plaintiffs as one XLSX sheet: the party-list PDF's columns in its order
 * (lib/pdf/party-list), the number and amount as numbers so they add up, every other cell text,
 * then a minor's legal representative and the reference number. Written row by row through
 * exceljs's streaming writer, so 100,000 rows never stand as one workbook in memory. The bytes
 * depend on the input alone: the document properties and every zip entry carry `options.now`
 * (the filing's document date), never the time of writing.
 */
export async function renderPartyListXlsx(
  input: PartyListXlsxInput,
  options: Pick<RenderOptions, 'format' | 'language' | 'now' | 'timeZone'>,
): Promise<Uint8Array> {
  const { format, language } = options;
  const strings = STRINGS[language];
  const columns = partyColumns(format, language, isoDateIn(options.now, options.timeZone ?? 'Asia/Seoul'), input.caseInfo.partyListColumns);
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new DatedWorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
    created: options.now,
    modified: options.now,
    creator: input.caseInfo.counsel.name[language],
    lastModifiedBy: input.caseInfo.counsel.name[language],
  });
  const sheet = workbook.addWorksheet(strings.partyList.runningTitle, { views: [{ state: 'frozen', ySplit: 1 }] });
  const last = columns.length - 1;
  const headers = EXTRA_HEADERS[language];
  sheet.columns = [
    ...columns.map((column, index) => ({
      header: column.header,
      width: Math.max(8, Math.round(column.width / POINTS_PER_CHARACTER)),
      style: { numFmt: index === 0 ? '0' : index === last ? AMOUNT_FORMAT[language] : TEXT },
    })),
    { header: headers.guardian, width: 30, style: { numFmt: TEXT } },
    { header: headers.reference, width: 14, style: { numFmt: TEXT } },
  ];
  sheet.getRow(1).font = { bold: true };
  const guardianStrings = strings.authority;
  input.rows.forEach((row, index) => {
    const guardian = row.guardian
      ? guardianStrings.guardian(
          guardianStrings.guardianRelations[row.guardian.relation] ?? row.guardian.relation,
          row.guardian.names.join(', '),
        )
      : null;
    // The printed text joins a date's parts with no-break spaces for the PDF's line breaking; a
    // spreadsheet is searched and filtered, where they would not match a typed space.
    // The name cell is the name alone: the representative has a column of their own here.
    const named = { ...row, guardian: undefined };
    const texts = columns.slice(1, last).map((column) => column.text(named, index + 1).replaceAll(NO_BREAK_SPACE, ' '));
    sheet.addRow([index + 1, ...texts, row.damages.totalKrw, guardian, row.referenceNumber]).commit();
  });
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
