import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inspectUpload } from './inspect';
import { inspectPdf } from './pdf-inspect';
import { makePdf, makePdfWithActions, makePdfWithAttachments } from './test-fixtures';

/** Every name in a PDF's object graph, to prove a rebuilt file carries none of the active ones. */
async function namesIn(bytes: Uint8Array): Promise<Set<string>> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const names = new Set<string>();
  const visit = (object: unknown, depth = 0): void => {
    if (depth > 32) return;
    const dict =
      object instanceof PDFDict
        ? object
        : (object as { dict?: unknown })?.dict instanceof PDFDict
          ? (object as { dict: PDFDict }).dict
          : null;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        names.add(key.decodeText());
        if (value instanceof PDFName) names.add(value.decodeText());
        visit(value, depth + 1);
      }
    } else if (object instanceof PDFArray) {
      for (let index = 0; index < object.size(); index++) visit(object.get(index), depth + 1);
    }
  };
  for (const [, object] of document.context.enumerateIndirectObjects()) visit(object);
  return names;
}

const ACTIVE_NAMES = [
  'EmbeddedFiles',
  'EF',
  'Filespec',
  'FileAttachment',
  'GoToE',
  'GoToR',
  'Launch',
  'SubmitForm',
  'ImportData',
  'RichMedia',
  'AA',
];

describe('PDF evidence with attachments and actions (issue 17, item 8)', () => {
  it('rebuilds a PDF carrying an attached script PDF and an HTML page into a clean copy of its pages', async () => {
    const hostile = await makePdfWithAttachments();
    expect(await namesIn(hostile)).toContain('EmbeddedFiles');
    const result = await inspectUpload(hostile);
    expect(result).toMatchObject({ mime: 'application/pdf', pageCount: 1, removed: expect.arrayContaining(['EF', 'EmbeddedFiles']) });
    expect(result.bytes).not.toBe(hostile);
    const names = await namesIn(result.bytes);
    for (const name of ACTIVE_NAMES) expect(names, name).not.toContain(name);
    const text = Buffer.from(result.bytes).toString('latin1');
    expect(text).not.toContain('invoice.pdf');
    expect(text).not.toContain('open-me.html');
    expect((await PDFDocument.load(result.bytes)).getPageCount()).toBe(1);
  });

  it('takes out attachment annotations, /GoToR, /GoToE, /SubmitForm, /ImportData, /RichMedia and /AA, and keeps a web link', async () => {
    const hostile = await makePdfWithActions();
    const result = await inspectPdf(hostile);
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect(result.removed).toEqual(
      expect.arrayContaining(['AA', 'FileAttachment', 'GoToE', 'GoToR', 'ImportData', 'RichMedia', 'SubmitForm']),
    );
    const names = await namesIn(result.rebuilt!);
    for (const name of ACTIVE_NAMES) expect(names, name).not.toContain(name);
    const rebuilt = await PDFDocument.load(result.rebuilt!);
    const annotations = rebuilt.getPage(0).node.Annots();
    expect(annotations?.size()).toBe(1);
    expect(Buffer.from(result.rebuilt!).toString('latin1')).toContain('https://www.example.org/bill');
  });

  it('leaves a clean PDF byte for byte, and a rebuilt one passes again unchanged', async () => {
    const clean = await makePdf(['Plain bill'], 2);
    expect(await inspectPdf(clean)).toEqual({ ok: true, pageCount: 2 });
    const rebuilt = (await inspectUpload(await makePdfWithActions())).bytes;
    expect(await inspectPdf(rebuilt)).toEqual({ ok: true, pageCount: 1 });
  });
});
