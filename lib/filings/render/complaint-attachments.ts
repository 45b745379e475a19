import { STRINGS } from '@/lib/pdf';
import type { AttachmentLine, CaseInfo, LocalizedText } from '@/lib/pdf/types';
import type { FilingDocuments } from '../options';
import { PACKET_TITLES } from './packet-titles';

type LabelKey =
  | 'attachmentEvidence'
  | 'attachmentPartyList'
  | 'attachmentAppointment'
  | 'attachmentPowerOfAttorney'
  | 'attachmentCorporateRegister'
  | 'attachmentCopies'
  | 'attachmentServiceFee';

const label = (key: LabelKey): LocalizedText => ({ ko: STRINGS.ko.complaint[key], en: STRINGS.en.complaint[key] });

/**
 * The complaint's 첨부서류 as this packet actually holds them: one combined power of attorney
 * counts once, per-claimant ones once per claimant, declarations are listed when they are filed.
 */
export function complaintAttachments(
  documents: FilingDocuments,
  caseInfo: CaseInfo,
  claimantCount: number,
  hasEvidence: boolean,
): AttachmentLine[] {
  const corporate = caseInfo.defendants.filter((defendant) => defendant.kind !== 'state' && defendant.kind !== 'individual').length;
  const lines: (AttachmentLine | null)[] = [
    documents.exhibits && hasEvidence ? { label: label('attachmentEvidence'), count: 1, each: true } : null,
    documents.partyList ? { label: label('attachmentPartyList'), count: 1 } : null,
    documents.appointment ? { label: label('attachmentAppointment'), count: 1 } : null,
    documents.powerOfAttorney === 'none'
      ? null
      : { label: label('attachmentPowerOfAttorney'), count: documents.powerOfAttorney === 'combined' ? 1 : claimantCount },
    documents.declarations
      ? { label: { ko: PACKET_TITLES.ko.declarations, en: PACKET_TITLES.en.declarations }, count: claimantCount }
      : null,
    corporate > 0 ? { label: label('attachmentCorporateRegister'), count: corporate } : null,
    caseInfo.defendants.length > 0 ? { label: label('attachmentCopies'), count: caseInfo.defendants.length } : null,
    { label: label('attachmentServiceFee'), count: 1 },
  ];
  return lines.filter((line): line is AttachmentLine => line !== null);
}
