import type { SupportReportInput } from '../types';

/** Support-report figures shaped like the demo case's funnel (≈7,000 → 3,000+ → 1,586). */
export const SAMPLE_REPORT: SupportReportInput = {
  caseTitle: { ko: '1·25 인터넷 대란 손해배상 공동소송', en: 'January 25 Internet Outage Joint Damages Action' },
  asOf: '2003-04-30',
  supporters: { signed: 3412, confirmed: 3105, withdrawn: 57 },
  claimants: { registered: 2210, submitted: 1904, complete: 1712, verified: 1586, filed: 1586 },
  goals: [
    { label: { ko: '지지 서명 3,000명', en: '3,000 supporters' }, current: 3105, target: 3000 },
    { label: { ko: '원고 2,000명', en: '2,000 plaintiffs' }, current: 1586, target: 2000 },
    { label: { ko: 'PC방 100곳', en: '100 PC-bangs' }, current: 71, target: 100 },
  ],
  topRegions: [
    { label: '서울특별시', count: 1320 },
    { label: '경기도', count: 802 },
    { label: '부산광역시', count: 311 },
    { label: '인천광역시', count: 240 },
    { label: '대구광역시', count: 198 },
    { label: '대전광역시', count: 120 },
  ],
  topCategories: [
    { label: '가정 가입자', count: 1650 },
    { label: 'PC방 업주', count: 921 },
    { label: '온라인 쇼핑몰', count: 402 },
    { label: '서버 운영자', count: 130 },
  ],
  topSources: [
    { label: '참여연대 누리집', count: 1450 },
    { label: '포털 뉴스 기사', count: 820 },
    { label: 'PC방 협회 공지', count: 402 },
    { label: '지인 추천', count: 310 },
    { label: '커뮤니티 게시판', count: 205 },
  ],
  growth: [120, 98, 143, 210, 388, 512, 301, 188, 160, 142, 97, 88, 130, 95].map((count, index) => ({
    date: `2003-04-${String(17 + index).padStart(2, '0')}`,
    count,
  })),
};
