import type { RegionEntry } from './types';

const STATES: [code: string, en: string, ko: string][] = [
  ['al', 'Alabama', '앨라배마'],
  ['ak', 'Alaska', '알래스카'],
  ['az', 'Arizona', '애리조나'],
  ['ar', 'Arkansas', '아칸소'],
  ['ca', 'California', '캘리포니아'],
  ['co', 'Colorado', '콜로라도'],
  ['ct', 'Connecticut', '코네티컷'],
  ['de', 'Delaware', '델라웨어'],
  ['fl', 'Florida', '플로리다'],
  ['ga', 'Georgia', '조지아'],
  ['hi', 'Hawaii', '하와이'],
  ['id', 'Idaho', '아이다호'],
  ['il', 'Illinois', '일리노이'],
  ['in', 'Indiana', '인디애나'],
  ['ia', 'Iowa', '아이오와'],
  ['ks', 'Kansas', '캔자스'],
  ['ky', 'Kentucky', '켄터키'],
  ['la', 'Louisiana', '루이지애나'],
  ['me', 'Maine', '메인'],
  ['md', 'Maryland', '메릴랜드'],
  ['ma', 'Massachusetts', '매사추세츠'],
  ['mi', 'Michigan', '미시간'],
  ['mn', 'Minnesota', '미네소타'],
  ['ms', 'Mississippi', '미시시피'],
  ['mo', 'Missouri', '미주리'],
  ['mt', 'Montana', '몬태나'],
  ['ne', 'Nebraska', '네브래스카'],
  ['nv', 'Nevada', '네바다'],
  ['nh', 'New Hampshire', '뉴햄프셔'],
  ['nj', 'New Jersey', '뉴저지'],
  ['nm', 'New Mexico', '뉴멕시코'],
  ['ny', 'New York', '뉴욕'],
  ['nc', 'North Carolina', '노스캐롤라이나'],
  ['nd', 'North Dakota', '노스다코타'],
  ['oh', 'Ohio', '오하이오'],
  ['ok', 'Oklahoma', '오클라호마'],
  ['or', 'Oregon', '오리건'],
  ['pa', 'Pennsylvania', '펜실베이니아'],
  ['ri', 'Rhode Island', '로드아일랜드'],
  ['sc', 'South Carolina', '사우스캐롤라이나'],
  ['sd', 'South Dakota', '사우스다코타'],
  ['tn', 'Tennessee', '테네시'],
  ['tx', 'Texas', '텍사스'],
  ['ut', 'Utah', '유타'],
  ['vt', 'Vermont', '버몬트'],
  ['va', 'Virginia', '버지니아'],
  ['wa', 'Washington', '워싱턴'],
  ['wv', 'West Virginia', '웨스트버지니아'],
  ['wi', 'Wisconsin', '위스콘신'],
  ['wy', 'Wyoming', '와이오밍'],
];

/**
 * The 50 states and the District of Columbia, by lowercase USPS code (`ca`; `CA` and `US-CA`
 * find it too), and `outside_us` for class members abroad (most Coupang customers in a U.S.
 * consumer class live in Korea).
 */
export const US_REGION_LIST: readonly RegionEntry[] = [
  ...STATES.map(([code, en, ko]) => ({
    code,
    name: { ko: `${ko}주`, en },
    aliases: [ko, code.toUpperCase(), `US-${code.toUpperCase()}`, `${en} State`],
  })),
  {
    code: 'dc',
    name: { ko: '워싱턴 D.C.', en: 'District of Columbia' },
    aliases: ['컬럼비아 특별구', '워싱턴DC', 'DC', 'US-DC', 'Washington, D.C.', 'Washington DC', 'D.C.'],
  },
  { code: 'outside_us', name: { ko: '미국 밖', en: 'Outside the United States' }, aliases: ['해외', 'overseas', 'Abroad'] },
];
