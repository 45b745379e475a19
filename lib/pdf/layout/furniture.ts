import { FONT_SIZE, FURNITURE } from '../geometry';
import type { Language } from '../types';
import { STRINGS } from '../strings';
import type { PdfBuilder } from './pdf-builder';

export type PageNumbering = {
  language: Language;
  /** Number of the first page of this file (continuing numbering across parts). */
  firstNumber?: number;
  /** Total pages of the whole document, all parts. */
  total?: number;
  /** Small running header on every page but the first, e.g. "당사자목록 (원고 홍길동 외 1,585명)". */
  runningHeader?: string;
};

/** Page numbers ("- 3 -" / "Page 3 of 40") centred in the bottom margin, marked as artifacts. */
export function drawPageFurniture(builder: PdfBuilder, numbering: PageNumbering): void {
  builder.finishContent();
  const strings = STRINGS[numbering.language].common;
  const first = numbering.firstNumber ?? 1;
  const total = numbering.total ?? builder.canvases.length + first - 1;
  const font = builder.font('serif');
  builder.canvases.forEach((canvas, index) => {
    canvas.artifact(() => {
      const number = first + index;
      canvas.text(
        strings.pageNumber(number, total),
        canvas.width / 2,
        canvas.height - FURNITURE.pageNumberFromBottom,
        { font, size: FONT_SIZE.footer },
        { align: 'center' },
      );
      if (numbering.runningHeader && number > 1) {
        canvas.text(
          numbering.runningHeader,
          canvas.width / 2,
          FURNITURE.headerFromTop,
          { font, size: FONT_SIZE.small, color: [0.35, 0.35, 0.35] },
          { align: 'center' },
        );
      }
    });
  });
}
