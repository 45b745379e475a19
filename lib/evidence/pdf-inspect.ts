import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';

export type PdfInspection =
  /** `rebuilt`: the same pages without attachments and actions, which were `removed` (issue 17, item 8). */
  | { ok: true; pageCount: number; rebuilt?: Uint8Array; removed?: string[] }
  | { ok: false; reason: 'encrypted' | 'script' | 'unreadable' | 'too_many_pages' | 'too_complex' | 'timeout' | 'active_content' };

export const PDF_INSPECT_TIMEOUT_MS = 20_000;
export const PDF_INSPECT_MEMORY_MB = 384;
export const MAX_PDF_PAGES = 2_000;
/** Two parsers at a time: the server keeps answering other requests while PDFs are checked. */
const MAX_PARALLEL = 2;

const withSlot = pLimit(MAX_PARALLEL);

/**
 * The worker is a plain ES module beside this file, resolved from the project root at run time
 * so no bundler rewrites it (Next.js starts with the project root as working directory).
 */
function workerPath(): string {
  return path.join(process.cwd(), 'lib', 'evidence', 'pdf-inspect-worker.mjs');
}

/**
 * Parses a PDF in a worker thread with a heap limit and a deadline: encrypted files, files with
 * JavaScript or launch actions, unreadable ones and page bombs are refused; a parser that runs
 * out of memory or time is killed and the file refused. A PDF with attached files, actions that
 * reach other files or send data (/GoToE, /GoToR, /SubmitForm, /ImportData, /RichMedia) or
 * automatic /AA actions comes back rebuilt from its pages without them.
 */
export function inspectPdf(
  bytes: Uint8Array,
  options: { timeoutMs?: number; memoryMb?: number; maxPages?: number } = {},
): Promise<PdfInspection> {
  return withSlot(
    () =>
      new Promise<PdfInspection>((resolve) => {
        const worker = new Worker(workerPath(), {
          workerData: { bytes, maxPages: options.maxPages ?? MAX_PDF_PAGES },
          resourceLimits: {
            maxOldGenerationSizeMb: options.memoryMb ?? PDF_INSPECT_MEMORY_MB,
            maxYoungGenerationSizeMb: 32,
            codeRangeSizeMb: 16,
            stackSizeMb: 4,
          },
          stdout: true,
          stderr: true,
        });
        let settled = false;
        const finish = (result: PdfInspection) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          void worker.terminate();
          resolve(result);
        };
        const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), options.timeoutMs ?? PDF_INSPECT_TIMEOUT_MS);
        worker.once('message', (result: PdfInspection) => finish(result));
        worker.once('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') console.error('[joinder] PDF inspection worker failed:', error);
          finish({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too_complex' : 'unreadable' });
        });
        worker.once('exit', () => finish({ ok: false, reason: 'too_complex' }));
      }),
  );
}
