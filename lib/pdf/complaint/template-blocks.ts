import type { Flow } from '../layout/flow';
import type { DocumentStyles } from '../layout/styles';
import { parseTemplate } from '../layout/template-text';

/**
 * Typesets template text: headings bold and left-aligned, list items ("1.", "가.") with a
 * hanging indent so wrapped lines align with the text after the marker. `number` prefixes
 * plain paragraphs with a running paragraph number (US pleadings).
 */
export function drawTemplate(
  flow: Flow,
  styles: DocumentStyles,
  text: string,
  placeholders: Record<string, string>,
  number?: () => number,
): void {
  for (const block of parseTemplate(text, placeholders)) {
    if (block.kind === 'heading') {
      flow.paragraph(block.text, { ...styles.body, font: styles.heading.font, align: 'left', spaceBefore: 8, keepWithNext: true });
      continue;
    }
    if (number) {
      drawNumberedParagraph(flow, styles, number(), block.text);
      continue;
    }
    if (block.marker) {
      const hang = styles.body.font.widthOf(block.marker, styles.body.size);
      flow.paragraph(block.text, { ...styles.body, indent: hang, firstLineIndent: -hang });
      continue;
    }
    flow.paragraph(block.text, { ...styles.body, firstLineIndent: styles.body.size });
  }
}

/** "      12.  Text …": the number sits at a half-inch indent, wrapped lines return to the margin. */
export function drawNumberedParagraph(flow: Flow, styles: DocumentStyles, number: number, text: string): void {
  flow.paragraph(`${number}.\u2002${text}`, { ...styles.body, firstLineIndent: 36 });
}
