import type { EmbeddedFont } from '../fonts/document-fonts';
import { contentBox } from '../geometry';
import type { PageCanvas, Rgb } from './canvas';
import { breakLines } from './line-break';
import type { PdfBuilder } from './pdf-builder';

export type ParagraphStyle = {
  font: EmbeddedFont;
  size: number;
  /** Baseline-to-baseline distance. */
  leading: number;
  align?: 'left' | 'justify' | 'center' | 'right';
  /** Left indent of every line. */
  indent?: number;
  /** Extra indent of the first line (negative: hanging, for numbered items). */
  firstLineIndent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  color?: Rgb;
  /** Keep this many lines of the paragraph on the page where it starts (default 2). */
  keepLines?: number;
  /**
   * Keep on the same page as the start of whatever follows (headings, the lines of a signature
   * block): drawn only once the next content knows where it goes, as word processors do.
   */
  keepWithNext?: boolean;
};

type Kept = { height: number; draw: () => void };

/** Short caption labels (원 고) are spread over this many em, as on Korean court forms. */
const LABEL_SPREAD_EM = 5;

/** Where a line's baseline sits inside its line box: optically centred for CJK glyphs. */
export function baselineOffset(leading: number, size: number): number {
  return (leading + size * 0.7) / 2;
}

/**
 * Flows content down the content box of the document's format, starting new pages as needed.
 * `y` is the top of the next line box, measured from the top edge of the page.
 */
export class Flow {
  readonly box: ReturnType<typeof contentBox>;
  canvas: PageCanvas;
  y: number;

  private readonly nextPage: () => PageCanvas;
  /** Content waiting for what follows it (keepWithNext), in order. */
  private kept: Kept[] = [];

  constructor(
    readonly builder: PdfBuilder,
    /** Where pages come from: appended to the document (default) or pages reserved earlier. */
    nextPage?: () => PageCanvas,
  ) {
    this.box = contentBox(builder.format);
    this.nextPage = nextPage ?? (() => builder.addPage());
    this.canvas = this.nextPage();
    this.y = this.box.top;
    // A document may end with kept content (nothing followed it): it is drawn before the page furniture.
    builder.beforeFinish(() => this.release(0));
  }

  newPage(): PageCanvas {
    this.release(0);
    return this.startPage();
  }

  private startPage(): PageCanvas {
    this.canvas = this.nextPage();
    this.y = this.box.top;
    return this.canvas;
  }

  /**
   * Holds content back until the next content's first lines are known (`height`), so both land
   * on one page: `draw` runs later, at the position it would have had, or at the top of the next
   * page together with what follows it.
   */
  keep(height: number, draw: () => void): void {
    this.kept.push({ height, draw });
  }

  /** Draws kept content, first starting a new page if it and the next `height` points do not fit here. */
  private release(height: number): void {
    if (this.kept.length === 0) return;
    const kept = this.kept;
    this.kept = [];
    const total = kept.reduce((sum, item) => sum + item.height, 0);
    if (total + height > this.remaining && this.y > this.box.top) this.startPage();
    for (const item of kept) item.draw();
  }

  /** Space left on the current page. */
  get remaining(): number {
    return this.box.bottom - this.y;
  }

  /** Starts a new page unless `height` still fits on this one (with any content kept for it). */
  ensure(height: number): void {
    this.release(height);
    if (height > this.remaining && this.y > this.box.top) this.startPage();
  }

  gap(height: number): void {
    if (this.kept.length) {
      this.keep(height, () => this.gap(height));
      return;
    }
    this.y = Math.min(this.y + height, this.box.bottom);
  }

  /** Reserves a block of `height`, draws it with its top-left corner at (box.left, top). */
  block(height: number, draw: (canvas: PageCanvas, top: number) => void): void {
    this.ensure(height);
    draw(this.canvas, this.y);
    this.y += height;
  }

  /** Lines of `text` wrapped to the style's width (exposed so callers can measure before drawing). */
  layout(text: string, style: ParagraphStyle, width = this.box.width): string[] {
    const indent = style.indent ?? 0;
    const first = style.firstLineIndent ?? 0;
    return breakLines(
      text,
      (line) => width - indent - (line === 0 ? first : 0),
      (piece) => style.font.widthOf(piece, style.size),
    );
  }

  paragraph(text: string, style: ParagraphStyle): void {
    const lines = this.layout(text, style);
    const firstLines = Math.min(lines.length, style.keepLines ?? 2) * style.leading;
    if (style.keepWithNext) {
      const height = (style.spaceBefore ?? 0) + lines.length * style.leading + (style.spaceAfter ?? 0);
      this.keep(height, () => this.paragraph(text, { ...style, keepWithNext: false }));
      return;
    }
    // Kept content goes first, and decides the page together with this paragraph's first lines.
    this.release((this.y > this.box.top ? (style.spaceBefore ?? 0) : 0) + firstLines);
    this.gap(this.y > this.box.top ? (style.spaceBefore ?? 0) : 0);
    this.ensure(firstLines);
    const indent = style.indent ?? 0;
    lines.forEach((line, index) => {
      this.ensure(style.leading);
      const lineIndent = indent + (index === 0 ? (style.firstLineIndent ?? 0) : 0);
      this.drawLine(line, lineIndent, style, index === lines.length - 1);
      this.y += style.leading;
    });
    this.gap(style.spaceAfter ?? 0);
  }

  /**
   * A caption row: `label` spread evenly over `labelWidth` (원   고), the value wrapped beside
   * it; advances `y`.
   */
  labeled(label: string, value: string, style: ParagraphStyle, labelWidth: number, labelStyle: ParagraphStyle = style): void {
    const valueStyle = { ...style, indent: (style.indent ?? 0) + labelWidth };
    const lines = this.layout(value, valueStyle);
    this.ensure(Math.min(lines.length, 2) * style.leading);
    const baseline = this.y + baselineOffset(style.leading, style.size);
    drawDistributed(
      this.canvas,
      label,
      this.box.left + (style.indent ?? 0),
      baseline,
      Math.min(labelWidth - style.size, LABEL_SPREAD_EM * style.size),
      labelStyle,
    );
    for (const line of lines) {
      this.ensure(style.leading);
      this.drawLine(line, valueStyle.indent, valueStyle, true);
      this.y += style.leading;
    }
  }

  private drawLine(line: string, lineIndent: number, style: ParagraphStyle, isLast: boolean): void {
    const baseline = this.y + baselineOffset(style.leading, style.size);
    const left = this.box.left + lineIndent;
    const textStyle = { font: style.font, size: style.size, color: style.color };
    switch (style.align) {
      case 'center':
        this.canvas.text(line, (left + this.box.right) / 2, baseline, textStyle, { align: 'center' });
        return;
      case 'right':
        this.canvas.text(line, this.box.right, baseline, textStyle, { align: 'right' });
        return;
      case 'justify':
        this.canvas.text(line, left, baseline, textStyle, isLast ? {} : { justifyTo: this.box.right - left });
        return;
      default:
        this.canvas.text(line, left, baseline, textStyle);
    }
  }
}

/** Draws `text` with its characters spread evenly over `width` (Korean form labels: 원   고). */
export function drawDistributed(canvas: PageCanvas, text: string, x: number, baseline: number, width: number, style: ParagraphStyle): void {
  const chars = Array.from(text.replace(/\s+/g, ''));
  const textStyle = { font: style.font, size: style.size, color: style.color };
  const natural = style.font.widthOf(chars.join(''), style.size);
  const isHangul = chars.every((char) => /[\uac00-\ud7a3]/.test(char));
  if (!isHangul || chars.length < 2 || natural >= width || chars.length > 4) {
    canvas.text(text, x, baseline, textStyle);
    return;
  }
  canvas.text(chars.join(''), x, baseline, textStyle, { justifyTo: width });
}
