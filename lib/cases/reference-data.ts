/**
 * Lists the intake, the seed and the dashboards share. Labels live in the message catalogs
 * (`common.regions.<code>`, `common.isps.<code>`, `common.lineTypes.<code>`); stored values are
 * these codes.
 */

/** The 17 first-level divisions (시·도) of Korea. */
export const KR_REGIONS = [
  'seoul',
  'busan',
  'daegu',
  'incheon',
  'gwangju',
  'daejeon',
  'ulsan',
  'sejong',
  'gyeonggi',
  'gangwon',
  'chungbuk',
  'chungnam',
  'jeonbuk',
  'jeonnam',
  'gyeongbuk',
  'gyeongnam',
  'jeju',
] as const;
export const REGIONS = [...KR_REGIONS, 'overseas'] as const;
export type Region = (typeof REGIONS)[number];

/** Broadband providers of 2003 Korea; `other` takes a free-text name. */
export const ISPS = ['kt', 'hanaro', 'thrunet', 'dacom', 'onse', 'dreamline', 'powercomm', 'other'] as const;
export type Isp = (typeof ISPS)[number];

export const LINE_TYPES = ['adsl', 'vdsl', 'cable', 'apartment_lan', 'leased_line', 'dialup', 'other'] as const;
export type LineType = (typeof LINE_TYPES)[number];

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}
