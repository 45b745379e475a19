/**
 * Page geometry for every renderer, in PDF points (1/72 inch), measured from the TOP-LEFT corner
 * of the page. The only place that converts to PDF's bottom-left origin is layout/canvas.ts.
 */

/** Points per millimetre. */
export const MM = 72 / 25.4;

export type PageSize = { width: number; height: number };
export type Margins = { top: number; right: number; bottom: number; left: number };

export const PAGE_SIZES = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
} as const satisfies Record<string, PageSize>;

/** `kr`: Korean court filing; `us`: US federal (CM/ECF) filing. */
export type DocumentFormat = 'kr' | 'us';

export type FormatLayout = {
  size: PageSize;
  margins: Margins;
  /** Margins in millimetres as the rule states them (for preflight reports). */
  marginsMm: Margins;
  rule: string;
};

function marginsFromMm(mm: Margins): Margins {
  return { top: mm.top * MM, right: mm.right * MM, bottom: mm.bottom * MM, left: mm.left * MM };
}

const KR_MARGINS_MM: Margins = { top: 45, right: 20, bottom: 30, left: 20 };
const US_MARGINS_MM: Margins = { top: 25.4, right: 25.4, bottom: 25.4, left: 25.4 };

export const FORMAT_LAYOUTS: Record<DocumentFormat, FormatLayout> = {
  // Court administration notice 2022-79: A4, margins 45 mm top, 20 mm left/right, 30 mm bottom.
  kr: {
    size: PAGE_SIZES.A4,
    margins: marginsFromMm(KR_MARGINS_MM),
    marginsMm: KR_MARGINS_MM,
    rule: '법원행정처 공고 제2022-79호 (A4; 위 45mm, 좌우 20mm, 아래 30mm; 12pt)',
  },
  // US district courts: Letter paper, one-inch margins (e.g. W.D. Wash. LCR 10(e)).
  us: {
    size: PAGE_SIZES.LETTER,
    margins: marginsFromMm(US_MARGINS_MM),
    marginsMm: US_MARGINS_MM,
    rule: 'US Letter, 1-inch margins, text-searchable (CM/ECF)',
  },
};

/** The support report is not a filing: A4 with even 18 mm margins. */
export const REPORT_MARGIN = 18 * MM;

/** Font sizes in points. Body text is 12 pt in both formats (notice 2022-79; US local rules). */
export const FONT_SIZE = {
  body: 12,
  title: 22,
  titleUs: 14,
  heading: 13,
  table: 10,
  tableSmall: 7.5,
  small: 9,
  footer: 10,
  stamp: 8,
  slipTitle: 28,
} as const;

/** Line heights (baseline to baseline) in points. Filings are double-spaced. */
export const LEADING = {
  body: 24,
  caption: 18,
  single: 15,
  table: 13,
  tableSmall: 9.5,
  small: 11.5,
} as const;

/** Vertical space in points. */
export const SPACE = {
  paragraph: 4,
  section: 14,
  afterTitle: 16,
  tableCellPadding: 3.5,
} as const;

/**
 * Where page furniture sits inside the margins: page numbers are centred in the bottom margin,
 * stamps (Bates, exhibit labels) in the bottom-right and top-right margin corners.
 */
export const FURNITURE = {
  /** Baseline of the page number, measured up from the bottom edge. */
  pageNumberFromBottom: 15 * MM,
  /** Baseline of a running header, measured down from the top edge. */
  headerFromTop: 20 * MM,
  /** Stamp boxes keep this distance to the page edge. */
  stampInset: 8 * MM,
} as const;

/** The writable box of a page, top-left based. */
export function contentBox(format: DocumentFormat): {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
} {
  const { size, margins } = FORMAT_LAYOUTS[format];
  const right = size.width - margins.right;
  const bottom = size.height - margins.bottom;
  return { left: margins.left, top: margins.top, right, bottom, width: right - margins.left, height: bottom - margins.top };
}
