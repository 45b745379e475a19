import { deflateSync } from 'node:zlib';
import { PDFContext, PDFPage, PDFRawStream, PDFRef } from 'pdf-lib';
import type { EmbeddedFont } from '../fonts/document-fonts';

export type Rgb = readonly [number, number, number];
export const BLACK: Rgb = [0, 0, 0];

export type TextStyle = { font: EmbeddedFont; size: number; color?: Rgb };
export type TextAlign = 'left' | 'center' | 'right';
export type TextOptions = {
  align?: TextAlign;
  /** Stretch the text to this width by widening the gaps (justified body text). */
  justifyTo?: number;
};
export type StrokeOptions = { lineWidth?: number; color?: Rgb; dash?: readonly number[] };
export type RectOptions = { fill?: Rgb; stroke?: Rgb; lineWidth?: number };

/**
 * The page as the reader sees it: size after /Rotate, and the matrix from that upright,
 * bottom-left-origin space to the page's own user space (offset boxes, rotated pages).
 */
export type VisualFrame = { width: number; height: number; matrix?: readonly number[] };

type GraphicsState = { font: string; fill: string; stroke: string; lineWidth: number; dash: string };

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function colorOp(color: Rgb, operator: 'rg' | 'RG'): string {
  return `${num(color[0])} ${num(color[1])} ${num(color[2])} ${operator}`;
}

/**
 * Draws on one page with the origin at the TOP-LEFT corner and y growing downwards — the only
 * place that flips to PDF's bottom-left origin. Operators are collected as text and written as
 * one compressed content stream by `flush()`; pdf-lib's per-call operator objects cost far more
 * for tables of thousands of cells.
 */
export class PageCanvas {
  readonly width: number;
  readonly height: number;
  private ops: string[] = [];
  private readonly fontKeys = new Map<EmbeddedFont, string>();
  private readonly imageKeys = new Map<PDFRef, string>();
  private state: GraphicsState = { font: '', fill: '0 0 0 rg', stroke: '0 0 0 RG', lineWidth: 1, dash: '[] 0 d' };
  private readonly saved: GraphicsState[] = [];

  constructor(
    readonly page: PDFPage,
    private readonly context: PDFContext,
    private readonly frame?: VisualFrame,
  ) {
    const { width, height } = frame ?? page.getSize();
    this.width = width;
    this.height = height;
  }

  /** Draws one line of text; `y` is the baseline measured from the top edge. */
  text(text: string, x: number, y: number, style: TextStyle, options: TextOptions = {}): void {
    if (text.length === 0) return;
    const { font, size } = style;
    let left = x;
    if (options.align === 'center') left = x - font.widthOf(text, size) / 2;
    else if (options.align === 'right') left = x - font.widthOf(text, size);
    this.setFill(style.color ?? BLACK);
    this.setFont(font, size);
    const shown = options.justifyTo === undefined ? `<${font.encodeHex(text)}> Tj` : this.justified(text, style, options.justifyTo);
    this.ops.push(`BT 1 0 0 1 ${num(left)} ${num(this.height - y)} Tm ${shown} ET`);
  }

  line(x1: number, y1: number, x2: number, y2: number, options: StrokeOptions = {}): void {
    this.setStroke(options);
    this.ops.push(`${num(x1)} ${num(this.height - y1)} m ${num(x2)} ${num(this.height - y2)} l S`);
  }

  /** A rectangle whose top-left corner is (x, y). */
  rect(x: number, y: number, width: number, height: number, options: RectOptions): void {
    const path = `${num(x)} ${num(this.height - y - height)} ${num(width)} ${num(height)} re`;
    if (options.fill) this.setFill(options.fill);
    if (options.stroke) this.setStroke({ color: options.stroke, lineWidth: options.lineWidth });
    const paint = options.fill && options.stroke ? 'B' : options.fill ? 'f' : 'S';
    this.ops.push(`${path} ${paint}`);
  }

  /** Places an image XObject in the box whose top-left corner is (x, y). */
  image(ref: PDFRef, x: number, y: number, width: number, height: number): void {
    let key = this.imageKeys.get(ref);
    if (!key) {
      key = this.page.node.newXObject('JdIm', ref).asString();
      this.imageKeys.set(ref, key);
    }
    this.ops.push(`q ${num(width)} 0 0 ${num(height)} ${num(x)} ${num(this.height - y - height)} cm ${key} Do Q`);
  }

  /**
   * Runs `draw` in PDF user space transformed by `matrix` (a b c d e f), bottom-left origin:
   * used to stamp pages whose /Rotate turns them on their side.
   */
  transformed(matrix: readonly number[], draw: () => void): void {
    this.save();
    this.ops.push(`${matrix.map(num).join(' ')} cm`);
    draw();
    this.restore();
  }

  /** Marks page furniture (page numbers, stamps) as an artifact: not part of the document text. */
  artifact(draw: () => void): void {
    this.ops.push('/Artifact BMC');
    draw();
    this.ops.push('EMC');
  }

  get isEmpty(): boolean {
    return this.ops.length === 0;
  }

  /**
   * Writes what is drawn so far as a content stream when that cannot change what is drawn next:
   * nothing saved and still open, and no frame (flush wraps a framed page's operators in a
   * q … Q that would undo the state this canvas believes is set). A page's streams are read as
   * one, so the page looks the same; a long document then holds compressed pages, not text.
   */
  flushDrawn(): void {
    if (this.frame?.matrix || this.saved.length > 0) return;
    this.flush();
  }

  /** Writes the collected operators as a new content stream on the page. */
  flush(): void {
    if (this.ops.length === 0) return;
    if (this.frame?.matrix) this.ops = ['q', `${this.frame.matrix.map(num).join(' ')} cm`, ...this.ops, 'Q'];
    const bytes = deflateSync(Buffer.from(this.ops.join('\n'), 'latin1'));
    const stream = PDFRawStream.of(this.context.obj({ Filter: 'FlateDecode' }), bytes);
    this.page.node.addContentStream(this.context.register(stream));
    this.ops = [];
  }

  private justified(text: string, style: TextStyle, width: number): string {
    const natural = style.font.widthOf(text, style.size);
    const chars = Array.from(text);
    const spaces = chars.filter((char) => char === ' ').length;
    const gaps = spaces > 0 ? spaces : chars.length - 1;
    if (gaps <= 0 || width <= natural) return `<${style.font.encodeHex(text)}> Tj`;
    // TJ offsets are in thousandths of the font size; negative values move the next glyph right.
    const shift = num((-(width - natural) / gaps / style.size) * 1000);
    const parts: string[] = [];
    let run = '';
    chars.forEach((char, index) => {
      run += char;
      const isGap = spaces > 0 ? char === ' ' : index < chars.length - 1;
      if (isGap) {
        parts.push(`<${style.font.encodeHex(run)}> ${shift}`);
        run = '';
      }
    });
    if (run) parts.push(`<${style.font.encodeHex(run)}>`);
    return `[${parts.join(' ')}] TJ`;
  }

  private setFont(font: EmbeddedFont, size: number): void {
    let key = this.fontKeys.get(font);
    if (!key) {
      key = this.page.node.newFontDictionary(`Jd${font.face}`, font.ref).asString();
      this.fontKeys.set(font, key);
    }
    const op = `${key} ${num(size)} Tf`;
    if (this.state.font === op) return;
    this.state.font = op;
    this.ops.push(op);
  }

  private setFill(color: Rgb): void {
    const op = colorOp(color, 'rg');
    if (this.state.fill === op) return;
    this.state.fill = op;
    this.ops.push(op);
  }

  private setStroke(options: StrokeOptions): void {
    const op = colorOp(options.color ?? BLACK, 'RG');
    if (this.state.stroke !== op) {
      this.state.stroke = op;
      this.ops.push(op);
    }
    const lineWidth = options.lineWidth ?? 0.5;
    if (this.state.lineWidth !== lineWidth) {
      this.state.lineWidth = lineWidth;
      this.ops.push(`${num(lineWidth)} w`);
    }
    const dash = `[${(options.dash ?? []).map(num).join(' ')}] 0 d`;
    if (this.state.dash !== dash) {
      this.state.dash = dash;
      this.ops.push(dash);
    }
  }

  private save(): void {
    this.saved.push({ ...this.state });
    this.ops.push('q');
  }

  private restore(): void {
    this.ops.push('Q');
    this.state = this.saved.pop() ?? this.state;
  }
}
