import { baselineOffset, type Flow, type ParagraphStyle } from './flow';
import { breakLines } from './line-break';

export type TabItem = { left: string; right?: string };

/** The second column never starts further right than this share of the line. */
const MAX_TAB_SHARE = 0.45;

/**
 * A numbered list with two aligned columns ("1. 갑 제1호증    인터넷 요금 고지서"): the second
 * column starts at a common tab stop after the widest first column, and both columns wrap.
 */
export function drawTabList(
  flow: Flow,
  style: ParagraphStyle,
  items: readonly TabItem[],
  numbered = true,
  /** Keep the last item with what follows (a signature block after the list). */
  keepLastWithNext = false,
): void {
  const measure = (text: string) => style.font.widthOf(text, style.size);
  const markers = items.map((_, index) => (numbered ? `${index + 1}. ` : ''));
  const hang = Math.max(0, ...markers.map(measure));
  const gap = style.size * 1.5;
  const widest = Math.max(0, ...items.map((item) => measure(item.left)));
  const tab = Math.min(hang + widest + gap, flow.box.width * MAX_TAB_SHARE);
  items.forEach((item, index) => {
    const hasRight = Boolean(item.right);
    const leftLines = breakLines(item.left, () => (hasRight ? tab - hang - gap / 2 : flow.box.width - hang), measure);
    const rightLines = hasRight ? breakLines(item.right ?? '', () => flow.box.width - tab, measure) : [];
    const count = Math.max(leftLines.length, rightLines.length);
    const draw = () => {
      flow.ensure(Math.min(count, 2) * style.leading);
      for (let line = 0; line < count; line++) {
        flow.ensure(style.leading);
        const baseline = flow.y + baselineOffset(style.leading, style.size);
        const textStyle = { font: style.font, size: style.size, color: style.color };
        if (line === 0 && markers[index]) flow.canvas.text(markers[index], flow.box.left, baseline, textStyle);
        if (leftLines[line]) flow.canvas.text(leftLines[line], flow.box.left + hang, baseline, textStyle);
        if (rightLines[line]) flow.canvas.text(rightLines[line], flow.box.left + tab, baseline, textStyle);
        flow.y += style.leading;
      }
    };
    if (keepLastWithNext && index === items.length - 1) flow.keep(count * style.leading, draw);
    else draw();
  });
}
