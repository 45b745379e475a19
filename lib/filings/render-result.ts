import type { PreflightResult } from '@/lib/pdf/types';

/** One file of a rendered packet, as the worker reports it (bytes travel separately). */
export type RenderedPartMeta = {
  partNumber: number;
  /** `exhibits`: the whole bundle as one attachment (US packets built before exhibits were filed one by one). */
  group: 'packet' | 'main' | 'exhibits' | 'exhibitIndex' | 'exhibit';
  sha256: string;
  byteLength: number;
  pageCount: number;
  batesFirst: string | null;
  batesLast: string | null;
  documents: string[];
  /** A US exhibit filed as a file of its own (group `exhibit`): its label and number. */
  exhibit?: { label: string; number: number; sub?: number };
  preflight: PreflightResult;
};

/** A failure the job can name to the lawyer: a translation key in the `filings` catalog and its parameters. */
export type RenderFailure = { code: string; messageKey: string; params: Record<string, string | number>; detail: string };

/**
 * A file the packet's worker writes beside the parts from the same snapshots (bytes travel
 * separately): the party list as a spreadsheet, and each file of the exhibit list.
 */
export type RenderedAttachmentMeta =
  | { kind: 'party_list_xlsx'; byteLength: number; sha256: string }
  | { kind: 'exhibit_list'; byteLength: number; sha256: string; pageCount: number; preflight: PreflightResult };

export type RenderHeader =
  | { ok: true; pageCount: number; parts: RenderedPartMeta[]; attachments: RenderedAttachmentMeta[]; warnings: string[] }
  | { ok: false; failure: RenderFailure };

export type RenderOutcome =
  | {
      ok: true;
      pageCount: number;
      parts: (RenderedPartMeta & { bytes: Uint8Array })[];
      attachments: (RenderedAttachmentMeta & { bytes: Uint8Array })[];
      warnings: string[];
    }
  | { ok: false; failure: RenderFailure };

/**
 * The worker answers with ONE buffer — a length-prefixed JSON header followed by the parts'
 * bytes, then the attachments' — because only a bare Uint8Array result is transferred to the main thread; an object
 * holding a few hundred megabytes of parts would be copied, doubling the server's memory.
 */
export function packRenderResult(header: RenderHeader, parts: Uint8Array[] = []): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const size = 4 + json.length + parts.reduce((sum, part) => sum + part.length, 0);
  const packed = new Uint8Array(size);
  new DataView(packed.buffer).setUint32(0, json.length);
  packed.set(json, 4);
  let offset = 4 + json.length;
  // Consumes `parts`: each is dropped from the list once copied, so it can be collected meanwhile.
  for (let part = parts.shift(); part; part = parts.shift()) {
    packed.set(part, offset);
    offset += part.length;
  }
  return packed;
}

/** Reads the worker's buffer back; parts are views into it, nothing is copied. */
export function unpackRenderResult(packed: Uint8Array): RenderOutcome {
  const length = new DataView(packed.buffer, packed.byteOffset, packed.byteLength).getUint32(0);
  const header = JSON.parse(new TextDecoder().decode(packed.subarray(4, 4 + length))) as RenderHeader;
  if (!header.ok) return header;
  let offset = 4 + length;
  const take = (byteLength: number) => {
    const bytes = packed.subarray(offset, offset + byteLength);
    offset += byteLength;
    return bytes;
  };
  const parts = header.parts.map((part) => ({ ...part, bytes: take(part.byteLength) }));
  const attachments = header.attachments.map((attachment) => ({ ...attachment, bytes: take(attachment.byteLength) }));
  if (offset !== packed.byteLength) throw new Error(`render result holds ${packed.byteLength} bytes, the header accounts for ${offset}`);
  return { ok: true, pageCount: header.pageCount, parts, attachments, warnings: header.warnings };
}

/**
 * One file of a PDF attachment as its worker task answers (the task answers with all of them,
 * in order): the PDF, its SHA-256, its page count and its pre-flight against the filing's per-file limit
 * (both found there, not on the job's thread).
 */
export type RenderedAttachmentPart = { bytes: Uint8Array; sha256: string; pageCount: number; preflight: PreflightResult };

/** A failure the lawyer is told about on the filing (translation key + parameters, as lib/http/route expects). */
export class FilingFailure extends Error {
  constructor(readonly failure: RenderFailure) {
    super(failure.detail);
    this.name = 'FilingFailure';
  }
}
