import type { TextMeasure } from '../fonts/measure';
import { displayAddress, displayName, formatBirthDate, formatKrwShort, formatNumber } from '../format';
import { contentBox, LEADING, SPACE, type DocumentFormat } from '../geometry';
import { breakLines } from '../layout/line-break';
import { STRINGS } from '../strings';
import type { Language, PartyListClaimant } from '../types';

export type PartyColumn = { header: string; width: number; align: 'left' | 'center' | 'right'; text: (row: PartyListClaimant, number: number) => string };

/** Space the title block takes on the first page, and the totals block on the last. */
export const TITLE_BLOCK_HEIGHT = 96;
export const TOTALS_BLOCK_HEIGHT = 48;
export const HEADER_ROW_HEIGHT = LEADING.table + 2 * SPACE.tableCellPadding;

/** KR: number, name, date of birth, full address, amount. US (FRCP 5.2): number, name, locality, amount. */
export function partyColumns(format: DocumentFormat, language: Language, onDate: string): PartyColumn[] {
  const labels = STRINGS[language].partyList.columns;
  const width = contentBox(format).width;
  const amount = (row: PartyListClaimant) => formatKrwShort(row.damages.totalKrw, language);
  const number = (_row: PartyListClaimant, index: number) => formatNumber(index);
  const name = (row: PartyListClaimant) => displayName(row, format, language, onDate);
  if (format === 'us') {
    return [
      { header: labels.number, width: 44, align: 'center', text: number },
      { header: labels.name, width: 150, align: 'left', text: name },
      { header: labels.locality, width: width - 44 - 150 - 104, align: 'left', text: (row) => displayAddress(row, 'us') },
      { header: labels.amount, width: 104, align: 'right', text: amount },
    ];
  }
  return [
    { header: labels.number, width: 40, align: 'center', text: number },
    { header: labels.name, width: 64, align: 'left', text: name },
    { header: labels.birth, width: 68, align: 'center', text: (row) => formatBirthDate(row.dateOfBirth, 'kr', language) },
    { header: labels.address, width: width - 40 - 64 - 68 - 84, align: 'left', text: (row) => displayAddress(row, 'kr') },
    { header: labels.amount, width: 84, align: 'right', text: amount },
  ];
}

/** Cell lines of one row; the row is as tall as its tallest cell. */
export function layoutPartyRow(row: PartyListClaimant, number: number, columns: readonly PartyColumn[], font: TextMeasure, size: number): string[][] {
  return columns.map((column) => {
    const text = column.text(row, number);
    const available = column.width - 2 * SPACE.tableCellPadding;
    if (font.widthOf(text, size) <= available) return [text];
    return breakLines(text, () => available, (piece) => font.widthOf(piece, size), true);
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

function rowsOf(pageStarts: readonly number[], rowCount: number, firstPage: number, endPage: number): number {
  return (pageStarts[endPage] ?? rowCount) - pageStarts[firstPage];
}

/**
 * Groups pages into the fewest parts of at most `maxRows` rows, with rows spread evenly (no stub
 * last part). Returns the index of the first page of every part.
 */
export function splitIntoParts(pageStarts: readonly number[], rowCount: number, maxRows: number): number[] {
  const pages = pageStarts.length;
  for (let count = Math.max(1, Math.ceil(rowCount / maxRows)); count <= pages; count++) {
    const starts = [0];
    for (let part = 1; part < count; part++) {
      const target = (part * rowCount) / count;
      let page = starts[starts.length - 1] + 1;
      while (page < pages - 1 && pageStarts[page] < target) page++;
      if (target - pageStarts[page - 1] < pageStarts[page] - target && page - 1 > starts[starts.length - 1]) page--;
      if (page < pages) starts.push(page);
    }
    const fits = starts.every((start, index) => rowsOf(pageStarts, rowCount, start, starts[index + 1] ?? pages) <= maxRows);
    if (fits) return starts;
  }
  return pageStarts.map((_, page) => page);
}
