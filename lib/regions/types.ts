/** A first-level division of a jurisdiction: stored by code, shown by name in either language. */
export type RegionEntry = {
  code: string;
  /** Official name (`서울특별시`, `California`). */
  name: { ko: string; en: string };
  /** Other names people type: short forms (`서울`), former names (`강원도`), English variants. */
  aliases: string[];
};

export type RegionJurisdiction = 'KR' | 'US';
