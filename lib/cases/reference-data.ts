/**
 * Lists the petition and the dashboards share. Labels live in the message catalogs
 * (`common.regions.<code>`); stored values are these codes. What a claim asks (categories,
 * choices, evidence kinds, damages) is the case's claim definition's, never a list here.
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

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}
