import type { EmbeddedFont } from '../fonts/document-fonts';
import { BLACK, type PageCanvas, type Rgb } from './canvas';
import { baselineOffset, type Flow } from './flow';
import { breakLines } from './line-break';

export type TableColumn<Row> = {
  header: string;
  /** Width in points; the table is as wide as its columns. */
  width: number;
  align?: 'left' | 'center' | 'right';
  text: (row: Row, index: number) => string;
  font?: EmbeddedFont;
  size?: number;
  leading?: number;
  /** Wrap only at spaces (addresses, names); otherwise Korean may break between syllables. */
  wordsOnly?: boolean;
};

export type TableStyle = {
  font: EmbeddedFont;
  headerFont: EmbeddedFont;
  size: number;
  leading: number;
  padding: number;
  headerFill: Rgb;
  ruleColor: Rgb;
};

/** A row broken into lines per cell, with its height. */
export type RowLayout = { cells: string[][]; height: number };

export const HEADER_FILL: Rgb = [0.9, 0.9, 0.9];
export const RULE_COLOR: Rgb = [0.35, 0.35, 0.35];

function cellLeading<Row>(column: TableColumn<Row>, style: TableStyle): number {
  return column.leading ?? style.leading;
}

export function layoutRow<Row>(row: Row, index: number, columns: readonly TableColumn<Row>[], style: TableStyle): RowLayout {
  let height = 0;
  const cells = columns.map((column) => {
    const font = column.font ?? style.font;
    const size = column.size ?? style.size;
    const width = column.width - 2 * style.padding;
    const lines = breakLines(
      column.text(row, index),
      () => width,
      (piece) => font.widthOf(piece, size),
      column.wordsOnly,
    );
    height = Math.max(height, lines.length * cellLeading(column, style));
    return lines;
  });
  return { cells, height: height + 2 * style.padding };
}

export function headerHeight<Row>(columns: readonly TableColumn<Row>[], style: TableStyle): number {
  const lines = Math.max(...columns.map((column) => column.header.split('\n').length));
  return lines * style.leading + 2 * style.padding;
}

function tableWidth<Row>(columns: readonly TableColumn<Row>[]): number {
  return columns.reduce((sum, column) => sum + column.width, 0);
}

function drawCellLines(
  canvas: PageCanvas,
  lines: string[],
  x: number,
  top: number,
  width: number,
  align: TableColumn<unknown>['align'],
  font: EmbeddedFont,
  size: number,
  leading: number,
  padding: number,
): void {
  lines.forEach((line, index) => {
    const baseline = top + padding + index * leading + baselineOffset(leading, size);
    const textStyle = { font, size, color: BLACK };
    if (align === 'right') canvas.text(line, x + width - padding, baseline, textStyle, { align: 'right' });
    else if (align === 'center') canvas.text(line, x + width / 2, baseline, textStyle, { align: 'center' });
    else canvas.text(line, x + padding, baseline, textStyle);
  });
}

export function drawHeader<Row>(
  canvas: PageCanvas,
  columns: readonly TableColumn<Row>[],
  left: number,
  top: number,
  style: TableStyle,
): number {
  const height = headerHeight(columns, style);
  canvas.rect(left, top, tableWidth(columns), height, { fill: style.headerFill });
  let x = left;
  for (const column of columns) {
    drawCellLines(
      canvas,
      column.header.split('\n'),
      x,
      top,
      column.width,
      'center',
      style.headerFont,
      style.size,
      style.leading,
      style.padding,
    );
    x += column.width;
  }
  return height;
}

export function drawRow<Row>(
  canvas: PageCanvas,
  columns: readonly TableColumn<Row>[],
  layout: RowLayout,
  left: number,
  top: number,
  style: TableStyle,
): void {
  let x = left;
  columns.forEach((column, index) => {
    const font = column.font ?? style.font;
    drawCellLines(
      canvas,
      layout.cells[index],
      x,
      top,
      column.width,
      column.align,
      font,
      column.size ?? style.size,
      cellLeading(column, style),
      style.padding,
    );
    x += column.width;
  });
  canvas.line(left, top + layout.height, left + tableWidth(columns), top + layout.height, { color: style.ruleColor, lineWidth: 0.4 });
}

/** Outer frame and column separators of one page's part of the table, drawn once per page. */
export function drawGrid<Row>(
  canvas: PageCanvas,
  columns: readonly TableColumn<Row>[],
  left: number,
  top: number,
  bottom: number,
  style: TableStyle,
): void {
  const width = tableWidth(columns);
  canvas.rect(left, top, width, bottom - top, { stroke: style.ruleColor, lineWidth: 0.8 });
  let x = left;
  for (const column of columns.slice(0, -1)) {
    x += column.width;
    canvas.line(x, top, x, bottom, { color: style.ruleColor, lineWidth: 0.4 });
  }
}

/**
 * Draws a table at the flow's position, repeating the header on every page it spans.
 * Returns the layouts so callers can report row positions.
 */
export function drawTable<Row>(
  flow: Flow,
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
  style: TableStyle,
  left = flow.box.left,
): void {
  const header = headerHeight(columns, style);
  let pageTop = -1;
  const closePage = () => {
    if (pageTop >= 0) drawGrid(flow.canvas, columns, left, pageTop, flow.y, style);
  };
  const openPage = () => {
    pageTop = flow.y;
    flow.y += drawHeader(flow.canvas, columns, left, flow.y, style);
  };
  rows.forEach((row, index) => {
    const layout = layoutRow(row, index, columns, style);
    if (pageTop < 0) {
      flow.ensure(header + layout.height);
      openPage();
    } else if (layout.height > flow.remaining) {
      closePage();
      flow.newPage();
      openPage();
    }
    drawRow(flow.canvas, columns, layout, left, flow.y, style);
    flow.y += layout.height;
  });
  if (rows.length === 0) {
    flow.ensure(header);
    openPage();
  }
  closePage();
}
