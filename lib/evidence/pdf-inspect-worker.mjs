// Runs in a worker thread with memory and time limits (see pdf-inspect.ts): a hostile PDF can
// stall or balloon a parser, and only this thread dies then, never the server.
import { parentPort, workerData } from 'node:worker_threads';
import pdfLib from 'pdf-lib';

const { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } = pdfLib;

// Keys that carry scripts (JavaScript actions, name trees, XFA forms) and actions that run
// programs. Names are compared after #xx escapes are decoded, which pdf-lib does only for
// upper-case hex while PDF readers accept both.
const SCRIPT_KEYS = new Set(['JS', 'JavaScript', 'XFA']);
const SCRIPT_ACTIONS = new Set(['JavaScript', 'Launch']);

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
  return { ok: true, pageCount };
}

inspect(workerData).then(
  (result) => parentPort.postMessage(result),
  () => parentPort.postMessage({ ok: false, reason: 'unreadable' }),
);
