import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFRef } from 'pdf-lib';

import type { Bookmark } from '../types';

/** A bookmark: title, target page (0-based, in this document) and nested bookmarks. */
export type OutlineItem = Bookmark;

/**
 * Writes the document outline (bookmarks) and asks viewers to show it. pdf-lib has no outline
 * API, so the dictionaries are built by hand (PDF 32000-1, 12.3.3); titles are UTF-16 hex
 * strings so Hangul survives.
 */
export function writeOutline(doc: PDFDocument, items: readonly OutlineItem[]): void {
  if (items.length === 0) return;
  const context = doc.context;
  const pageRefs = doc.getPages().map((page) => page.ref);
  const rootRef = context.nextRef();

  const writeLevel = (levelItems: readonly OutlineItem[], parentRef: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = levelItems.map(() => context.nextRef());
    let count = 0;
    levelItems.forEach((item, index) => {
      const pageRef = pageRefs[Math.min(Math.max(item.pageIndex, 0), pageRefs.length - 1)];
      const dict = context.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parentRef,
        Dest: [pageRef, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull],
      }) as PDFDict;
      if (index > 0) dict.set(PDFName.of('Prev'), refs[index - 1]);
      if (index < refs.length - 1) dict.set(PDFName.of('Next'), refs[index + 1]);
      count++;
      if (item.children?.length) {
        const children = writeLevel(item.children, refs[index]);
        dict.set(PDFName.of('First'), children.first);
        dict.set(PDFName.of('Last'), children.last);
        // Negative count: children start collapsed (long exhibit lists stay readable).
        dict.set(PDFName.of('Count'), context.obj(-children.count));
      }
      context.assign(refs[index], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };

  const top = writeLevel(items, rootRef);
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count }));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
