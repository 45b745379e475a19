import type { BuiltAttachment } from './authority-attachments';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function partyListFileName(caseSlug: string, filingVersion: number): string {
  return `${caseSlug}-v${filingVersion}-party-list.xlsx`;
}

/**
 * The party list of a packet as an XLSX attachment, as the packet's render worker wrote it
 * (render/render-packet.ts): the rows of the printed list, from the same frozen snapshots in the
 * same order, dated with the filing's document date like the printed list, so a re-run of the
 * same filing stores the same bytes.
 */
export function partyListAttachment(
  file: { bytes: Uint8Array; sha256: string },
  filing: { caseSlug: string; version: number },
): BuiltAttachment {
  return {
    kind: 'party_list_xlsx',
    part: 1,
    bytes: () => [file.bytes],
    byteSize: file.bytes.byteLength,
    sha256: file.sha256,
    mime: XLSX_MIME,
    pageCount: null,
    fileName: partyListFileName(filing.caseSlug, filing.version),
  };
}
