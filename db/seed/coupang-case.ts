import type { ConsentKind, NewCase } from '@/db/schema';

/**
 * The second demo case: Coupang customers v. Coupang over the personal-data breach disclosed on
 * 29 November 2025 (facts and sources: ../shared/case/coupang-2025.md). A case of another kind
 * than Slammer, run with its own claim definition (lib/claims/definitions/coupang-2025.ts) and no
 * code of its own. Texts are our own; what the defendants did is stated as alleged.
 */
export const COUPANG_CASE_SLUG = 'coupang-2025';

export const COUPANG_CASE: NewCase = {
  slug: COUPANG_CASE_SLUG,
  titleKo: '쿠팡 개인정보 유출 손해배상 공동소송',
  titleEn: 'Coupang Personal-Data Breach Joint Damages Suit',
  summaryKo:
    '쿠팡은 2025년 11월 29일 약 3,370만 개 고객 계정의 이름, 이메일, 전화번호, 배송지 주소록과 일부 주문 내역이 유출되었다고 발표했습니다. ' +
    '무단 접근은 2025년 6월 24일부터 시작된 것으로 알려졌습니다. 개인정보 보호법 제29조의 안전조치 의무 위반을 이유로 회원 1인당 위자료와 실제 입은 손해의 배상을 함께 청구합니다.',
  summaryEn:
    'On 29 November 2025 Coupang disclosed that about 33.7 million customer accounts had been exposed: names, e-mail addresses, phone numbers, ' +
    'shipping address books and some order histories. Unauthorised access reportedly began on 24 June 2025. Customers claim consolation money per person ' +
    'and their actual losses together, alleging a breach of the duty of safety measures under PIPA article 29.',
  courtKo: '서울중앙지방법원',
  courtEn: 'Seoul Central District Court',
  jurisdiction: 'KR',
  status: 'open',
  referencePrefix: 'CPG',
  supporterGoal: 100_000,
  plaintiffGoal: 50_000,
  incidentStartedAt: new Date('2025-06-24T00:00:00+09:00'),
  counselNameKo: '법무법인 누리 (데모)',
  counselNameEn: 'Nuri Law Firm (demo counsel)',
  counselAddressKo: '서울특별시 서초구',
  counselAddressEn: 'Seocho-gu, Seoul',
  complaintCausesKo: [
    '1. 당사자들의 지위',
    '원고들은 피고 쿠팡 주식회사가 운영하는 온라인 쇼핑 서비스의 회원이고, 피고는 원고들의 개인정보를 처리하는 개인정보처리자입니다.',
    '2. 유출 경위',
    '피고는 2025. 11. 29. 약 3,370만 개 고객 계정의 성명, 이메일 주소, 전화번호, 배송지 주소록 및 일부 주문 내역이 유출되었다고 발표하였습니다. 피고의 발표에 따르면 무단 접근은 2025. 6. 24.부터 시작되었습니다.',
    '3. 피고의 책임',
    '피고는 개인정보 보호법 제29조에 따른 안전성 확보 조치를 다하지 아니하여 약 5개월 동안 무단 접근을 탐지하지 못하였다는 것이 원고들의 주장입니다. 피고는 같은 법 제39조에 따라 원고들이 입은 손해를 배상할 책임이 있습니다.',
    '4. 손해배상의 범위',
    '원고들은 각 위자료와, 스미싱·보이스피싱 등 2차 피해로 실제 입은 손해를 청구하며, 그 금액은 별지 청구금액표 기재와 같습니다.',
    '원고 {{plaintiffCount}}명 가운데 {{category.member.label}}은 {{category.member.count}}명(청구금액 합계 {{category.member.total}}), {{category.seller.label}}는 {{category.seller.count}}명(청구금액 합계 {{category.seller.total}})입니다.',
  ].join('\n'),
  complaintCausesEn: [
    '1. The parties',
    'Plaintiffs are customers of the online shopping service run by defendant Coupang Corp.; defendant processes their personal data.',
    '2. The breach',
    'On 29 November 2025 defendant disclosed that the names, e-mail addresses, phone numbers, shipping address books and some order histories of about 33.7 million customer accounts had been exposed. According to defendant, the unauthorised access began on 24 June 2025.',
    '3. Liability',
    'Plaintiffs allege that defendant failed to take the safety measures required by article 29 of the Personal Information Protection Act and did not detect the access for about five months. Defendant is liable under article 39 of that Act for the harm plaintiffs suffered.',
    '4. Damages',
    'Each plaintiff claims consolation money and the actual losses from secondary harm such as smishing and phishing calls, in the amounts set out in the attached schedule.',
    'Of the {{plaintiffCount}} plaintiffs, {{category.member.count}} are Coupang customers (claims totalling {{category.member.total}}) and {{category.seller.count}} are marketplace sellers (claims totalling {{category.seller.total}}).',
  ].join('\n'),
};

export const COUPANG_DEFENDANTS = [
  {
    kind: 'company',
    nameKo: '쿠팡 주식회사',
    nameEn: 'Coupang Corp.',
    representativeKo: '대표이사',
    representativeEn: 'represented by its CEO',
    addressKo: '서울특별시 송파구 송파대로 570',
    addressEn: '570 Songpa-daero, Songpa-gu, Seoul',
  },
  {
    kind: 'company',
    nameKo: '쿠팡 아이엔씨 (Coupang, Inc.)',
    nameEn: 'Coupang, Inc.',
    representativeKo: '대표자',
    representativeEn: 'represented by its CEO',
    addressKo: '미합중국 델라웨어주 법인',
    addressEn: 'a Delaware corporation, USA',
  },
] as const;

export const COUPANG_TIMELINE = [
  {
    at: '2025-06-24T00:00:00+09:00',
    dateOnly: true,
    titleKo: '고객 정보 무단 접근 시작',
    titleEn: 'Unauthorised access to customer data begins',
    descriptionKo: '쿠팡 발표에 따르면 해외 서버를 통한 무단 접근이 이날 시작됨.',
    descriptionEn: 'According to Coupang, access through overseas servers began on this day.',
    source: 'PYMNTS/Reuters 2025-12-22',
  },
  {
    at: '2025-11-18T00:00:00+09:00',
    dateOnly: true,
    titleKo: '쿠팡, 유출 인지·신고',
    titleEn: 'Coupang becomes aware and reports the breach',
    descriptionKo: '쿠팡이 유출을 알고 당국에 신고함.',
    descriptionEn: 'Coupang learns of the breach and reports it to the authorities.',
    source: 'PYMNTS/Reuters 2025-12-22',
  },
  {
    at: '2025-11-29T00:00:00+09:00',
    dateOnly: true,
    titleKo: '약 3,370만 계정 유출 발표',
    titleEn: 'About 33.7 million accounts disclosed as exposed',
    descriptionKo: '이름, 이메일, 전화번호, 배송지 주소록, 일부 주문 내역. 로그인·결제 정보는 아니라고 쿠팡은 밝힘.',
    descriptionEn: 'Names, e-mails, phone numbers, address books, some order histories; not login or payment data, per Coupang.',
    source: 'Korea JoongAng Daily 2025-12-09',
  },
  {
    at: '2025-12-01T00:00:00+09:00',
    dateOnly: true,
    titleKo: '첫 소송 제기, 소송 카페 25만 명',
    titleEn: 'First suit filed; lawsuit cafés pass 250,000 members',
    descriptionKo: '이용자 14명이 1인당 위자료 20만 원을 청구. 소송 준비 카페 회원이 이틀 만에 25만 명을 넘음.',
    descriptionEn: '14 users claim ₩200,000 each; lawsuit cafés pass 250,000 members within two days.',
    source: '동아일보 2025-12-01',
  },
] as const;

type ConsentText = { kind: ConsentKind; ko: { title: string; body: string }; en: { title: string; body: string } };

export const COUPANG_CONSENTS: ConsentText[] = [
  {
    kind: 'petition_privacy',
    ko: {
      title: '지지 서명 개인정보 수집·이용 동의',
      body: '수집 항목: 이름, 이메일, 지역(선택), 휴대전화(선택)\n이용 목적: 쿠팡 개인정보 유출 소송 지지 서명의 집계와 확인, 소송 진행 소식 안내\n보유 기간: 소송 종료 후 1년 또는 철회 시까지\n동의를 거부할 수 있으며, 거부하면 서명에 참여할 수 없습니다.',
    },
    en: {
      title: 'Consent to the use of personal data for the support petition',
      body: 'Data collected: name, e-mail, region (optional), mobile number (optional)\nPurpose: counting and confirming signatures supporting the Coupang breach suit; news about the case\nKept: until one year after the case ends, or until you withdraw\nYou may refuse, but then you cannot sign.',
    },
  },
  {
    kind: 'privacy',
    ko: {
      title: '원고 참여 개인정보 수집·이용 동의',
      body: '수집 항목: 성명, 생년월일, 연락처, 주소, 쿠팡 계정 정보, 유출 통지와 2차 피해 내역, 법정대리인 정보(미성년자), 증거 자료\n이용 목적: 소송 당사자 확인, 소장 및 당사자목록 작성, 법원 제출\n보유 기간: 소송 종료 후 관련 법령이 정한 기간\n주민등록번호는 수집하지 않습니다. 연락처·주소·생년월일은 암호화하여 보관합니다.',
    },
    en: {
      title: 'Consent to the use of personal data as a claimant',
      body: 'Data collected: legal name, date of birth, contact details, address, Coupang account details, breach notice and secondary harm, legal guardian (for minors), evidence\nPurpose: identifying the parties, preparing the complaint and party list, filing with the court\nKept: for the period the law requires after the case ends\nNo resident registration number is collected. Contact details, addresses and dates of birth are stored encrypted.',
    },
  },
  {
    kind: 'retainer',
    ko: {
      title: '소송위임 계약',
      body: '본인(미성년자의 경우 그 법정대리인)은 쿠팡 개인정보 유출 손해배상 공동소송에 관하여 소송대리인에게 다음 권한을 위임합니다.\n1. 소의 제기, 변론, 증거의 제출 등 제1심 소송행위 일체\n2. 복대리인의 선임\n3. 소의 취하, 화해, 청구의 포기·인낙 (선정당사자 및 소송대리인 협의 후)\n인지대·송달료 분담금 외 착수금은 없으며, 승소 시 성공보수는 인용액의 15%로 합니다. 언제든 위임을 해지할 수 있습니다.',
    },
    en: {
      title: 'Retainer agreement',
      body: 'I (or, for a minor, their legal guardian) instruct counsel to act in the joint damages suit over the Coupang personal-data breach, with authority to:\n1. file the suit, plead, submit evidence and take every step at first instance;\n2. appoint sub-agents;\n3. withdraw, settle, waive or admit claims (after consulting the representative party and counsel).\nBeyond a share of court fees there is no upfront fee; on success the fee is 15% of the amount awarded. I may end this mandate at any time.',
    },
  },
  {
    kind: 'representative_appointment',
    ko: {
      title: '선정당사자 선정 동의 (민사소송법 제53조)',
      body: '본인(미성년자의 경우 그 법정대리인)은 공동의 이해관계가 있는 원고들 가운데 소송을 수행할 선정당사자를 선정하는 데 동의하며, 선정당사자가 본인을 위하여 소송을 수행하는 것에 동의합니다. 이 동의는 전자적으로 기록되며, 서명 시각·동의 문서의 해시·접속 정보가 함께 보관되어 서면으로 증명됩니다.',
    },
    en: {
      title: 'Appointment of a representative party (Civil Procedure Act art. 53)',
      body: 'I (or, for a minor, their legal guardian) agree to the appointment, from among the plaintiffs who share a common interest, of a representative party to conduct the suit, and to that representative conducting it on my behalf. This consent is recorded electronically; the time of signing, a hash of this text and connection details are kept so that it can be proven in writing.',
    },
  },
];
