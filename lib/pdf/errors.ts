/** Typed errors of the PDF layer; `code` lets the job runner map them to user messages. */
export type PdfErrorCode = 'invalid_input' | 'exhibit_hash_mismatch' | 'exhibit_unreadable' | 'page_too_large' | 'aborted';

export class PdfError extends Error {
  constructor(
    readonly code: PdfErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input breaks a rule the document depends on (e.g. a damages total that does not add up). */
export class PdfInputError extends PdfError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid_input', `${field}: ${message}`);
  }
}

/** An exhibit's bytes do not hash to the SHA-256 recorded at upload: it must not be filed. */
export class ExhibitIntegrityError extends PdfError {
  constructor(
    readonly exhibitLabel: string,
    readonly evidenceId: string,
    readonly expectedSha256: string,
    readonly actualSha256: string,
  ) {
    super('exhibit_hash_mismatch', `${exhibitLabel} (evidence ${evidenceId}): SHA-256 is ${actualSha256}, expected ${expectedSha256}`);
  }
}

export type ExhibitSourceProblem = 'encrypted' | 'unparseable' | 'no_pages';

/** A source PDF cannot be copied into the bundle. */
export class ExhibitSourceError extends PdfError {
  constructor(
    readonly exhibitLabel: string,
    readonly evidenceId: string,
    readonly problem: ExhibitSourceProblem,
    detail: string,
  ) {
    super('exhibit_unreadable', `${exhibitLabel} (evidence ${evidenceId}): ${problem} — ${detail}`);
  }
}

/** A single page is larger than the per-file limit, so no split can satisfy it. */
export class PageTooLargeError extends PdfError {
  constructor(
    readonly pageNumber: number,
    readonly estimatedBytes: number,
    readonly limitBytes: number,
  ) {
    super('page_too_large', `page ${pageNumber} needs about ${estimatedBytes} bytes, more than the ${limitBytes}-byte limit per file`);
  }
}

export class PdfAbortedError extends PdfError {
  constructor() {
    super('aborted', 'PDF rendering was cancelled');
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PdfAbortedError();
}
