import type { CostWorksheet } from './worksheet';
import type { EmbeddedFont } from '@/lib/pdf/fonts/document-fonts';
import { formatDate, formatNumber } from '@/lib/pdf/format';
import { PAGE_SIZES, REPORT_MARGIN } from '@/lib/pdf/geometry';
import type { PageCanvas, Rgb } from '@/lib/pdf/layout/canvas';
import { PdfBuilder } from '@/lib/pdf/layout/pdf-builder';
import {
  HEADER_FILL,
  RULE_COLOR,
  type TableColumn,
  type TableStyle,
  drawGrid,
  drawHeader,
  drawRow,
  layoutRow,
} from '@/lib/pdf/layout/table';
import { breakLines } from '@/lib/pdf/layout/line-break';
import { STRINGS } from '@/lib/pdf/strings';
import type { Language } from '@/lib/pdf/types';

export type CostWorksheetDocument = {
  caseTitle: string;
  /** Which claimants the value is the sum of, already in the document's language. */
  scope: string;
  worksheet: CostWorksheet;
};

const MUTED: Rgb = [0.35, 0.38, 0.42];
const TITLE_SIZE = 20;
const HEADING_SIZE = 12.5;
const BODY_SIZE = 10;
const NOTE_SIZE = 8.5;
const SECTION_GAP = 16;
/** Width of the label column of the fact and calculation tables. */
const LABEL_WIDTH = 0.58;

type Fonts = { regular: EmbeddedFont; bold: EmbeddedFont };

/**
 * A one-page A4 worksheet of what filing will cost, for the legal team: the value of the claim,
 * the stamp duty step by step as the statute computes it, and the service fees for "every
 * claimant a party" set against "N 선정당사자", with the schedules and sources used. Pure: the
 * worksheet is computed beforehand (lib/costs/worksheet.ts).
 */
export async function renderCostWorksheet(input: CostWorksheetDocument, options: { language: Language; now: Date }): Promise<Uint8Array> {
  const { language } = options;
  const text = STRINGS[language].costWorksheet;
  const { worksheet } = input;
  const builder = await PdfBuilder.create('kr', {
    title: `${text.title} — ${input.caseTitle}`,
    subject: input.caseTitle,
    language,
    createdAt: options.now,
  });
  const canvas = builder.addPage(PAGE_SIZES.A4);
  const fonts: Fonts = { regular: builder.font('sans'), bold: builder.font('sansBold') };
  const left = REPORT_MARGIN;
  const width = canvas.width - 2 * REPORT_MARGIN;
  const won = (amount: number) => (language === 'ko' ? `${formatNumber(amount)}원` : `KRW ${formatNumber(amount)}`);
  const style: TableStyle = {
    font: fonts.regular,
    headerFont: fonts.bold,
    size: BODY_SIZE,
    leading: 15,
    padding: 5,
    headerFill: HEADER_FILL,
    ruleColor: RULE_COLOR,
  };
  let y = REPORT_MARGIN;

  canvas.text(text.title, left, y + TITLE_SIZE, { font: fonts.bold, size: TITLE_SIZE });
  canvas.text(
    text.asOf(formatDate(worksheet.input.day, language)),
    left + width,
    y + TITLE_SIZE,
    { font: fonts.regular, size: 9.5, color: MUTED },
    { align: 'right' },
  );
  canvas.text(input.caseTitle, left, y + TITLE_SIZE + 21, { font: fonts.regular, size: 11, color: MUTED });
  canvas.line(left, y + TITLE_SIZE + 31, left + width, y + TITLE_SIZE + 31, { lineWidth: 1 });
  y += TITLE_SIZE + 45;

  const heading = (title: string) => {
    canvas.text(title, left, y + HEADING_SIZE, { font: fonts.bold, size: HEADING_SIZE });
    y += HEADING_SIZE + 8;
  };
  const note = (line: string, size = NOTE_SIZE) => {
    for (const piece of breakLines(
      line,
      () => width,
      (part) => fonts.regular.widthOf(part, size),
    )) {
      canvas.text(piece, left, y + size, { font: fonts.regular, size, color: MUTED });
      y += size + 4;
    }
  };
  const facts = (rows: [string, string][], boldLast = false) => {
    const columns: TableColumn<[string, string]>[] = [
      { header: '', width: width * LABEL_WIDTH, text: (row) => row[0] },
      { header: '', width: width * (1 - LABEL_WIDTH), align: 'right', text: (row) => row[1] },
    ];
    const top = y;
    rows.forEach((row, index) => {
      const isTotal = boldLast && index === rows.length - 1;
      const rowColumns = isTotal ? columns.map((column) => ({ ...column, font: fonts.bold })) : columns;
      const layout = layoutRow(row, index, rowColumns, style);
      drawRow(canvas, rowColumns, layout, left, y, style);
      y += layout.height;
    });
    drawGrid(canvas, columns, left, top, y, style);
  };

  heading(text.basisTitle);
  facts([
    [text.claimants, `${text.claimantsValue(formatNumber(worksheet.input.claimantCount))} · ${input.scope}`],
    [text.defendants, formatNumber(worksheet.input.defendantCount)],
    [text.claimValue, won(worksheet.input.claimValueKrw)],
    [text.court, text.courts[worksheet.court]],
    [text.filing, worksheet.input.isElectronic ? text.electronic : text.paper],
  ]);
  y += 4;
  note(text.claimValueNote);
  y += SECTION_GAP - 4;

  const { stamp } = worksheet;
  heading(text.stampTitle);
  const stampRows: [string, string][] = [
    [`${text.formula}: ${text.bracket(String(stamp.bracket.perTenThousand), formatNumber(stamp.bracket.add))}`, won(stamp.formulaKrw)],
    [text.base, won(stamp.baseKrw)],
  ];
  if (worksheet.input.instance !== 'first') {
    const tenths = worksheet.stampSchedule.instanceMultiplierTenths[worksheet.input.instance];
    stampRows.push([text.instance(String(tenths / 10)), won(stamp.instanceKrw)]);
  }
  if (stamp.electronicKrw !== null) stampRows.push([text.electronicStep, won(stamp.electronicKrw)]);
  stampRows.push([text.stampPayable, won(stamp.payableKrw)]);
  facts(stampRows, true);
  y += SECTION_GAP;

  heading(text.serviceTitle);
  const [every] = worksheet.scenarios;
  note(text.serviceRule(formatNumber(worksheet.perServiceKrw), every.serviceFee.services), BODY_SIZE);
  y += 4;
  drawScenarios(canvas, worksheet, { left, width, y, style, fonts, won, text }, (height) => (y += height));
  y += 8;
  const representatives = formatNumber(worksheet.input.representativeCount);
  for (const line of breakLines(
    text.saving(representatives, formatNumber(worksheet.savingKrw)),
    () => width,
    (part) => fonts.bold.widthOf(part, BODY_SIZE),
  )) {
    canvas.text(line, left, y + BODY_SIZE, { font: fonts.bold, size: BODY_SIZE });
    y += BODY_SIZE + 5;
  }
  y += SECTION_GAP;

  heading(text.sourcesTitle);
  note(text.source(formatDate(worksheet.stampSchedule.effectiveFrom, language), worksheet.stampSchedule.source));
  note(text.source(formatDate(worksheet.serviceSchedule.effectiveFrom, language), worksheet.serviceSchedule.source));
  if (worksheet.perServiceKrw !== worksheet.serviceSchedule.perServiceKrw)
    note(text.perServiceGiven(formatNumber(worksheet.perServiceKrw)));

  canvas.line(left, canvas.height - REPORT_MARGIN - 14, left + width, canvas.height - REPORT_MARGIN - 14, { color: MUTED, lineWidth: 0.4 });
  canvas.text(text.footer, left, canvas.height - REPORT_MARGIN, { font: fonts.regular, size: 8, color: MUTED });
  return builder.save();
}

type ScenarioContext = {
  left: number;
  width: number;
  y: number;
  style: TableStyle;
  fonts: Fonts;
  won: (amount: number) => string;
  text: (typeof STRINGS)['ko']['costWorksheet'];
};

/** The two ways of suing side by side: who the parties are, what service fees and the total come to. */
function drawScenarios(canvas: PageCanvas, worksheet: CostWorksheet, context: ScenarioContext, advance: (height: number) => void): void {
  const { text, won, width } = context;
  type Row = CostWorksheet['scenarios'][number];
  const columns: TableColumn<Row>[] = [
    {
      header: text.scenario,
      width: width * 0.28,
      text: (row) =>
        row.id === 'every_claimant'
          ? text.scenarios.every_claimant
          : text.scenarios.representatives(formatNumber(worksheet.input.representativeCount)),
    },
    { header: text.parties, width: width * 0.12, align: 'right', text: (row) => formatNumber(row.serviceFee.parties) },
    { header: text.serviceFee, width: width * 0.2, align: 'right', text: (row) => won(row.serviceFee.totalKrw) },
    { header: text.stamp, width: width * 0.18, align: 'right', text: () => won(worksheet.stamp.payableKrw) },
    { header: text.total, width: width * 0.22, align: 'right', font: context.fonts.bold, text: (row) => won(row.totalKrw) },
  ];
  const top = context.y;
  let y = top + drawHeader(canvas, columns, context.left, top, context.style);
  worksheet.scenarios.forEach((row, index) => {
    const layout = layoutRow(row, index, columns, context.style);
    drawRow(canvas, columns, layout, context.left, y, context.style);
    y += layout.height;
  });
  drawGrid(canvas, columns, context.left, top, y, context.style);
  advance(y - top);
}
