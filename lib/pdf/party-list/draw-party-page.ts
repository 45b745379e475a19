import { formatKrwShort } from '../format';
import { contentBox, FONT_SIZE, LEADING, SPACE, type DocumentFormat } from '../geometry';
import { caseLine } from '../layout/caption';
import { BLACK, type PageCanvas } from '../layout/canvas';
import { baselineOffset } from '../layout/flow';
import type { PdfBuilder } from '../layout/pdf-builder';
import { HEADER_FILL, RULE_COLOR } from '../layout/table';
import { STRINGS } from '../strings';
import type { CaseInfo, Language, PartyListClaimant } from '../types';
import { HEADER_ROW_HEIGHT, layoutPartyRow, rowHeight, TITLE_BLOCK_HEIGHT, type PartyColumn } from './party-list-layout';

export type PartyPageContext = {
  builder: PdfBuilder;
  canvas: PageCanvas;
  format: DocumentFormat;
  language: Language;
  columns: PartyColumn[];
  rows: readonly PartyListClaimant[];
  caseInfo: CaseInfo;
  plaintiffs: string;
  totalKrw: number;
  onDate: string;
};

export type PageSpan = { isFirst: boolean; isLast: boolean; start: number; end: number };

const PAD = SPACE.tableCellPadding;

function drawTitle(context: PartyPageContext, top: number): void {
  const { canvas, builder, language } = context;
  const strings = STRINGS[language].partyList;
  const box = contentBox(context.format);
  const bold = builder.font('serifBold');
  const serif = builder.font('serif');
  canvas.text(strings.attachmentMark, box.left, top + 12, { font: serif, size: FONT_SIZE.body });
  canvas.text(strings.title, canvas.width / 2, top + 40, { font: bold, size: 18 }, { align: 'center' });
  const subtitle = `${caseLine(context.caseInfo, language)} · ${strings.plaintiffsHeading}: ${context.plaintiffs}`;
  canvas.text(subtitle, canvas.width / 2, top + 66, { font: serif, size: FONT_SIZE.small }, { align: 'center' });
}

function cellX(column: PartyColumn, x: number): { x: number; align: 'left' | 'center' | 'right' } {
  if (column.align === 'right') return { x: x + column.width - PAD, align: 'right' };
  if (column.align === 'center') return { x: x + column.width / 2, align: 'center' };
  return { x: x + PAD, align: 'left' };
}

/** One page of the party list: optional title, header row, rows, frame, and on the last page the totals. */
export function drawPartyPage(context: PartyPageContext, span: PageSpan): void {
  const { canvas, builder, columns } = context;
  const box = contentBox(context.format);
  const serif = builder.font('serif');
  const headerFont = builder.font('sansBold');
  const size = FONT_SIZE.table;
  const offset = baselineOffset(LEADING.table, size);
  let y = box.top;
  if (span.isFirst) {
    drawTitle(context, y);
    y += TITLE_BLOCK_HEIGHT;
  }
  const tableTop = y;
  if (span.end > span.start) {
    canvas.rect(box.left, y, box.width, HEADER_ROW_HEIGHT, { fill: HEADER_FILL });
    let x = box.left;
    for (const column of columns) {
      canvas.text(column.header, x + column.width / 2, y + PAD + offset, { font: headerFont, size, color: BLACK }, { align: 'center' });
      x += column.width;
    }
    y += HEADER_ROW_HEIGHT;
    canvas.line(box.left, y, box.right, y, { color: RULE_COLOR, lineWidth: 0.8 });
  }
  const textStyle = { font: serif, size };
  for (let index = span.start; index < span.end; index++) {
    const cells = layoutPartyRow(context.rows[index], index + 1, columns, serif, size);
    let x = box.left;
    for (let column = 0; column < columns.length; column++) {
      const position = cellX(columns[column], x);
      const lines = cells[column];
      for (let line = 0; line < lines.length; line++) {
        canvas.text(lines[line], position.x, y + PAD + line * LEADING.table + offset, textStyle, { align: position.align });
      }
      x += columns[column].width;
    }
    y += rowHeight(cells);
    if (index < span.end - 1) canvas.line(box.left, y, box.right, y, { color: RULE_COLOR, lineWidth: 0.3 });
  }
  if (span.end > span.start) {
    canvas.rect(box.left, tableTop, box.width, y - tableTop, { stroke: RULE_COLOR, lineWidth: 0.8 });
    let x = box.left;
    for (const column of columns.slice(0, -1)) {
      x += column.width;
      canvas.line(x, tableTop, x, y, { color: RULE_COLOR, lineWidth: 0.3 });
    }
  }
  if (span.isLast) drawTotals(context, y);
}

function drawTotals(context: PartyPageContext, top: number): void {
  const { canvas, builder, language } = context;
  const strings = STRINGS[language].partyList;
  const box = contentBox(context.format);
  const bold = builder.font('serifBold');
  const height = LEADING.table + 2 * PAD;
  canvas.rect(box.left, top, box.width, height, { fill: HEADER_FILL, stroke: RULE_COLOR, lineWidth: 0.8 });
  const baseline = top + PAD + baselineOffset(LEADING.table, FONT_SIZE.table);
  canvas.text(strings.total(context.rows.length), box.left + PAD, baseline, { font: bold, size: FONT_SIZE.table });
  canvas.text(
    formatKrwShort(context.totalKrw, language),
    box.right - PAD,
    baseline,
    { font: bold, size: FONT_SIZE.table },
    { align: 'right' },
  );
  canvas.text(
    strings.end,
    canvas.width / 2,
    top + height + 24,
    { font: builder.font('serif'), size: FONT_SIZE.small },
    { align: 'center' },
  );
}
