import { createHash } from 'node:crypto';
import type { ClaimCategory, ClaimantSnapshot, DamageItem, PartyListClaimant } from '../types';

/** The Slammer definition's categories, as a filing snapshot carries them. */
const CATEGORIES = {
  home_subscriber: { ko: '가정 가입자', en: 'Home subscriber' },
  pc_bang: { ko: 'PC방 업주', en: 'PC-bang owner' },
  online_shop: { ko: '온라인 쇼핑몰', en: 'Online shop' },
  server_operator: { ko: '서버 운영자', en: 'Server operator' },
} as const;
type SlammerCategory = keyof typeof CATEGORIES;

export function slammerCategory(id: SlammerCategory): ClaimCategory {
  return { id, label: { ...CATEGORIES[id] } };
}

/** Deterministic synthetic claimants with realistic Korean names and addresses (tests, benchmarks). */

const SURNAMES =
  '김김김김이이이박박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부';
const COMPOUND_SURNAMES = ['남궁', '황보', '제갈', '선우', '독고'];
const GIVEN = '민서지현준우수영은정하윤도연성진예원재희승혜유경상훈동태호소주아나미다인규석철선용혁시찬한빈채건';
const PLACES: [string, string[]][] = [
  ['서울특별시', ['강남구', '서초구', '송파구', '마포구', '관악구', '노원구', '은평구', '성북구', '영등포구', '동작구']],
  ['부산광역시', ['해운대구', '부산진구', '동래구', '사하구', '남구']],
  ['인천광역시', ['남동구', '부평구', '연수구', '서구']],
  ['대구광역시', ['수성구', '달서구', '북구']],
  ['광주광역시', ['북구', '서구', '광산구']],
  ['대전광역시', ['유성구', '서구', '중구']],
  ['경기도', ['수원시 영통구', '성남시 분당구', '고양시 일산동구', '용인시 수지구', '부천시', '안양시 동안구', '화성시']],
  ['강원도', ['춘천시', '원주시', '강릉시']],
  ['충청북도', ['청주시 상당구', '충주시']],
  ['전라북도', ['전주시 완산구', '군산시']],
  ['경상남도', ['창원시', '김해시', '진주시']],
  ['제주도', ['제주시', '서귀포시']],
];
const ROADS = [
  '중앙로',
  '테헤란로',
  '세종대로',
  '한강대로',
  '대학로',
  '시청로',
  '문화로',
  '평화로',
  '역삼로',
  '번영로',
  '희망로',
  '새마을로',
];
const DONGS = ['역삼동', '신림동', '상계동', '불광동', '정자동', '중동', '영통동', '구월동', '범어동', '둔산동'];

/** mulberry32: a tiny seeded PRNG so every run produces the same claimants. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[] | string): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function syntheticName(random: () => number): string {
  const surname = random() < 0.01 ? pick<string>(random, COMPOUND_SURNAMES) : pick<string>(random, SURNAMES);
  return surname + pick<string>(random, GIVEN) + pick<string>(random, GIVEN);
}

export function syntheticAddress(random: () => number): { address: string; locality: string } {
  const [province, districts] = pick(random, PLACES);
  const district = pick<string>(random, districts);
  const road = `${pick<string>(random, ROADS)} ${1 + Math.floor(random() * 480)}`;
  const unit =
    random() < 0.7 ? `, ${101 + Math.floor(random() * 15)}동 ${1 + Math.floor(random() * 25)}0${1 + Math.floor(random() * 4)}호` : '';
  return { address: `${province} ${district} ${road}${unit} (${pick<string>(random, DONGS)})`, locality: `${province} ${district}` };
}

function damagesFor(type: SlammerCategory, random: () => number): DamageItem[] {
  const round = (value: number) => Math.round(value / 1000) * 1000;
  if (type === 'pc_bang') {
    return [
      {
        category: 'lost_revenue',
        description: `좌석 ${40 + Math.floor(random() * 60)}석 × 2일 영업손실`,
        amountKrw: round(1_000_000 + random() * 4_000_000),
      },
      { category: 'recovery_cost', description: '네트워크 점검 비용', amountKrw: round(100_000 + random() * 300_000) },
    ];
  }
  if (type === 'online_shop')
    return [{ category: 'lost_sales', description: '2003. 1. 25.~27. 주문 감소분', amountKrw: round(2_000_000 + random() * 8_000_000) }];
  return [
    { category: 'fee_refund', description: '초고속 인터넷 이용요금 2일분', amountKrw: round(2_000 + random() * 2_000) },
    { category: 'emotional_distress', description: '서비스 중단으로 인한 정신적 손해', amountKrw: 100_000 },
  ];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function syntheticClaimant(index: number, random: () => number): ClaimantSnapshot {
  const roll = random();
  const type: SlammerCategory =
    roll < 0.94 ? 'home_subscriber' : roll < 0.985 ? 'pc_bang' : roll < 0.995 ? 'online_shop' : 'server_operator';
  const name = syntheticName(random);
  const { address, locality } = syntheticAddress(random);
  const items = damagesFor(type, random);
  const signedAt = new Date(
    Date.UTC(2003, 2, 1 + Math.floor(random() * 40), Math.floor(random() * 24), Math.floor(random() * 60), Math.floor(random() * 60)),
  ).toISOString();
  const ip = `211.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.${1 + Math.floor(random() * 254)}`;
  const year = 1950 + Math.floor(random() * 52);
  const birth = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const statementText = `저는 ${locality}에서 초고속 인터넷을 이용하였습니다. 2003. 1. 25. 14시 30분경부터 1. 27. 오전까지 인터넷을 쓸 수 없었습니다. SQL Server나 MSDE는 사용하지 않았고, 통신사로부터 보안 패치에 관한 안내를 받은 적이 없습니다.`;
  const consent = (kind: 'retainer' | 'representative_appointment' | 'privacy', version: string) => ({
    kind,
    documentVersion: version,
    textSha256: sha256(`${kind}:${version}`),
    signedAt,
    signerName: name,
    ip,
  });
  return {
    id: `claimant-${index + 1}`,
    referenceNumber: `SLM-${String(index + 1).padStart(6, '0')}`,
    legalName: name,
    dateOfBirth: birth,
    address,
    locality,
    phone: `010-${String(1000 + Math.floor(random() * 9000))}-${String(1000 + Math.floor(random() * 9000))}`,
    category: slammerCategory(type),
    businessName:
      type === 'pc_bang'
        ? `${pick<string>(random, ['스타', '넷존', '게임월드', '씨티'])} PC방`
        : type === 'online_shop'
          ? '바른몰'
          : undefined,
    damages: { items, totalKrw: items.reduce((sum, item) => sum + item.amountKrw, 0) },
    consents: [
      consent('retainer', 'retainer-2003-02'),
      consent('representative_appointment', 'appointment-2003-02'),
      consent('privacy', 'privacy-2003-01'),
    ],
    statement: {
      version: 1,
      text: statementText,
      language: 'ko',
      signerName: name,
      signedAt,
      ip,
      userAgent: 'Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)',
      textSha256: sha256(statementText),
    },
    evidence: [],
  };
}

export function syntheticClaimants(count: number, seed = 1586): ClaimantSnapshot[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => syntheticClaimant(index, random));
}

/** Synthetic claimants whose first plaintiff is 홍길동 (Gil-dong Hong), for readable assertions. */
export function demoClaimants(count: number, seed = 1586): ClaimantSnapshot[] {
  const claimants = syntheticClaimants(count, seed);
  const lead = claimants[0];
  lead.legalName = '홍길동';
  lead.legalNameLatin = 'Gil-dong Hong';
  lead.dateOfBirth = '1970-08-09';
  lead.phone = '010-9670-3793';
  lead.address = '서울특별시 종로구 세종대로 175, 101동 1203호 (세종로)';
  lead.locality = '서울특별시 종로구';
  for (const consent of lead.consents) consent.signerName = lead.legalName;
  if (lead.statement) lead.statement.signerName = lead.legalName;
  return claimants;
}

export const DEMO_NOW = new Date('2003-04-30T01:00:00Z');

/** Only what a party list needs, for 100k-row runs where full snapshots would dwarf the renderer's memory. */
export function syntheticPartyRows(count: number, seed = 1586): PartyListClaimant[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const { address, locality } = syntheticAddress(random);
    const year = 1950 + Math.floor(random() * 52);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const totalKrw =
      random() < 0.94 ? 100_000 + Math.round(random() * 4) * 1000 : Math.round((1_000_000 + random() * 4_000_000) / 1000) * 1000;
    return { legalName: syntheticName(random), address, locality, dateOfBirth: `${year}-${month}-${day}`, damages: { totalKrw } };
  });
}
