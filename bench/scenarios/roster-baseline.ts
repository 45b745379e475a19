import { PDFDocument, rgb } from 'pdf-lib';
import { DocumentFonts } from '@/lib/pdf/fonts/document-fonts';
import { measureFor } from '@/lib/pdf/fonts/measure';
import { contentBox, FONT_SIZE, FORMAT_LAYOUTS, LEADING, SPACE } from '@/lib/pdf/geometry';
import { layoutPartyRow, paginateRows, partyColumns, rowHeight } from '@/lib/pdf/party-list/party-list-layout';
import type { PartyListClaimant } from '@/lib/pdf/types';

/**
 * The ceiling for roster-10k: the same table (same columns, wrapping and page breaks) drawn
 * straight through pdf-lib's drawing API (drawText/drawLine/drawRectangle per cell), with the
 * same embedded font, no page furniture and no abstraction of ours in between.
 */
export async function drawRosterWithPdfLib(rows: readonly PartyListClaimant[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = new DocumentFonts(doc).get('serif').pdfFont;
  const columns = partyColumns('kr', 'ko', '2003-04-30');
  const measure = measureFor('serif');
  const size = FONT_SIZE.table;
  const box = contentBox('kr');
  const { width, height } = FORMAT_LAYOUTS.kr.size;
  const layouts = rows.map((row, index) => layoutPartyRow(row, index + 1, columns, measure, size));
  const starts = paginateRows(Float32Array.from(layouts, rowHeight), box.height);
  const gray = rgb(0.35, 0.35, 0.35);
  const black = rgb(0, 0, 0);
  for (let page = 0; page < starts.length; page++) {
    const pdfPage = doc.addPage([width, height]);
    let y = box.top;
    const end = starts[page + 1] ?? rows.length;
    for (let index = starts[page]; index < end; index++) {
      const cells = layouts[index];
      let x = box.left;
      cells.forEach((lines, column) => {
        lines.forEach((line, lineIndex) => {
          const baseline = height - (y + SPACE.tableCellPadding + lineIndex * LEADING.table + 9);
          pdfPage.drawText(line, { x: x + SPACE.tableCellPadding, y: baseline, size, font, color: black });
        });
        x += columns[column].width;
      });
      y += rowHeight(cells);
      pdfPage.drawLine({ start: { x: box.left, y: height - y }, end: { x: box.right, y: height - y }, thickness: 0.3, color: gray });
    }
    pdfPage.drawRectangle({ x: box.left, y: height - y, width: box.width, height: y - box.top, borderColor: gray, borderWidth: 0.8 });
  }
  return doc.save({ useObjectStreams: true, objectsPerTick: 5000 });
}
