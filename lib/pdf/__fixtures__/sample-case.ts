import type { CaseInfo } from '../types';

/** The demo case (SQL Slammer, 2003) as renderer input. Representatives' and attorneys' names are invented. */
export const SAMPLE_CASE: CaseInfo = {
  id: 'case-slammer-2003',
  title: { ko: '1·25 인터넷 대란 손해배상 공동소송', en: 'January 25 Internet Outage Joint Damages Action' },
  court: { ko: '서울중앙지방법원', en: 'Seoul Central District Court' },
  jurisdiction: {
    ko: '이 법원은 28 U.S.C. § 1332(d)에 따라 이 사건에 관할권이 있습니다. 청구금액 합계가 500만 달러를 넘고, 원고 중 적어도 1명은 피고와 국적을 달리합니다.\n\n피고 마이크로소프트 코포레이션의 주된 사무소가 이 법원 관할 구역에 있으므로 28 U.S.C. § 1391에 따라 이 법원이 적정한 재판지입니다.',
    en: 'This Court has jurisdiction under 28 U.S.C. § 1332(d): the amount in controversy exceeds $5,000,000 and at least one Plaintiff is a citizen of a state different from a Defendant.\n\nVenue is proper in this District under 28 U.S.C. § 1391 because Defendant Microsoft Corporation has its principal place of business in this District.',
  },
  caseName: { ko: '손해배상(기)', en: 'Damages' },
  incidentDate: '2003-01-25',
  defendants: [
    {
      position: 1,
      kind: 'state',
      name: { ko: '대한민국', en: 'Republic of Korea' },
      representative: { title: { ko: '법무부장관', en: 'Minister of Justice' }, name: { ko: '강○○', en: 'Kang' } },
      address: { ko: '', en: 'Gwacheon, Gyeonggi-do, Korea' },
      note: { ko: '(소관: 정보통신부)', en: '(Ministry of Information and Communication)' },
    },
    {
      position: 2,
      kind: 'corporation',
      name: { ko: '주식회사 케이티', en: 'KT Corporation' },
      representative: { title: { ko: '대표이사', en: 'CEO' }, name: { ko: '이○○', en: 'Lee' } },
      address: { ko: '경기도 성남시 분당구 정자동 206', en: '206 Jeongja-dong, Bundang-gu, Seongnam, Gyeonggi-do, Korea' },
    },
    {
      position: 3,
      kind: 'corporation',
      name: { ko: '하나로통신 주식회사', en: 'Hanaro Telecom, Inc.' },
      representative: { title: { ko: '대표이사', en: 'CEO' }, name: { ko: '윤○○', en: 'Yoon' } },
      address: { ko: '서울특별시 중구 을지로2가 11', en: '11 Euljiro 2-ga, Jung-gu, Seoul, Korea' },
    },
    {
      position: 4,
      kind: 'foreign_corporation',
      name: { ko: '마이크로소프트 코포레이션 (Microsoft Corporation)', en: 'Microsoft Corporation' },
      representative: { title: { ko: '대표자', en: 'CEO' }, name: { ko: 'S. B.', en: 'S. B.' } },
      address: { ko: '미합중국 워싱턴주 레드먼드 원 마이크로소프트 웨이', en: 'One Microsoft Way, Redmond, WA 98052, USA' },
    },
  ],
  counsel: {
    name: { ko: '법무법인 한결', en: 'Hankyul Law Firm' },
    attorneys: [
      { name: { ko: '김정훈', en: 'Jung-hoon Kim' }, barNumber: '12345' },
      { name: { ko: '박서연', en: 'Seo-yeon Park' }, barNumber: '23456' },
    ],
    address: { ko: '서울특별시 서초구 서초대로 123, 5층', en: '5F, 123 Seocho-daero, Seocho-gu, Seoul, Korea' },
    phone: '02-555-0100',
    fax: '02-555-0101',
    email: 'slammer@hankyul.example',
    signatureBlock: { ko: '원고들 및 집단의 소송대리인', en: 'Attorneys for Plaintiffs and the Proposed Class' },
  },
  templates: {
    facts: {
      ko: '# 1. 당사자의 지위\n\n원고들은 피고 통신사업자들과 초고속 인터넷 이용계약을 맺은 이용자, PC방 운영자와 온라인 쇼핑몰 운영자입니다. 피고 마이크로소프트 코포레이션은 SQL Server 2000과 MSDE 2000을 제조·판매한 회사입니다.\n\n# 2. 사건의 경위\n\n가. {{incidentDate}} 14시 30분경 SQL Server 2000 Resolution Service의 취약점(MS02-039)을 이용하는 웜(이른바 "슬래머")이 퍼지면서 국내 인터넷망이 약 이틀 동안 마비되거나 현저히 느려졌습니다.\n\n나. 위 취약점에 대한 보안 패치는 2002. 7. 24. 이미 공개되어 있었으나, 피고들은 이용자에게 이를 제대로 알리거나 망을 보호하는 조치를 하지 않았습니다.',
      en: '# Parties\n\nPlaintiffs are broadband subscribers of the Defendant carriers, PC-bang owners and an online shop operator. Defendant Microsoft Corporation made and sold SQL Server 2000 and MSDE 2000.\n\n# The outage\n\nOn {{incidentDate}} at about 2:30 p.m. KST, a worm known as "Slammer" exploiting a flaw in the SQL Server 2000 Resolution Service (MS02-039) spread and left the Korean internet down or slow for about two days.\n\nA patch for the flaw had been published on July 24, 2002, yet Defendants neither warned users adequately nor protected their networks.',
    },
    causesOfAction: {
      ko: '# 3. 피고들의 책임\n\n가. 피고 통신사업자들은 이용계약에 따라 안정적인 인터넷 서비스를 제공할 의무가 있음에도 이를 위반하였으므로 채무불이행 또는 불법행위로 인한 손해배상책임이 있습니다.\n\n나. 피고 대한민국은 정보통신망의 안정성을 확보할 의무를 게을리하였으므로 국가배상법에 따른 책임이 있습니다.\n\n다. 피고 마이크로소프트 코포레이션은 결함 있는 제품을 공급하고 그 구매자들에게 직접 경고하지 않았으므로 제조물 책임과 불법행위 책임이 있습니다.\n\n# 4. 손해배상의 범위\n\n원고 {{plaintiffCount}}명의 손해는 별지 당사자목록 기재와 같이 합계 {{totalClaim}}입니다.',
      en: "# Count I — Breach of contract (against the carrier Defendants)\n\nThe carrier Defendants promised stable broadband service and failed to provide it during the outage.\n\n# Count II — Negligence (against all Defendants)\n\nDefendants owed Plaintiffs a duty of reasonable care to protect the network and to warn of the known flaw, breached that duty, and caused Plaintiffs' damages of {{totalClaim}} in total.",
    },
  },
  prayer: { civilRatePct: 5, litigationRatePct: 20 },
};

/** The same case brought in a US district court (for US-format documents). */
export const SAMPLE_CASE_US: CaseInfo = {
  ...SAMPLE_CASE,
  court: { ko: '미합중국 연방지방법원\n워싱턴 서부지구', en: 'United States District Court\nWestern District of Washington' },
  caseName: { ko: '집단소송 (손해배상)', en: 'Class Action (Damages)' },
};
