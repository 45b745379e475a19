import type { ConsentKind, NewCase } from '@/db/schema';

/**
 * The demo case: broadband users v. the State, ISPs and Microsoft over the SQL Slammer outage of
 * 25 January 2003 (facts and sources: ../shared/case/README.md). Texts are our own; defendants'
 * addresses are given at the level public sources support.
 */
export const DEMO_CASE_SLUG = 'slammer-2003';

export const DEMO_CASE: NewCase = {
  slug: DEMO_CASE_SLUG,
  titleKo: '1·25 인터넷 대란 손해배상 공동소송',
  titleEn: 'The 25 January 2003 Internet Outage (SQL Slammer) Joint Damages Suit',
  summaryKo:
    '2003년 1월 25일 토요일 오후 2시 30분경, SQL 슬래머 웜이 퍼지면서 전국의 인터넷이 약 이틀 동안 마비되었습니다. ' +
    '마이크로소프트는 이미 반년 전(2002년 7월 24일) 보안 패치 MS02-039를 내놓았지만 SQL Server 구매 고객에게 직접 알리지 않았고, ' +
    '통신사업자와 정부는 확산을 막지 못했습니다. 초고속인터넷 이용자, PC방 업주, 온라인 쇼핑몰 운영자가 입은 손해의 배상을 함께 청구합니다.',
  summaryEn:
    'On Saturday 25 January 2003 at about 14:30 KST the SQL Slammer worm took Korea’s internet down for about two days. ' +
    'Microsoft had published the patch (MS02-039) six months earlier, on 24 July 2002, without warning the SQL Server customers it knew; ' +
    'the ISPs and the State did not stop the spread. Broadband subscribers, PC-bang owners and online shops claim their losses together.',
  courtKo: '서울중앙지방법원',
  courtEn: 'Seoul Central District Court',
  jurisdiction: 'KR',
  status: 'open',
  referencePrefix: 'SLM',
  supporterGoal: 3000,
  plaintiffGoal: 1586,
  incidentStartedAt: new Date('2003-01-25T14:30:00+09:00'),
  counselNameKo: '법무법인 한결 (데모)',
  counselNameEn: 'Hankyul Law Firm (demo counsel)',
  counselAddressKo: '서울특별시 종로구',
  counselAddressEn: 'Jongno-gu, Seoul',
  complaintCausesKo: [
    '1. 당사자들의 지위',
    '원고들은 2003. 1. 25. 당시 피고 통신사업자들과 초고속인터넷 이용계약을 맺고 서비스를 이용하던 개인 이용자, PC방 업주, 온라인 쇼핑몰 운영자입니다. 피고 대한민국은 정보통신망의 안정성 확보에 관한 책무를 지는 국가이고, 피고 마이크로소프트 코퍼레이션은 SQL Server 2000 및 MSDE 2000을 제조·판매한 회사입니다.',
    '2. 사고의 경위',
    '2003. 1. 25. 14:30경 UDP 1434번 포트를 통해 전파되는 SQL 슬래머 웜이 확산되어 국내 인터넷망이 약 이틀 동안 마비되거나 현저히 느려졌습니다. 위 웜은 SQL Server 2000 Resolution Service의 버퍼 오버플로 취약점(CVE-2002-0649)을 이용한 것으로, 피고 마이크로소프트 코퍼레이션은 2002. 7. 24. 보안 게시판 MS02-039로 이 취약점과 패치를 공개하였습니다.',
    '3. 피고들의 책임',
    '피고 마이크로소프트 코퍼레이션은 제품 구매 고객 명단을 보유하고 있었음에도 치명적 결함을 직접 통지하지 않았고, 피고 통신사업자들은 비정상 트래픽을 차단하는 조치를 제때 하지 않았으며, 피고 대한민국은 정보통신망의 보호 의무를 다하지 않았습니다. 피고들은 공동불법행위자로서 연대하여 원고들이 입은 손해를 배상할 책임이 있습니다.',
    '4. 손해배상의 범위',
    '원고들의 손해는 서비스 장애 기간의 이용요금, PC방의 영업손실, 쇼핑몰의 매출손실 등으로, 그 구체적인 금액은 별지 청구금액표 기재와 같습니다.',
    '원고 {{plaintiffCount}}명 가운데 가정 가입자는 {{category.home_subscriber.count}}명(청구금액 합계 {{category.home_subscriber.total}}), PC방 업주는 {{category.pc_bang.count}}명(청구금액 합계 {{category.pc_bang.total}}), 온라인 쇼핑몰은 {{category.online_shop.count}}명(청구금액 합계 {{category.online_shop.total}})입니다.',
  ].join('\n'),
  complaintCausesEn: [
    '1. The parties',
    'Plaintiffs were, on 25 January 2003, subscribers of the defendant internet service providers: home users, PC-bang owners and online shops. Defendant Republic of Korea is responsible for the security of the national information network; defendant Microsoft Corporation made and sold SQL Server 2000 and MSDE 2000.',
    '2. The outage',
    'At about 14:30 KST on 25 January 2003 the SQL Slammer worm, spreading over UDP port 1434, left Korea’s internet down or severely slowed for about two days. The worm exploited a buffer overflow in the SQL Server 2000 Resolution Service (CVE-2002-0649), which Microsoft Corporation had disclosed and patched in bulletin MS02-039 on 24 July 2002.',
    '3. Liability',
    'Microsoft Corporation held the list of its SQL Server customers yet did not warn them directly of a critical flaw; the ISP defendants failed to filter the abnormal traffic in time; the State failed in its duty to protect the network. As joint tortfeasors the defendants are jointly and severally liable for plaintiffs’ losses.',
    '4. Damages',
    'Plaintiffs’ losses comprise subscription fees for the outage period, lost revenue of PC-bangs and lost sales of online shops, in the amounts set out in the attached schedule.',
    'Of the {{plaintiffCount}} plaintiffs, {{category.home_subscriber.count}} are home subscribers (claims totalling {{category.home_subscriber.total}}), {{category.pc_bang.count}} are PC-bang owners (claims totalling {{category.pc_bang.total}}) and {{category.online_shop.count}} are online shops (claims totalling {{category.online_shop.total}}).',
  ].join('\n'),
};

export const DEMO_DEFENDANTS = [
  {
    kind: 'state',
    nameKo: '대한민국',
    nameEn: 'Republic of Korea',
    representativeKo: '법률상 대표자 법무부장관',
    representativeEn: 'represented by the Minister of Justice',
    addressKo: '경기도 과천시 관문로 47 (정부과천청사)',
    addressEn: 'Government Complex Gwacheon, Gwacheon, Gyeonggi-do',
  },
  {
    kind: 'service_provider',
    nameKo: '주식회사 케이티',
    nameEn: 'KT Corporation',
    representativeKo: '대표이사',
    representativeEn: 'represented by its CEO',
    addressKo: '경기도 성남시 분당구 정자동',
    addressEn: 'Jeongja-dong, Bundang-gu, Seongnam, Gyeonggi-do',
  },
  {
    kind: 'service_provider',
    nameKo: '하나로통신 주식회사',
    nameEn: 'Hanaro Telecom, Inc.',
    representativeKo: '대표이사',
    representativeEn: 'represented by its CEO',
    addressKo: '서울특별시 중구',
    addressEn: 'Jung-gu, Seoul',
  },
  {
    kind: 'service_provider',
    nameKo: '주식회사 두루넷',
    nameEn: 'Thrunet Co., Ltd.',
    representativeKo: '대표이사',
    representativeEn: 'represented by its CEO',
    addressKo: '서울특별시 강남구',
    addressEn: 'Gangnam-gu, Seoul',
  },
  {
    kind: 'service_provider',
    nameKo: '주식회사 데이콤',
    nameEn: 'Dacom Corporation',
    representativeKo: '대표이사',
    representativeEn: 'represented by its CEO',
    addressKo: '서울특별시 용산구',
    addressEn: 'Yongsan-gu, Seoul',
  },
  {
    kind: 'service_provider',
    nameKo: '온세통신 주식회사',
    nameEn: 'Onse Telecom Corporation',
    representativeKo: '대표이사',
    representativeEn: 'represented by its CEO',
    addressKo: '서울특별시 강남구',
    addressEn: 'Gangnam-gu, Seoul',
  },
  {
    kind: 'vendor',
    nameKo: '마이크로소프트 코퍼레이션',
    nameEn: 'Microsoft Corporation',
    representativeKo: '대표자',
    representativeEn: 'represented by its CEO',
    addressKo: '미합중국 워싱턴주 레드먼드 원 마이크로소프트 웨이',
    addressEn: 'One Microsoft Way, Redmond, WA 98052, USA',
  },
] as const;

export const DEMO_TIMELINE = [
  {
    at: '2002-07-24T00:00:00+09:00',
    dateOnly: true,
    titleKo: 'MS02-039 보안 패치 공개',
    titleEn: 'Bulletin MS02-039 and its patch published',
    descriptionKo: 'SQL Server 2000 / MSDE 2000 Resolution Service(UDP 1434)의 버퍼 오버플로 취약점(CVE-2002-0649)과 패치가 공개됨.',
    descriptionEn:
      'Buffer overflow in the SQL Server 2000 / MSDE 2000 Resolution Service (UDP 1434), CVE-2002-0649, disclosed and patched.',
    source: 'CVE-2002-0649',
  },
  {
    at: '2002-10-02T00:00:00+09:00',
    dateOnly: true,
    titleKo: 'MS02-056 공개 (이후 MS02-061로 대체)',
    titleEn: 'MS02-056 published (later superseded by MS02-061)',
    descriptionKo: '같은 취약점을 막는 누적 패치.',
    descriptionEn: 'A cumulative patch that also closes the hole.',
    source: 'Microsoft bulletin MS02-056',
  },
  {
    at: '2003-01-25T14:30:00+09:00',
    dateOnly: false,
    titleKo: 'SQL 슬래머 확산 시작',
    titleEn: 'Slammer starts spreading',
    descriptionKo: '376바이트 UDP 패킷 하나로 퍼지는 웜. 감염이 8.5초마다 두 배로 늘어 10분 만에 약 7만5천 대가 감염됨.',
    descriptionEn: 'A 376-byte worm in one UDP packet; infections doubled every 8.5 s, ~75,000 hosts within 10 minutes.',
    source: 'CAIDA/ICSI via Network World',
  },
  {
    at: '2003-01-27T00:00:00+09:00',
    dateOnly: true,
    titleKo: '1·25 인터넷 대란: 약 이틀간 장애',
    titleEn: 'About two days of outage',
    descriptionKo: 'PC방 업주(협회 회원 약 2만4천 명)와 온라인 쇼핑몰이 손실을 호소.',
    descriptionEn: 'PC-bang owners (~24,000 in their association) and online shops report losses.',
    source: '동아일보 2003-01-27; out-law.com 2003-02-07',
  },
  {
    at: '2003-02-27T00:00:00+09:00',
    dateOnly: true,
    titleKo: '참여연대, 소송 계획 발표',
    titleEn: 'PSPD announces the suits',
    descriptionKo: '국가(정보통신부), KT 등 통신사업자, 마이크로소프트를 상대로 한 소송. 대리인 법무법인 한결.',
    descriptionEn:
      'Suits against the State (Ministry of Information and Communication), KT and other ISPs, and Microsoft; counsel Hankyul.',
    source: 'ZDNet Korea; 전자신문 2003-02-27',
  },
  {
    at: '2003-04-30T00:00:00+09:00',
    dateOnly: true,
    titleKo: '서울지방법원에 소 제기',
    titleEn: 'Suit filed in Seoul District Court',
    descriptionKo: '피고 국가, KT 등 통신사업자, 마이크로소프트. 총 청구액 1억 9,680만 원.',
    descriptionEn: 'Against the State, KT and other ISPs, and Microsoft Corporation; total claim ₩196.8m.',
    source: '서울신문 2003-05-01',
  },
  {
    at: '2006-11-03T00:00:00+09:00',
    dateOnly: true,
    titleKo: '1심 원고 청구 기각 (2003가합32082)',
    titleEn: 'First instance dismisses the claims (2003가합32082)',
    descriptionKo: '통신사업자는 적법하게 조치했고 국가는 의무를 다했으며, 출시 당시 알 수 없던 결함은 설계상 결함이 아니라고 판단.',
    descriptionEn: 'ISPs acted lawfully; the State met its duty; a flaw unknown at release is not a design defect.',
    source: '전자신문 2006-11-14',
  },
] as const;

type ConsentText = { kind: ConsentKind; ko: { title: string; body: string }; en: { title: string; body: string } };

export const DEMO_CONSENTS: ConsentText[] = [
  {
    kind: 'petition_privacy',
    ko: {
      title: '지지 서명 개인정보 수집·이용 동의',
      body: '수집 항목: 이름, 이메일, 지역(선택), 휴대전화(선택)\n이용 목적: 소송 지지 서명의 집계와 확인, 소송 진행 소식 안내\n보유 기간: 소송 종료 후 1년 또는 철회 시까지\n동의를 거부할 수 있으며, 거부하면 서명에 참여할 수 없습니다. 서명은 언제든 철회할 수 있습니다.',
    },
    en: {
      title: 'Consent to the use of personal data for the support petition',
      body: 'Data collected: name, email, region (optional), mobile number (optional)\nPurpose: counting and confirming support signatures; news about the case\nKept: until one year after the case ends, or until you withdraw\nYou may refuse, but then you cannot sign. You can withdraw your signature at any time.',
    },
  },
  {
    kind: 'privacy',
    ko: {
      title: '원고 참여 개인정보 수집·이용 동의',
      body: '수집 항목: 성명, 생년월일, 연락처, 주소, 이용 통신사 및 회선, 사업자 정보(해당 시), 손해 내역, 증거 자료\n이용 목적: 소송 당사자 확인, 소장 및 당사자목록 작성, 법원 제출\n보유 기간: 소송 종료 후 관련 법령이 정한 기간\n주민등록번호는 수집하지 않습니다. 연락처·주소·생년월일은 암호화하여 보관합니다.',
    },
    en: {
      title: 'Consent to the use of personal data as a claimant',
      body: 'Data collected: legal name, date of birth, contact details, address, ISP and line, business details (where relevant), damages, evidence\nPurpose: identifying the parties, preparing the complaint and party list, filing with the court\nKept: for the period the law requires after the case ends\nNo resident registration number is collected. Contact details, addresses and dates of birth are stored encrypted.',
    },
  },
  {
    kind: 'retainer',
    ko: {
      title: '소송위임 계약',
      body: '본인은 1·25 인터넷 대란 손해배상 공동소송에 관하여 소송대리인에게 다음 권한을 위임합니다.\n1. 소의 제기, 변론, 증거의 제출 등 제1심 소송행위 일체\n2. 복대리인의 선임\n3. 소의 취하, 화해, 청구의 포기·인낙 (선정당사자 및 소송대리인 협의 후)\n착수금은 없으며, 승소 시 성공보수는 인용액의 10%로 합니다. 본인은 언제든 위임을 해지할 수 있습니다.',
    },
    en: {
      title: 'Retainer agreement',
      body: 'I instruct counsel to act for me in the joint damages suit over the 25 January 2003 internet outage, with authority to:\n1. file the suit, plead, submit evidence and take every step at first instance;\n2. appoint sub-agents;\n3. withdraw, settle, waive or admit claims (after consulting the representative party and counsel).\nThere is no upfront fee; on success the fee is 10% of the amount awarded. I may end this mandate at any time.',
    },
  },
  {
    kind: 'representative_appointment',
    ko: {
      title: '선정당사자 선정 동의 (민사소송법 제53조)',
      body: '본인은 공동의 이해관계가 있는 원고들 가운데 소송을 수행할 선정당사자를 선정하는 데 동의하며, 선정당사자가 본인을 위하여 소송을 수행하는 것에 동의합니다. 이 동의는 전자적으로 기록되며, 서명 시각·동의 문서의 해시·접속 정보가 함께 보관되어 서면으로 증명됩니다.',
    },
    en: {
      title: 'Appointment of a representative party (Civil Procedure Act art. 53)',
      body: 'I agree to the appointment, from among the plaintiffs who share a common interest, of a representative party to conduct the suit, and to that representative conducting the suit on my behalf. This consent is recorded electronically; the time of signing, a hash of this text and connection details are kept so that it can be proven in writing.',
    },
  },
];

/** Demo accounts listed in the README; all share one password. */
export const DEMO_PASSWORD = 'joinder-demo';
export const DEMO_ACCOUNTS = [
  { email: 'admin@joinder.test', name: '관리자 데모', isPlatformAdmin: true, caseRole: 'admin' },
  { email: 'lawyer@joinder.test', name: '변호사 데모', isPlatformAdmin: false, caseRole: 'lawyer' },
  { email: 'organizer@joinder.test', name: '활동가 데모', isPlatformAdmin: false, caseRole: 'organizer' },
  { email: 'claimant@joinder.test', name: '홍길동', isPlatformAdmin: false, caseRole: null },
] as const;
