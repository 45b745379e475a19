import type { Random } from './random';

// Surnames weighted roughly by their share of the population (김 ≈ 21 %, 이 ≈ 15 %, 박 ≈ 8 % …).
const SURNAMES: readonly (readonly [string, number])[] = [
  ['김', 215],
  ['이', 147],
  ['박', 84],
  ['최', 47],
  ['정', 44],
  ['강', 23],
  ['조', 21],
  ['윤', 20],
  ['장', 19],
  ['임', 16],
  ['한', 15],
  ['오', 15],
  ['서', 14],
  ['신', 14],
  ['권', 14],
  ['황', 13],
  ['안', 13],
  ['송', 13],
  ['전', 11],
  ['홍', 11],
  ['유', 10],
  ['고', 9],
  ['문', 9],
  ['양', 9],
  ['손', 9],
  ['배', 8],
  ['백', 8],
  ['허', 6],
  ['남', 5],
  ['심', 5],
  ['노', 4],
  ['하', 4],
  ['곽', 4],
  ['성', 4],
  ['차', 4],
  ['주', 4],
  ['우', 4],
  ['구', 4],
  ['민', 3],
  ['류', 3],
  ['나', 3],
  ['진', 3],
  ['지', 3],
  ['엄', 3],
  ['채', 3],
  ['원', 3],
  ['천', 2],
  ['방', 2],
  ['공', 2],
  ['현', 2],
  ['남궁', 1],
  ['제갈', 1],
];
const GIVEN_FIRST = [
  '민',
  '서',
  '지',
  '현',
  '승',
  '영',
  '준',
  '수',
  '정',
  '성',
  '은',
  '동',
  '재',
  '혜',
  '상',
  '진',
  '미',
  '경',
  '태',
  '우',
  '하',
  '유',
  '소',
  '예',
  '도',
  '주',
  '보',
  '창',
  '인',
  '광',
];
const GIVEN_SECOND = [
  '준',
  '호',
  '희',
  '수',
  '민',
  '영',
  '진',
  '우',
  '아',
  '은',
  '혁',
  '훈',
  '연',
  '원',
  '석',
  '철',
  '숙',
  '자',
  '빈',
  '윤',
  '현',
  '규',
  '환',
  '경',
  '정',
  '기',
  '식',
  '선',
  '란',
  '주',
];

const ROMAN: Record<string, string> = {
  김: 'kim',
  이: 'lee',
  박: 'park',
  최: 'choi',
  정: 'jung',
  강: 'kang',
  조: 'cho',
  윤: 'yoon',
  장: 'jang',
  임: 'lim',
  한: 'han',
  오: 'oh',
  서: 'seo',
  신: 'shin',
  권: 'kwon',
  황: 'hwang',
  안: 'ahn',
  송: 'song',
  전: 'jeon',
  홍: 'hong',
};

export function koreanName(random: Random): string {
  const surname = random.weighted(SURNAMES);
  const given = random.chance(0.06) ? random.pick(GIVEN_SECOND) : random.pick(GIVEN_FIRST) + random.pick(GIVEN_SECOND);
  return surname + given;
}

export function syntheticEmail(name: string, serial: number): string {
  const surname = ROMAN[name[0]] ?? 'user';
  return `${surname}${serial}@example.kr`;
}

export function koreanMobile(random: Random): string {
  return `010-${random.int(2000, 9999)}-${String(random.int(0, 9999)).padStart(4, '0')}`;
}

/** Districts per region for realistic addresses. */
export const DISTRICTS: Record<string, readonly string[]> = {
  seoul: ['서울특별시 종로구', '서울특별시 강남구', '서울특별시 마포구', '서울특별시 관악구', '서울특별시 노원구', '서울특별시 송파구'],
  busan: ['부산광역시 해운대구', '부산광역시 부산진구', '부산광역시 사하구'],
  daegu: ['대구광역시 수성구', '대구광역시 달서구'],
  incheon: ['인천광역시 남동구', '인천광역시 부평구'],
  gwangju: ['광주광역시 북구', '광주광역시 서구'],
  daejeon: ['대전광역시 유성구', '대전광역시 서구'],
  ulsan: ['울산광역시 남구'],
  sejong: ['세종특별자치시'],
  gyeonggi: ['경기도 수원시', '경기도 성남시 분당구', '경기도 고양시 일산동구', '경기도 부천시', '경기도 안양시 동안구', '경기도 용인시'],
  gangwon: ['강원도 춘천시', '강원도 원주시'],
  chungbuk: ['충청북도 청주시'],
  chungnam: ['충청남도 천안시'],
  jeonbuk: ['전라북도 전주시'],
  jeonnam: ['전라남도 여수시', '전라남도 순천시'],
  gyeongbuk: ['경상북도 포항시', '경상북도 구미시'],
  gyeongnam: ['경상남도 창원시', '경상남도 김해시'],
  jeju: ['제주특별자치도 제주시'],
};

/** Regions weighted by 2003 population (Seoul and Gyeonggi hold almost half). */
export const REGION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['seoul', 210],
  ['gyeonggi', 205],
  ['busan', 77],
  ['gyeongnam', 64],
  ['incheon', 52],
  ['gyeongbuk', 56],
  ['daegu', 52],
  ['chungnam', 40],
  ['jeonnam', 40],
  ['jeonbuk', 38],
  ['chungbuk', 30],
  ['gangwon', 31],
  ['daejeon', 30],
  ['gwangju', 28],
  ['ulsan', 22],
  ['jeju', 11],
  ['sejong', 2],
];

export function koreanAddress(random: Random, region: string): { address: string; locality: string } {
  const locality = random.pick(DISTRICTS[region] ?? DISTRICTS.seoul);
  const street = random.pick(['중앙로', '대학로', '시민로', '번영로', '평화로', '새마을로', '문화로', '희망로']);
  return { locality, address: `${locality} ${street} ${random.int(1, 399)}, ${random.int(101, 1504)}호` };
}
