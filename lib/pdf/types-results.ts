/** What the renderers return: parts, bundle entries, packet parts, preflight findings. */
import type { DocumentFormat } from './geometry';

export type PartyListPart = {
  /** 1-based part number and the number of parts. */
  part: number;
  parts: number;
  bytes: Uint8Array;
  pageCount: number;
  /** Page numbers run on across parts. */
  firstPage: number;
  lastPage: number;
  /** 1-based plaintiff numbers on this part. */
  firstRow: number;
  lastRow: number;
};

export type ExhibitEntry = {
  label: string;
  number: number;
  sub?: number;
  evidenceId: string;
  claimantId: string;
  description: string;
  sha256: string;
  /** How the file went in: pages copied, an image placed on a page, or a notice page. */
  kind: 'pdf' | 'image' | 'unsupported';
  /** For images: embedded untouched (JPEG), re-encoded as JPEG (photos), or lossless (screenshots, transparency). */
  imageEncoding?: 'jpeg-original' | 'jpeg' | 'flate';
  /** 0-based index of the exhibit's slip sheet in the bundle; the file's pages follow it. */
  slipPageIndex: number;
  /** Pages of the file itself (without the slip sheet). */
  pageCount: number;
  batesFirst: string;
  batesLast: string;
};

export type ExhibitBundleResult = {
  bytes: Uint8Array;
  pageCount: number;
  /** Bates numbers of the first and last page, and the running number of the first page. */
  batesFirst: string;
  batesLast: string;
  batesStart: number;
  entries: ExhibitEntry[];
  /** Non-fatal notes, e.g. a file type that could not be converted and was replaced by a notice page. */
  warnings: string[];
};

export type PacketPart = {
  part: number;
  parts: number;
  bytes: Uint8Array;
  /** Size of the file in bytes (≤ the input's maxPartBytes). */
  byteLength: number;
  pageCount: number;
  /** 1-based page numbers of the packet this part holds. */
  firstPage: number;
  lastPage: number;
  /** Bates numbers of the first and last stamped page in the part (null: no stamped pages). */
  batesFirst: string | null;
  batesLast: string | null;
  /** Titles of the documents (or their continuation) in the part. */
  documents: string[];
};

export type PacketResult = { parts: PacketPart[]; pageCount: number };

export type PreflightCheckId =
  | 'parse'
  | 'page-count'
  | 'file-size'
  | 'page-size'
  | 'margins'
  | 'text-layer'
  | 'no-javascript'
  | 'no-forms'
  | 'fonts-embedded'
  | 'fonts-subset'
  | 'fonts-unicode';

/** One preflight finding; `detail` is technical English, the UI translates by `id`. */
export type PreflightCheck = {
  id: PreflightCheckId;
  ok: boolean;
  severity: 'error' | 'warning';
  detail: string;
  /** What a failed check found, for the UI to say in the reader's language (pages, font names). */
  params?: Record<string, string>;
};

export type PreflightResult = {
  /** True when no error-level check failed. */
  ok: boolean;
  format: DocumentFormat;
  pageCount: number;
  byteLength: number;
  checks: PreflightCheck[];
};
