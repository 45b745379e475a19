import type { CaseInfo, DocumentFormat, Language } from '@/lib/pdf/types';

/** Which documents a packet holds; the power of attorney is one per claimant or one combined. */
export type FilingDocuments = {
  complaint: boolean;
  partyList: boolean;
  appointment: boolean;
  powerOfAttorney: 'none' | 'per_claimant' | 'combined';
  declarations: boolean;
  exhibits: boolean;
};

export const DOCUMENT_KEYS = ['complaint', 'partyList', 'appointment', 'powerOfAttorney', 'declarations', 'exhibits'] as const;
export type DocumentKey = (typeof DOCUMENT_KEYS)[number];

export type ClaimantSource = 'all_verified' | 'selection' | 'references';

/** Where the claimants came from; pasted reference numbers are saved as a selection first. */
export type ClaimantChoice =
  { source: 'all_verified' } | { source: 'selection' | 'references'; selectionId: string; selectionName: string };

/**
 * What a filing was asked for, stored on the row (`filings.options`) together with the case data
 * and the document date it renders with: a re-run after a crash renders the same packet.
 */
export type FilingOptions = {
  documents: FilingDocuments;
  format: DocumentFormat;
  language: Language;
  bates: { prefix: string; start: number };
  maxPartBytes: number;
  claimants: ClaimantChoice;
  /** 선정당사자 appointed by the 선정서 (claimant ids; the first claimant when not chosen). */
  representativeClaimantIds: string[];
  /** The date printed on the documents and in the PDF metadata (ISO instant). */
  documentDate: string;
  caseInfo: CaseInfo;
};

export const MEGABYTE = 1024 * 1024;
export const PART_LIMIT_MB = { min: 5, max: 50, default: 20 } as const;
/** A ceiling that keeps one request's snapshot and one render inside the job's memory budget. */
export const MAX_FILING_CLAIMANTS = 100_000;

export function chosenDocuments(documents: FilingDocuments): DocumentKey[] {
  return DOCUMENT_KEYS.filter((key) => (key === 'powerOfAttorney' ? documents.powerOfAttorney !== 'none' : documents[key]));
}
