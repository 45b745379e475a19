import type { RegionEntry } from './types';

/**
 * The 17 시·도 of Korea and `overseas`, by the codes the database already stores. English names
 * follow the Revised Romanization as the provinces use them; former names (강원도 before 2023,
 * 전라북도 before 2024) stay as aliases because addresses and people still use them.
 */
export const KR_REGION_LIST: readonly RegionEntry[] = [
  { code: 'seoul', name: { ko: '서울특별시', en: 'Seoul' }, aliases: ['서울', '서울시', 'Seoul Metropolitan City', 'Seoul Special City'] },
  { code: 'busan', name: { ko: '부산광역시', en: 'Busan' }, aliases: ['부산', '부산시', 'Busan Metropolitan City', 'Pusan'] },
  { code: 'daegu', name: { ko: '대구광역시', en: 'Daegu' }, aliases: ['대구', '대구시', 'Daegu Metropolitan City', 'Taegu'] },
  { code: 'incheon', name: { ko: '인천광역시', en: 'Incheon' }, aliases: ['인천', '인천시', 'Incheon Metropolitan City', 'Inchon'] },
  { code: 'gwangju', name: { ko: '광주광역시', en: 'Gwangju' }, aliases: ['광주', 'Gwangju Metropolitan City', 'Kwangju'] },
  { code: 'daejeon', name: { ko: '대전광역시', en: 'Daejeon' }, aliases: ['대전', '대전시', 'Daejeon Metropolitan City', 'Taejon'] },
  { code: 'ulsan', name: { ko: '울산광역시', en: 'Ulsan' }, aliases: ['울산', '울산시', 'Ulsan Metropolitan City'] },
  {
    code: 'sejong',
    name: { ko: '세종특별자치시', en: 'Sejong' },
    aliases: ['세종', '세종시', 'Sejong City', 'Sejong Special Self-Governing City'],
  },
  { code: 'gyeonggi', name: { ko: '경기도', en: 'Gyeonggi-do' }, aliases: ['경기', 'Gyeonggi', 'Gyeonggi Province', 'Kyonggi'] },
  {
    code: 'gangwon',
    name: { ko: '강원특별자치도', en: 'Gangwon State' },
    aliases: ['강원', '강원도', 'Gangwon', 'Gangwon-do', 'Gangwon Province', 'Gangwon Special Self-Governing Province'],
  },
  {
    code: 'chungbuk',
    name: { ko: '충청북도', en: 'Chungcheongbuk-do' },
    aliases: ['충북', 'Chungbuk', 'North Chungcheong', 'North Chungcheong Province'],
  },
  {
    code: 'chungnam',
    name: { ko: '충청남도', en: 'Chungcheongnam-do' },
    aliases: ['충남', 'Chungnam', 'South Chungcheong', 'South Chungcheong Province'],
  },
  {
    code: 'jeonbuk',
    name: { ko: '전북특별자치도', en: 'Jeonbuk State' },
    aliases: [
      '전북',
      '전라북도',
      'Jeonbuk',
      'Jeollabuk-do',
      'North Jeolla',
      'North Jeolla Province',
      'Jeonbuk Special Self-Governing Province',
    ],
  },
  { code: 'jeonnam', name: { ko: '전라남도', en: 'Jeollanam-do' }, aliases: ['전남', 'Jeonnam', 'South Jeolla', 'South Jeolla Province'] },
  {
    code: 'gyeongbuk',
    name: { ko: '경상북도', en: 'Gyeongsangbuk-do' },
    aliases: ['경북', 'Gyeongbuk', 'North Gyeongsang', 'North Gyeongsang Province'],
  },
  {
    code: 'gyeongnam',
    name: { ko: '경상남도', en: 'Gyeongsangnam-do' },
    aliases: ['경남', 'Gyeongnam', 'South Gyeongsang', 'South Gyeongsang Province'],
  },
  {
    code: 'jeju',
    name: { ko: '제주특별자치도', en: 'Jeju-do' },
    aliases: ['제주', '제주도', 'Jeju', 'Jeju Province', 'Jeju Special Self-Governing Province'],
  },
  { code: 'overseas', name: { ko: '해외', en: 'Outside Korea' }, aliases: ['국외', 'Overseas', 'Abroad'] },
];
