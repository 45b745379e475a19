import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFStream, PDFString } from 'pdf-lib';

/** Reloads a rendered PDF with pdf-lib for assertions. */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false });
}

export async function pageSizes(bytes: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await loadPdf(bytes);
  return doc.getPages().map((page) => {
    const { width, height } = page.getSize();
    return { width: Math.round(width * 100) / 100, height: Math.round(height * 100) / 100 };
  });
}

/** Top-level and nested bookmark titles, depth-first. */
export async function outlineTitles(bytes: Uint8Array): Promise<string[]> {
  const doc = await loadPdf(bytes);
  const context = doc.context;
  const titles: string[] = [];
  const walk = (item: unknown) => {
    let node = context.lookup(item as never);
    while (node instanceof PDFDict) {
      const title = node.get(PDFName.of('Title'));
      if (title instanceof PDFHexString || title instanceof PDFString) titles.push(title.decodeText());
      walk(node.get(PDFName.of('First')));
      node = context.lookup(node.get(PDFName.of('Next')) as never);
    }
  };
  const outlines = context.lookup(doc.catalog.get(PDFName.of('Outlines')));
  if (outlines instanceof PDFDict) walk(outlines.get(PDFName.of('First')));
  return titles;
}

/** Counts image XObjects stored in the file (soft masks not counted): each distinct image once. */
export async function imageXObjectCount(bytes: Uint8Array): Promise<{ jpeg: number; flate: number }> {
  const doc = await loadPdf(bytes);
  const images = doc.context
    .enumerateIndirectObjects()
    .filter(([, object]) => object instanceof PDFStream && object.dict.get(PDFName.of('Subtype'))?.toString() === '/Image') as [
    PDFRef,
    PDFStream,
  ][];
  const masks = new Set(images.map(([, stream]) => stream.dict.get(PDFName.of('SMask'))?.toString()).filter(Boolean));
  let jpeg = 0;
  let flate = 0;
  for (const [ref, stream] of images) {
    if (masks.has(ref.toString())) continue;
    const filter = stream.dict.get(PDFName.of('Filter'))?.toString();
    if (filter === '/DCTDecode') jpeg++;
    else if (filter === '/FlateDecode') flate++;
  }
  return { jpeg, flate };
}
