import { FONT_SIZE, LEADING, SPACE } from '../geometry';
import type { ParagraphStyle } from './flow';
import type { PdfBuilder } from './pdf-builder';
import { HEADER_FILL, RULE_COLOR, type TableStyle } from './table';

/** The paragraph styles of a filing: serif (명조) body, bold headings, sans tables. */
export type DocumentStyles = {
  title: ParagraphStyle;
  heading: ParagraphStyle;
  body: ParagraphStyle;
  bodyLeft: ParagraphStyle;
  caption: ParagraphStyle;
  captionBold: ParagraphStyle;
  small: ParagraphStyle;
  table: TableStyle;
  tableSmall: TableStyle;
};

export function documentStyles(builder: PdfBuilder): DocumentStyles {
  const serif = builder.font('serif');
  const serifBold = builder.font('serifBold');
  const isKr = builder.format === 'kr';
  return {
    title: {
      font: serifBold,
      size: isKr ? FONT_SIZE.title : FONT_SIZE.titleUs,
      leading: isKr ? 36 : 20,
      align: 'center',
      spaceAfter: isKr ? SPACE.afterTitle : SPACE.paragraph,
    },
    heading: {
      font: serifBold,
      size: FONT_SIZE.heading,
      leading: LEADING.body,
      align: 'center',
      spaceBefore: SPACE.section,
      spaceAfter: SPACE.paragraph,
      keepWithNext: true,
    },
    body: { font: serif, size: FONT_SIZE.body, leading: LEADING.body, align: 'justify', spaceAfter: SPACE.paragraph },
    bodyLeft: { font: serif, size: FONT_SIZE.body, leading: LEADING.body, align: 'left' },
    caption: { font: serif, size: FONT_SIZE.body, leading: LEADING.caption, align: 'left' },
    captionBold: { font: serifBold, size: FONT_SIZE.body, leading: LEADING.caption, align: 'left' },
    small: { font: serif, size: FONT_SIZE.small, leading: LEADING.small, align: 'left' },
    table: {
      font: serif,
      headerFont: builder.font('sansBold'),
      size: FONT_SIZE.table,
      leading: LEADING.table,
      padding: SPACE.tableCellPadding,
      headerFill: HEADER_FILL,
      ruleColor: RULE_COLOR,
    },
    tableSmall: {
      font: serif,
      headerFont: builder.font('sansBold'),
      size: FONT_SIZE.small,
      leading: LEADING.small,
      padding: SPACE.tableCellPadding - 1,
      headerFill: HEADER_FILL,
      ruleColor: RULE_COLOR,
    },
  };
}
