import type { TextMeasure } from '../fonts/measure';
import { displayAddress, formatBirthDate, formatKrwShort, formatNumber, partyName } from '../format';
import { contentBox, LEADING, SPACE, type DocumentFormat } from '../geometry';
import { breakLines } from '../layout/line-break';
import { STRINGS } from '../strings';
import type { Language, PartyListClaimant, PartyListColumn } from '../types';

export type PartyColumn = {
  header: string;
  width: number;
  align: 'left' | 'center' | 'right';
  text: (row: PartyListClaimant, number: number) => string;
};

/** Space the title block takes on the first page, and the totals block on the last. */
export const TITLE_BLOCK_HEIGHT = 96;
export const TOTALS_BLOCK_HEIGHT = 48;
export const HEADER_ROW_HEIGHT = LEADING.table + 2 * SPACE.tableCellPadding;

/** Width of the column that prints the claim definition's party-list dimensions, when it has any. */
const DIMENSIONS_WIDTH = { kr: 80, us: 110 } as const;

/**
 * The claim definition's party-list dimensions (category, an option chosen…) share one column: a
 * court's party list must keep the name and address readable, and any number of dimensions fits
 * one cell, wrapped, the values in the dimensions' order joined by " · ".
 */
function dimensionsColumn(format: DocumentFormat, language: Language, dimensions: readonly PartyListColumn[]): PartyColumn {
  // The header row is one line: one dimension is headed by its label, several by "구분".
  return {
    header: dimensions.length === 1 ? dimensions[0].label[language] : STRINGS[language].partyList.columns.details,
    width: DIMENSIONS_WIDTH[format],
    align: 'left',
    text: (row) =>
      dimensions
        .map((dimension) => row.dimensions?.[dimension.id]?.[language] ?? '')
        .filter(Boolean)
        .join(' · '),
  };
}

/**
 * KR: number, name, date of birth, full address, amount. US (FRCP 5.2): number, name, locality,
 * amount. With party-list dimensions, their column goes before the amount.
 */
export function partyColumns(
  format: DocumentFormat,
  language: Language,
  onDate: string,
  dimensions: readonly PartyListColumn[] = [],
): PartyColumn[] {
  const labels = STRINGS[language].partyList.columns;
  const width = contentBox(format).width;
  const amount = (row: PartyListClaimant) => formatKrwShort(row.damages.totalKrw, language);
  const number = (_row: PartyListClaimant, index: number) => formatNumber(index);
  const name = (row: PartyListClaimant) => partyName(row, format, language, onDate);
  const extra = dimensions.length > 0 ? [dimensionsColumn(format, language, dimensions)] : [];
  const extraWidth = extra.reduce((sum, column) => sum + column.width, 0);
  if (format === 'us') {
    const nameWidth = extra.length > 0 ? 130 : 150;
    const amountWidth = extra.length > 0 ? 90 : 104;
    return [
      { header: labels.number, width: 44, align: 'center', text: number },
      { header: labels.name, width: nameWidth, align: 'left', text: name },
      {
        header: labels.locality,
        width: width - 44 - nameWidth - amountWidth - extraWidth,
        align: 'left',
        text: (row) => displayAddress(row, 'us'),
      },
      ...extra,
      { header: labels.amount, width: amountWidth, align: 'right', text: amount },
    ];
  }
  return [
    { header: labels.number, width: 40, align: 'center', text: number },
    { header: labels.name, width: 64, align: 'left', text: name },
    { header: labels.birth, width: 68, align: 'center', text: (row) => formatBirthDate(row.dateOfBirth, 'kr', language) },
    {
      header: labels.address,
      width: width - 40 - 64 - 68 - 84 - extraWidth,
      align: 'left',
      text: (row) => displayAddress(row, 'kr'),
    },
    ...extra,
    { header: labels.amount, width: 84, align: 'right', text: amount },
  ];
}

/** Cell lines of one row; the row is as tall as its tallest cell. */
export function layoutPartyRow(
  row: PartyListClaimant,
  number: number,
  columns: readonly PartyColumn[],
  font: TextMeasure,
  size: number,
): string[][] {
  return columns.map((column) => {
    const text = column.text(row, number);
    const available = column.width - 2 * SPACE.tableCellPadding;
    if (font.widthOf(text, size) <= available) return [text];
    return breakLines(
      text,
      () => available,
      (piece) => font.widthOf(piece, size),
      true,
    );
  });
}

export function rowHeight(cells: readonly string[][]): number {
  let lines = 1;
  for (const cell of cells) if (cell.length > lines) lines = cell.length;
  return lines * LEADING.table + 2 * SPACE.tableCellPadding;
}

/**
 * Splits rows into pages: returns the index of the first row of every page. The first page
 * also holds the title block; the totals block must fit after the last row.
 */
export function paginateRows(heights: ArrayLike<number>, bodyHeight: number): number[] {
  const starts = [0];
  let available = bodyHeight - TITLE_BLOCK_HEIGHT - HEADER_ROW_HEIGHT;
  for (let index = 0; index < heights.length; index++) {
    if (heights[index] > available) {
      starts.push(index);
      available = bodyHeight - HEADER_ROW_HEIGHT;
    }
    available -= heights[index];
  }
  if (available < TOTALS_BLOCK_HEIGHT && heights.length > 0) starts.push(heights.length);
  return starts;
}

/** Greedy packing of pages into parts of at most `cap` rows; null when one page alone exceeds it. */
function packPages(pageStarts: readonly number[], rowCount: number, cap: number): number[] | null {
  const starts = [0];
  let rows = 0;
  for (let page = 0; page < pageStarts.length; page++) {
    const pageRows = (pageStarts[page + 1] ?? rowCount) - pageStarts[page];
    if (pageRows > cap) return null;
    if (rows + pageRows > cap && page > starts[starts.length - 1]) {
      starts.push(page);
      rows = 0;
    }
    rows += pageRows;
  }
  return starts;
}

/**
 * Groups pages into the fewest parts of at most `maxRows` rows, then evens them out: the
 * smallest cap that still needs no more parts (no stub last part). Returns the first page of
 * every part.
 */
export function splitIntoParts(pageStarts: readonly number[], rowCount: number, maxRows: number): number[] {
  const fewest = packPages(pageStarts, rowCount, maxRows);
  if (!fewest) return pageStarts.map((_, page) => page);
  let low = Math.ceil(rowCount / fewest.length);
  let high = maxRows;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const packed = packPages(pageStarts, rowCount, middle);
    if (packed && packed.length <= fewest.length) high = middle;
    else low = middle + 1;
  }
  return packPages(pageStarts, rowCount, low) ?? fewest;
}
