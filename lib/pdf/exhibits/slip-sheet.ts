import { contentBox, FONT_SIZE, type DocumentFormat } from '../geometry';
import type { PageCanvas } from '../layout/canvas';
import { breakLines } from '../layout/line-break';
import type { PdfBuilder } from '../layout/pdf-builder';
import { STRINGS } from '../strings';
import type { Language } from '../types';

export type SlipSheet = {
  label: string;
  description: string;
  claimant: string;
  reference: string;
  filename: string;
  pages: number;
  sha256: string;
  batesFirst: string;
  batesLast: string;
};

/** A cover page in front of each exhibit: the label large, then what it is and how to check it. */
export function drawSlipSheet(builder: PdfBuilder, canvas: PageCanvas, slip: SlipSheet, format: DocumentFormat, language: Language): void {
  const strings = STRINGS[language].exhibits;
  const box = contentBox(format);
  const serif = builder.font('serif');
  const bold = builder.font('serifBold');
  const sans = builder.font('sans');
  const center = canvas.width / 2;
  let y = box.top + box.height * 0.28;
  canvas.text(slip.label, center, y, { font: bold, size: FONT_SIZE.slipTitle }, { align: 'center' });
  y += 44;
  for (const line of breakLines(
    slip.description,
    () => box.width * 0.8,
    (text) => serif.widthOf(text, 14),
  )) {
    canvas.text(line, center, y, { font: serif, size: 14 }, { align: 'center' });
    y += 22;
  }
  y += 10;
  const details = [
    strings.slipClaimant(slip.claimant, slip.reference),
    strings.slipFile(slip.filename),
    `${strings.slipPages(slip.pages)} · ${slip.batesFirst} – ${slip.batesLast}`,
  ];
  for (const line of details) {
    canvas.text(line, center, y, { font: serif, size: FONT_SIZE.body }, { align: 'center' });
    y += 19;
  }
  y += 14;
  canvas.text(`${strings.slipHash} ${slip.sha256.slice(0, 32)}`, center, y, { font: sans, size: 8.5 }, { align: 'center' });
  canvas.text(slip.sha256.slice(32), center, y + 12, { font: sans, size: 8.5 }, { align: 'center' });
  if (language === 'ko') {
    canvas.text(strings.copyCertification, center, y + 48, { font: bold, size: FONT_SIZE.body }, { align: 'center' });
  }
}
