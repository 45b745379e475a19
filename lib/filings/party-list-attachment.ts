import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cases, filings } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';
import type { ClaimantSnapshot, RenderOptions } from '@/lib/pdf/types';
import type { BuiltAttachment } from './authority-attachments';
import type { FilingOptions } from './options';
import { type PartyListXlsxInput, type PartyListXlsxRow, renderPartyListXlsx } from './render/party-list-xlsx';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How the spreadsheet is written: in a render worker (generate-job.ts), or in this thread. */
export type RenderPartyListXlsx = (
  list: PartyListXlsxInput,
  options: Pick<RenderOptions, 'format' | 'language' | 'now'>,
) => Promise<Uint8Array>;

export function partyListFileName(caseSlug: string, filingVersion: number): string {
  return `${caseSlug}-v${filingVersion}-party-list.xlsx`;
}

/**
 * The party list of a packet as an XLSX attachment: the rows of the printed list, from the same
 * frozen snapshots in the same order, each minor with their legal representative. Dated with
 * the filing's document date (when its snapshots were frozen), like the printed list, so a
 * re-run of the same filing stores the same bytes.
 */
export async function buildPartyListAttachment(
  db: Database,
  filingId: string,
  snapshots: readonly ClaimantSnapshot[],
  options: Pick<FilingOptions, 'caseInfo' | 'format' | 'language' | 'documentDate'>,
  render: RenderPartyListXlsx = renderPartyListXlsx,
): Promise<BuiltAttachment> {
  const [filing] = await db
    .select({ version: filings.version, caseId: filings.caseId, caseSlug: cases.slug })
    .from(filings)
    .innerJoin(cases, eq(cases.id, filings.caseId))
    .where(eq(filings.id, filingId));
  if (!filing) throw new Error(`filing ${filingId} not found`);
  const rows: PartyListXlsxRow[] = snapshots.map((snapshot) => {
    return {
      referenceNumber: snapshot.referenceNumber,
      legalName: snapshot.legalName,
      legalNameLatin: snapshot.legalNameLatin,
      dateOfBirth: snapshot.dateOfBirth,
      address: snapshot.address,
      locality: snapshot.locality,
      dimensions: snapshot.dimensions,
      damages: { totalKrw: snapshot.damages.totalKrw },
      guardian: snapshot.guardian,
    };
  });
  const bytes = await render(
    { caseInfo: options.caseInfo, rows },
    {
      format: options.format,
      language: options.language,
      now: new Date(options.documentDate),
    },
  );
  return {
    kind: 'party_list_xlsx',
    part: 1,
    bytes,
    sha256: sha256Hex(bytes),
    mime: XLSX_MIME,
    pageCount: null,
    fileName: partyListFileName(filing.caseSlug, filing.version),
  };
}
