import { PDFDocument, rgb } from 'pdf-lib';
import { DocumentFonts } from '@/lib/pdf/fonts/document-fonts';
import { measureFor } from '@/lib/pdf/fonts/measure';
import { contentBox, FONT_SIZE, FORMAT_LAYOUTS, LEADING, SPACE } from '@/lib/pdf/geometry';
import { renderPartyList, renderPartyListParts } from '@/lib/pdf/party-list/render-party-list';
import { layoutPartyRow, paginateRows, partyColumns, rowHeight } from '@/lib/pdf/party-list/party-list-layout';
import type { PartyListClaimant } from '@/lib/pdf/types';
import { SAMPLE_CASE } from '@/lib/pdf/__fixtures__/sample-case';
import { DEMO_NOW, syntheticPartyRows } from '@/lib/pdf/__fixtures__/synthetic-claimants';
import { summarize, trackPeakRss } from '../lib/stats';
import type { BenchContext, BenchResult, BenchScenario } from '../lib/types';

const OPTIONS = { format: 'kr', language: 'ko', now: DEMO_NOW } as const;

/**
 * The ceiling for roster-10k: the same table (same columns, wrapping and page breaks) drawn
 * straight through pdf-lib's own API — drawText/drawLine/drawRectangle per cell — with the same
 * font (fontkit-2 subsetting; stock @pdf-lib/fontkit drops Hangul glyphs), no page furniture
 * and no layer of ours in between.
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
          const baseline = height - (y + SPACE.tableCellPadding + (lineIndex + 0.7) * LEADING.table);
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

/** Peak RSS of a run: a timer sample plus samples taken on progress (the timer cannot fire during synchronous drawing). */
function peakTracker() {
  const timer = trackPeakRss(20);
  let peak = 0;
  return {
    sample: () => {
      peak = Math.max(peak, process.memoryUsage.rss());
    },
    stop: () => Math.max(timer.stop(), Math.round(peak / 1024 / 1024)),
  };
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function runRoster10k(context: BenchContext): Promise<BenchResult> {
  const count = Math.round(10_000 * context.scale);
  const claimants = syntheticPartyRows(count);
  await renderPartyList({ case: SAMPLE_CASE, claimants: claimants.slice(0, 50) }, OPTIONS);
  await drawRosterWithPdfLib(claimants.slice(0, 50));
  const runs = 3;
  const ours: number[] = [];
  const raw: number[] = [];
  let bytes = 0;
  let pages = 0;
  collectGarbage();
  const memory = peakTracker();
  const wallStart = performance.now();
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const pdf = await renderPartyList({ case: SAMPLE_CASE, claimants }, { ...OPTIONS, onProgress: memory.sample });
    ours.push(performance.now() - start);
    bytes = pdf.length;
    pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    memory.sample();
  }
  const wallMs = performance.now() - wallStart;
  const peakRssMb = memory.stop();
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await drawRosterWithPdfLib(claimants);
    raw.push(performance.now() - start);
  }
  const stats = summarize(ours, wallMs);
  const ceiling = summarize(raw, 1).medianMs / 1000;
  const value = stats.medianMs / 1000;
  const ratio = value / ceiling;
  context.log(
    `roster-10k: ${count} rows, ${pages} pages, ${(bytes / 1e6).toFixed(2)} MB; ours ${value.toFixed(2)} s, raw pdf-lib ${ceiling.toFixed(2)} s`,
  );
  return {
    name: 'roster-10k',
    ...stats,
    peakRssMb,
    value,
    unit: 's',
    ceiling,
    ratio,
    target: '≤ 3 s, ≤ 400 MB peak RSS, ≤ 1.3× raw pdf-lib drawing',
    pass: value <= 3 && peakRssMb <= 400 && ratio <= 1.3,
    notes: `${count} rows → ${pages} A4 pages, ${(bytes / 1e6).toFixed(2)} MB; ceiling = the same table via pdf-lib drawText per cell`,
  };
}

async function runRoster100k(context: BenchContext): Promise<BenchResult> {
  const count = Math.round(100_000 * context.scale);
  const claimants = syntheticPartyRows(count, 100_000);
  collectGarbage();
  const memory = peakTracker();
  const start = performance.now();
  let parts = 0;
  let pages = 0;
  let bytes = 0;
  for await (const part of renderPartyListParts(
    { case: SAMPLE_CASE, claimants },
    { ...OPTIONS, rowsPerPart: 10_000, onProgress: memory.sample },
  )) {
    parts++;
    pages += part.pageCount;
    bytes += part.bytes.length;
    memory.sample();
  }
  const elapsed = performance.now() - start;
  const peakRssMb = memory.stop();
  const value = elapsed / 1000;
  context.log(`roster-100k: ${count} rows in ${parts} parts, ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB, ${value.toFixed(1)} s`);
  return {
    name: 'roster-100k',
    ...summarize([elapsed], elapsed),
    peakRssMb,
    value,
    unit: 's',
    ceiling: null,
    ratio: null,
    target: '≤ 30 s, ≤ 1 GB peak RSS (in parts of ≤ 10,000 rows)',
    pass: value <= 30 && peakRssMb <= 1024,
    notes: `${parts} parts, ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB in total`,
  };
}

export const scenarios: BenchScenario[] = [
  {
    name: 'roster-10k',
    description: 'Party list (별지 당사자목록) of 10,000 claimants, one file, against raw pdf-lib drawing',
    run: runRoster10k,
  },
  { name: 'roster-100k', description: 'Party list of 100,000 claimants in parts of ≤ 10,000 rows', run: runRoster100k },
];
