// Runs in a worker thread with memory and time limits (see pdf-inspect.ts): a hostile PDF can
// stall or balloon a parser, and only this thread dies then, never the server.
import { parentPort, workerData } from 'node:worker_threads';
import pdfLib from 'pdf-lib';

const { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } = pdfLib;

// Keys that carry scripts (JavaScript actions, name trees, XFA forms) and actions that run
// programs. Names are compared after #xx escapes are decoded, which pdf-lib does only for
// upper-case hex while PDF readers accept both.
const SCRIPT_KEYS = new Set(['JS', 'JavaScript', 'XFA']);
const SCRIPT_ACTIONS = new Set(['JavaScript', 'Launch']);

// What a viewer could act on without JavaScript: attached files (which may themselves be PDFs
// with scripts, or HTML), actions that open other files or documents, send form data or play
// media, and automatic (/AA) actions. A PDF carrying any of them is rebuilt without them.
const ACTIVE_ACTIONS = new Set([
  'GoToE',
  'GoToR',
  'Launch',
  'SubmitForm',
  'ImportData',
  'RichMedia',
  'RichMediaExecute',
  'Sound',
  'Movie',
  'Rendition',
  'Hide',
  'SetOCGState',
  'Trans',
  'GoTo3DView',
]);
const ACTIVE_KEYS = new Set(['EmbeddedFiles', 'AA', 'EF', 'RichMediaContent', 'RichMediaSettings']);
const ACTIVE_SUBTYPES = new Set(['FileAttachment', 'RichMedia', 'Screen', 'Movie', 'Sound', '3D']);
// Annotations that only draw or comment; everything else (widgets, media, attachments, unknown
// kinds) is left out of a rebuilt page. Links keep only a URI action.
const KEPT_ANNOTATIONS = new Set([
  'Text',
  'Link',
  'FreeText',
  'Line',
  'Square',
  'Circle',
  'Polygon',
  'PolyLine',
  'Highlight',
  'Underline',
  'Squiggly',
  'StrikeOut',
  'Stamp',
  'Caret',
  'Ink',
  'Popup',
  'Redact',
  'Watermark',
]);

function decodeName(raw) {
  return raw.replace(/^\//, '').replace(/#([0-9a-fA-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

function hasScript(object, depth = 0) {
  if (depth > 64 || !object) return false;
  const dict = object instanceof PDFStream ? object.dict : object;
  if (dict instanceof PDFDict) {
    for (const [key, value] of dict.entries()) {
      const name = decodeName(key.asString());
      if (SCRIPT_KEYS.has(name)) return true;
      if (name === 'S' && value instanceof PDFName && SCRIPT_ACTIONS.has(decodeName(value.asString()))) return true;
      if (hasScript(value, depth + 1)) return true;
    }
    return false;
  }
  if (object instanceof PDFArray) {
    for (let index = 0; index < object.size(); index++) if (hasScript(object.get(index), depth + 1)) return true;
  }
  return false;
}

/** Which active features an object (and what it contains) carries, by name. */
function collectActive(object, found, depth = 0) {
  if (depth > 64 || !object) return found;
  const dict = object instanceof PDFStream ? object.dict : object;
  if (dict instanceof PDFDict) {
    for (const [key, value] of dict.entries()) {
      const name = decodeName(key.asString());
      if (ACTIVE_KEYS.has(name)) found.add(name);
      if (value instanceof PDFName) {
        const valueName = decodeName(value.asString());
        if (name === 'S' && ACTIVE_ACTIONS.has(valueName)) found.add(valueName);
        if (name === 'Subtype' && ACTIVE_SUBTYPES.has(valueName)) found.add(valueName);
      }
      collectActive(value, found, depth + 1);
    }
  } else if (object instanceof PDFArray) {
    for (let index = 0; index < object.size(); index++) collectActive(object.get(index), found, depth + 1);
  }
  return found;
}

function activeFeatures(document) {
  const found = new Set();
  for (const [, object] of document.context.enumerateIndirectObjects()) collectActive(object, found);
  collectActive(document.catalog, found);
  return found;
}

function nameOf(dict, key) {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFName ? decodeName(value.asString()) : undefined;
}

/** Keeps a drawing or comment annotation without any action but a plain URI link. */
function cleanAnnotation(context, annotation) {
  if (!(annotation instanceof PDFDict) || !KEPT_ANNOTATIONS.has(nameOf(annotation, 'Subtype') ?? '')) return false;
  annotation.delete(PDFName.of('AA'));
  // Destinations name the source's page objects: copying them would drag in its whole page tree.
  annotation.delete(PDFName.of('Dest'));
  const action = context.lookup(annotation.get(PDFName.of('A')));
  const isWebLink = action instanceof PDFDict && nameOf(action, 'S') === 'URI';
  if (isWebLink) action.delete(PDFName.of('Next'));
  else annotation.delete(PDFName.of('A'));
  // A link whose only action was taken out does nothing any more: drop it.
  return isWebLink || nameOf(annotation, 'Subtype') !== 'Link';
}

/**
 * A new document made of the pages alone: no catalog of the old one (its /Names with attached
 * files, /OpenAction, /AA, /AcroForm), form fields flattened into the page, each page without
 * automatic actions and with only drawing and comment annotations. What the reader saw stays.
 */
async function rebuildWithoutActiveContent(document) {
  try {
    document.getForm().flatten();
  } catch {
    // An odd form cannot be flattened: its widgets are dropped below, the page itself is kept.
  }
  const { context } = document;
  for (const page of document.getPages()) {
    page.node.delete(PDFName.of('AA'));
    const annotations = context.lookup(page.node.get(PDFName.of('Annots')));
    if (!(annotations instanceof PDFArray)) {
      page.node.delete(PDFName.of('Annots'));
      continue;
    }
    const kept = [];
    for (let index = 0; index < annotations.size(); index++) {
      const entry = annotations.get(index);
      if (cleanAnnotation(context, context.lookup(entry))) kept.push(entry instanceof PDFRef ? entry : context.register(entry));
    }
    page.node.set(PDFName.of('Annots'), context.obj(kept));
  }
  const clean = await PDFDocument.create({ updateMetadata: false });
  for (const page of await clean.copyPages(document, document.getPageIndices())) clean.addPage(page);
  // Without object streams the raw-bytes check below sees every name in the new file.
  return clean.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** Name tokens anywhere in the raw bytes, for scripts pdf-lib's object parser might skip. */
function rawBytesMentionScript(bytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  for (const match of text.matchAll(/\/([^\s/<>[\](){}%]{1,40})/g)) {
    const name = decodeName(match[1]);
    if (name === 'JavaScript' || name === 'JS' || name === 'Launch' || name === 'XFA') return true;
  }
  return false;
}

async function inspect({ bytes, maxPages }) {
  let document;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false, throwOnInvalidObject: false });
  } catch (error) {
    // pdf-lib's errors are ES5 classes (instanceof does not work): its message says "is encrypted".
    return { ok: false, reason: /is encrypted/.test(String(error && error.message)) ? 'encrypted' : 'unreadable' };
  }
  if (document.isEncrypted) return { ok: false, reason: 'encrypted' };
  if (rawBytesMentionScript(bytes)) return { ok: false, reason: 'script' };
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (hasScript(object)) return { ok: false, reason: 'script' };
  }
  if (hasScript(document.catalog)) return { ok: false, reason: 'script' };
  const pageCount = document.getPageCount();
  if (pageCount < 1) return { ok: false, reason: 'unreadable' };
  if (pageCount > maxPages) return { ok: false, reason: 'too_many_pages' };
  const active = activeFeatures(document);
  if (active.size === 0) return { ok: true, pageCount };
  // Rebuilt, then checked again from its bytes as if uploaded: anything left is refused.
  let rebuilt;
  try {
    rebuilt = await rebuildWithoutActiveContent(document);
  } catch {
    return { ok: false, reason: 'active_content' };
  }
  if (rawBytesMentionScript(rebuilt)) return { ok: false, reason: 'active_content' };
  const check = await PDFDocument.load(rebuilt, { updateMetadata: false, throwOnInvalidObject: false });
  if (activeFeatures(check).size > 0 || check.getPageCount() !== pageCount) return { ok: false, reason: 'active_content' };
  return { ok: true, pageCount, rebuilt, removed: [...active].sort() };
}

inspect(workerData).then(
  (result) => parentPort.postMessage(result),
  () => parentPort.postMessage({ ok: false, reason: 'unreadable' }),
);
