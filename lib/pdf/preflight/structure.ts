import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObject, type PDFPage, PDFRef, PDFStream } from 'pdf-lib';

function lookupDict(doc: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const object = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream) return object.dict;
  return undefined;
}

function nameOf(dict: PDFDict | undefined, key: string): string | undefined {
  const value = dict?.get(PDFName.of(key));
  return value instanceof PDFName ? value.asString().slice(1) : undefined;
}

function isJavaScriptAction(doc: PDFDocument, action: PDFObject | undefined): boolean {
  const dict = lookupDict(doc, action);
  return nameOf(dict, 'S') === 'JavaScript' || nameOf(dict, 'S') === 'Launch';
}

/** Where JavaScript lurks: document-level scripts, open actions, additional actions, annotation actions. */
export function findJavaScript(doc: PDFDocument): string[] {
  const found: string[] = [];
  const catalog = doc.catalog;
  const names = lookupDict(doc, catalog.get(PDFName.of('Names')));
  if (names?.get(PDFName.of('JavaScript'))) found.push('catalog /Names /JavaScript');
  if (isJavaScriptAction(doc, catalog.get(PDFName.of('OpenAction')))) found.push('catalog /OpenAction');
  if (catalog.get(PDFName.of('AA'))) found.push('catalog /AA');
  doc.getPages().forEach((page, index) => {
    if (page.node.get(PDFName.of('AA'))) found.push(`page ${index + 1} /AA`);
    for (const annot of annotationsOf(doc, page.node)) {
      if (isJavaScriptAction(doc, annot.get(PDFName.of('A'))) || annot.get(PDFName.of('AA')))
        found.push(`page ${index + 1} annotation action`);
    }
  });
  return found;
}

function annotationsOf(doc: PDFDocument, page: PDFDict): PDFDict[] {
  const annots = doc.context.lookup(page.get(PDFName.of('Annots')));
  if (!(annots instanceof PDFArray)) return [];
  return annots
    .asArray()
    .map((entry) => lookupDict(doc, entry))
    .filter((dict): dict is PDFDict => Boolean(dict));
}

/** Interactive form parts: an /AcroForm with fields, or widget annotations on pages. */
export function findForms(doc: PDFDocument): string[] {
  const found: string[] = [];
  const acroForm = lookupDict(doc, doc.catalog.get(PDFName.of('AcroForm')));
  if (acroForm) found.push('catalog /AcroForm');
  doc.getPages().forEach((page, index) => {
    if (annotationsOf(doc, page.node).some((annot) => nameOf(annot, 'Subtype') === 'Widget')) found.push(`page ${index + 1} widget`);
  });
  return found;
}

export type FontReport = { name: string; isEmbedded: boolean; isSubset: boolean; hasToUnicode: boolean };

function fontReport(doc: PDFDocument, font: PDFDict): FontReport {
  const name = nameOf(font, 'BaseFont') ?? nameOf(font, 'Name') ?? '(unnamed)';
  const subtype = nameOf(font, 'Subtype');
  const hasToUnicode = Boolean(font.get(PDFName.of('ToUnicode')));
  if (subtype === 'Type3') return { name, isEmbedded: true, isSubset: true, hasToUnicode };
  let descriptorOwner = font;
  if (subtype === 'Type0') {
    const descendants = doc.context.lookup(font.get(PDFName.of('DescendantFonts')));
    descriptorOwner = (descendants instanceof PDFArray ? lookupDict(doc, descendants.get(0)) : undefined) ?? font;
  }
  const descriptor = lookupDict(doc, descriptorOwner.get(PDFName.of('FontDescriptor')));
  const isEmbedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => Boolean(descriptor?.get(PDFName.of(key))));
  return { name, isEmbedded, isSubset: /^[A-Z]{6}\+/.test(name), hasToUnicode };
}

/** Every font reachable from page resources, including those of form XObjects, once each. */
export function collectFonts(doc: PDFDocument, pages: readonly PDFPage[] = doc.getPages()): FontReport[] {
  const seen = new Set<PDFDict>();
  const reports: FontReport[] = [];
  const visitResources = (resources: PDFDict | undefined, depth: number) => {
    if (!resources || depth > 8) return;
    const fonts = lookupDict(doc, resources.get(PDFName.of('Font')));
    for (const [, value] of fonts?.entries() ?? []) {
      const font = lookupDict(doc, value);
      if (!font || seen.has(font)) continue;
      seen.add(font);
      reports.push(fontReport(doc, font));
      visitResources(lookupDict(doc, font.get(PDFName.of('Resources'))), depth + 1);
    }
    const xobjects = lookupDict(doc, resources.get(PDFName.of('XObject')));
    for (const [, value] of xobjects?.entries() ?? []) {
      const xobject = lookupDict(doc, value);
      if (xobject && nameOf(xobject, 'Subtype') === 'Form' && !seen.has(xobject)) {
        seen.add(xobject);
        visitResources(lookupDict(doc, xobject.get(PDFName.of('Resources'))), depth + 1);
      }
    }
  };
  for (const page of pages) visitResources(page.node.Resources(), 0);
  return reports;
}
