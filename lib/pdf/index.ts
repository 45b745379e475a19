/**
 * The PDF layer: pure renderers from typed input (lib/pdf/types.ts) to bytes. No database, no
 * network; fonts are read from disk once per process and subset on embedding.
 */
export { renderComplaint } from './complaint/render-complaint';
export { renderPartyList, renderPartyListParts, type PartyListOptions } from './party-list/render-party-list';
export { renderAppointment } from './appointment';
export { renderAuthorityAnnex, type AuthorityAnnexInput, type AuthorityAnnexRow } from './authority-annex';
export { renderExhibitList, type ExhibitListEntry, type ExhibitListInput } from './exhibit-list';
export { renderPowerOfAttorney } from './power-of-attorney';
export { renderDeclaration } from './declaration';
export { renderExhibitBundle } from './exhibits/render-exhibit-bundle';
export { batesLabel } from './exhibits/bates';
export { numberExhibits } from './exhibits/numbering';
export { assemblePacket, exhibitBundleDocument } from './packet/assemble-packet';
export { separateExhibits, type SeparateExhibit, type SeparatedBundle } from './packet/separate-exhibits';
export { preflightPdf, DEFAULT_MAX_BYTES } from './preflight/preflight-pdf';
export { renderSupportReport } from './report/render-support-report';
export { FORMAT_LAYOUTS, PAGE_SIZES } from './geometry';
export { STRINGS, type PdfStrings } from './strings';
export * from './errors';
export type * from './types';
