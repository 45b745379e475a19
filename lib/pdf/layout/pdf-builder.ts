import { PDFDocument, PDFPage } from 'pdf-lib';
import { DocumentFonts, type EmbeddedFont } from '../fonts/document-fonts';
import type { FontFace } from '../fonts/font-files';
import { FORMAT_LAYOUTS, type DocumentFormat, type PageSize } from '../geometry';
import type { Language } from '../types';
import { PageCanvas, type VisualFrame } from './canvas';

export const PDF_CREATOR = 'Joinder';
export const PDF_PRODUCER = 'Joinder PDF (pdf-lib 1.17, fontkit 2)';
/** pdf-lib yields to the event loop every N objects while saving; the default (50) costs seconds on big files. */
export const OBJECTS_PER_TICK = 5000;

export type DocumentMeta = {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  language: Language;
  /** Creation and modification date (injected for deterministic output). */
  createdAt: Date;
};

/** Writes Info-dictionary metadata; no XMP timestamps or random ids, so output is reproducible. */
export function applyMetadata(doc: PDFDocument, meta: DocumentMeta): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(PDF_PRODUCER);
  doc.setCreationDate(meta.createdAt);
  doc.setModificationDate(meta.createdAt);
  doc.setLanguage(meta.language === 'ko' ? 'ko-KR' : 'en-US');
}

/** One document being drawn: the pdf-lib document, its fonts and a canvas per page. */
export class PdfBuilder {
  readonly canvases: PageCanvas[] = [];
  readonly fonts: DocumentFonts;
  private finishing: (() => void)[] = [];

  private constructor(
    readonly doc: PDFDocument,
    readonly format: DocumentFormat,
    private readonly meta: DocumentMeta,
  ) {
    this.fonts = new DocumentFonts(doc);
  }

  static async create(format: DocumentFormat, meta: DocumentMeta): Promise<PdfBuilder> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    return new PdfBuilder(doc, format, meta);
  }

  font(face: FontFace): EmbeddedFont {
    return this.fonts.get(face);
  }

  addPage(size: PageSize = FORMAT_LAYOUTS[this.format].size): PageCanvas {
    // The page before is (nearly always) done: kept as its operators' text, 100,000 rows of a
    // party list or 선정서 would be over a gigabyte before save; compressed, a tenth of it.
    this.canvases.at(-1)?.flushDrawn();
    const page = this.doc.addPage([size.width, size.height]);
    const canvas = new PageCanvas(page, this.doc.context);
    this.canvases.push(canvas);
    return canvas;
  }

  /** Takes over a page already added to the document (a copied exhibit page) for stamping. */
  adoptPage(page: PDFPage, frame: VisualFrame): PageCanvas {
    const canvas = new PageCanvas(page, this.doc.context, frame);
    this.canvases.push(canvas);
    return canvas;
  }

  /** Runs before the page furniture is drawn and before saving (a text flow draws what it held back). */
  beforeFinish(hook: () => void): void {
    this.finishing.push(hook);
  }

  /** Runs the hooks once: every page the document will have exists after this. */
  finishContent(): void {
    const hooks = this.finishing;
    this.finishing = [];
    for (const hook of hooks) hook();
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  async save(): Promise<Uint8Array> {
    this.finishContent();
    for (const canvas of this.canvases) canvas.flush();
    applyMetadata(this.doc, this.meta);
    return this.doc.save({
      useObjectStreams: true,
      addDefaultPage: false,
      updateFieldAppearances: false,
      objectsPerTick: OBJECTS_PER_TICK,
    });
  }
}
