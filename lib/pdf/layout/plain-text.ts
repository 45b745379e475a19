import type { Flow } from './flow';
import type { DocumentStyles } from './styles';

const NUMBERED_HEADING = /^\d{1,2}\.\s+\S/;
const BULLET = /^[-•]\s+/;
/** A numbered line this short is a section heading ("1. 인터넷 회선과 장애"), not a sentence. */
const HEADING_MAX_CHARS = 40;

const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * A signed text whose first line repeats the document's own title ("진술서 (보안 패치 적용
 * 상태)" under the title 진 술 서) is not printed twice: the title stays, what the line adds
 * becomes its subtitle, and the rest is the body. Nothing of the signed text is dropped.
 */
export function splitRepeatedTitle(text: string, title: string): { subtitle: string | null; body: string } {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/^\s+/, '');
  const [first = '', ...rest] = normalized.split('\n');
  const key = squeeze(title);
  if (!key || !squeeze(first).startsWith(key)) return { subtitle: null, body: normalized };
  // Keep what follows the title on that line, from the first character after the title's letters.
  let seen = 0;
  let cut = 0;
  for (const [index, char] of Array.from(first).entries()) {
    if (/\s/.test(char)) continue;
    seen++;
    if (seen === Array.from(key).length) {
      cut = index + 1;
      break;
    }
  }
  const subtitle = Array.from(first).slice(cut).join('').trim();
  return { subtitle: subtitle || null, body: rest.join('\n').replace(/^\s*\n/, '') };
}

/**
 * Typesets a plain text as it was written and signed, line by line: a blank line separates
 * blocks, a short numbered line is a bold heading kept with its text, "- " lines hang, and every
 * other line is a paragraph (lines are never joined, so the printed text reads as signed).
 */
export function drawPlainText(flow: Flow, styles: DocumentStyles, text: string): void {
  let isBlockStart = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      isBlockStart = true;
      continue;
    }
    const spaceBefore = isBlockStart ? styles.body.size * 0.6 : 0;
    isBlockStart = false;
    if (NUMBERED_HEADING.test(line) && line.length <= HEADING_MAX_CHARS && !/[.。다]$/.test(line)) {
      flow.paragraph(line, { ...styles.body, font: styles.heading.font, align: 'left', spaceBefore, keepWithNext: true });
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      const hang = styles.body.font.widthOf(bullet[0], styles.body.size);
      flow.paragraph(line, { ...styles.body, indent: hang, firstLineIndent: -hang, spaceBefore });
      continue;
    }
    flow.paragraph(line, { ...styles.body, firstLineIndent: styles.body.size, spaceBefore });
  }
}
