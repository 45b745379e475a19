import { PDFDocument } from 'pdf-lib';
import { PageTooLargeError } from '../errors';
import { BOOKMARK_BYTES, FILE_OVERHEAD_BYTES, pageObjects } from './size-estimate';

export type PacketPage = { document: number; pageIndex: number };

/**
 * Splits the packet's pages, in order, into runs whose estimated file size stays under
 * `budget`. Objects shared by pages of one part (fonts) are counted once per part. Returns the
 * index of the first page of every part.
 */
export function planParts(
  sources: readonly PDFDocument[],
  pages: readonly PacketPage[],
  budget: number,
  bookmarksPerPage: (page: number) => number,
): number[] {
  const starts = [0];
  let counted = new Set<string>();
  let size = FILE_OVERHEAD_BYTES;
  pages.forEach((page, index) => {
    const source = sources[page.document];
    const objects = pageObjects(source.context, source.getPage(page.pageIndex).ref);
    const cost = (seen: Set<string>) => {
      let bytes = bookmarksPerPage(index) * BOOKMARK_BYTES;
      for (const [ref, objectBytes] of objects) if (!seen.has(`${page.document}:${ref.tag}`)) bytes += objectBytes;
      return bytes;
    };
    let pageCost = cost(counted);
    if (size + pageCost > budget && index > starts[starts.length - 1]) {
      starts.push(index);
      counted = new Set();
      size = FILE_OVERHEAD_BYTES;
      pageCost = cost(counted);
    }
    if (FILE_OVERHEAD_BYTES + pageCost > budget) throw new PageTooLargeError(index + 1, FILE_OVERHEAD_BYTES + pageCost, budget);
    for (const ref of objects.keys()) counted.add(`${page.document}:${ref.tag}`);
    size += pageCost;
  });
  return starts;
}
