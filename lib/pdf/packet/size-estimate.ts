import { PDFArray, PDFContext, PDFDict, PDFName, PDFObject, PDFRef, PDFStream } from 'pdf-lib';

/** Bytes an indirect object costs beyond its body: "12 0 obj … endobj" and its xref entry. */
const OBJECT_OVERHEAD = 40;
/** Keys that point back up or across the document; following them would count other pages. */
const SKIPPED_KEYS = new Set(['/Parent', '/P', '/Dest', '/Prev', '/Next', '/First', '/Last', '/StructParent', '/StructParents']);

/**
 * The indirect objects a page needs (content, resources, fonts, images) and their serialized
 * sizes. Shared objects (a font used on every page) appear once per part, so the caller keeps
 * the set of objects already counted for the part being filled.
 */
export function pageObjects(context: PDFContext, pageRef: PDFRef): Map<PDFRef, number> {
  const found = new Map<PDFRef, number>();
  const stack: PDFObject[] = [pageRef];
  while (stack.length > 0) {
    const object = stack.pop() as PDFObject;
    if (object instanceof PDFRef) {
      if (found.has(object)) continue;
      const target = context.lookup(object);
      if (!target) continue;
      found.set(object, target.sizeInBytes() + OBJECT_OVERHEAD);
      stack.push(target);
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        if (!SKIPPED_KEYS.has((key as PDFName).asString())) stack.push(value);
      }
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) stack.push(value);
    } else if (object instanceof PDFStream) {
      stack.push(object.dict);
    }
  }
  return found;
}

/** Fixed cost of a file: header, catalog, page tree, info, outline roots, xref and trailer. */
export const FILE_OVERHEAD_BYTES = 4096;
/** Per bookmark: its dictionary with a UTF-16 title. */
export const BOOKMARK_BYTES = 220;
