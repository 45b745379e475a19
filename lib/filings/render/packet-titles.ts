import type { Language } from '@/lib/pdf/types';

/**
 * Bookmark and file titles of a packet, printed inside the PDFs (not UI text, hence not in the
 * message catalogs): one per document in both languages.
 */
export const PACKET_TITLES: Record<
  Language,
  {
    complaint: string;
    complaintUs: string;
    partyList: string;
    appointment: string;
    powerOfAttorney: string;
    declarations: string;
    exhibits: string;
    packet: string;
    mainDocuments: string;
    exhibitIndex: string;
  }
> = {
  ko: {
    complaint: '소장',
    complaintUs: '집단소송 소장',
    partyList: '당사자목록',
    appointment: '선정서',
    powerOfAttorney: '소송위임장',
    declarations: '진술서',
    exhibits: '증거자료',
    packet: '소장 및 첨부서류',
    mainDocuments: '소장 및 첨부서류 (증거 제외)',
    exhibitIndex: '증거 색인 및 해시 목록',
  },
  en: {
    complaint: 'Complaint',
    complaintUs: 'Class Action Complaint',
    partyList: 'Schedule of Plaintiffs',
    appointment: 'Appointment of Representative Party',
    powerOfAttorney: 'Power of Attorney',
    declarations: 'Declarations',
    exhibits: 'Exhibits',
    packet: 'Complaint and attachments',
    mainDocuments: 'Complaint and attachments (without exhibits)',
    exhibitIndex: 'Index of exhibits and hash manifest',
  },
};
