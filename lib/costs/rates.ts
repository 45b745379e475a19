/**
 * The statutory numbers behind the court-cost worksheet, as data with the day each took effect:
 * rates change (the 송달료 follows the postal tariff), and a worksheet dated before a change must
 * use the old numbers. Each schedule names its source; add a new entry rather than editing one.
 */

/** A bracket of 민사소송 등 인지법 제2조 ①: amounts below `below` (won) pay value × perTenThousand / 10,000 + add. */
export type StampBracket = { below: number | null; perTenThousand: number; add: number };

export type StampSchedule = {
  effectiveFrom: string;
  source: string;
  brackets: StampBracket[];
  /** 제2조 ②: an amount under this is raised to it. */
  minimumKrw: number;
  /** 제2조 ②: what is left below this unit is not counted (truncated). */
  truncateToKrw: number;
  /** 제16조 ①: a complaint filed electronically pays this fraction of the 제2조 amount. */
  electronicNumerator: number;
  electronicDenominator: number;
  /** 제3조: an appeal (항소) pays 1.5 times, a final appeal (상고) twice the 제2조 amount. */
  instanceMultiplierTenths: Record<CourtInstance, number>;
};

export type CourtInstance = 'first' | 'appeal' | 'final';
/** 소액 (small claims), 단독 (single judge), 합의부 (panel): decides the services of a first-instance case. */
export type FirstInstanceCourt = 'small' | 'single' | 'panel';
export type ServiceCourt = FirstInstanceCourt | 'appeal' | 'final';

export type ServiceSchedule = {
  effectiveFrom: string;
  source: string;
  /** One service (1회분), in won. */
  perServiceKrw: number;
  /** Services paid in advance per party (송달료 예납 기준). */
  servicesPerParty: Record<ServiceCourt, number>;
};

export type CourtSizeSchedule = {
  effectiveFrom: string;
  source: string;
  /** 소액사건심판규칙 제1조의2: a money claim of at most this many won is a small claim. */
  smallClaimMaxKrw: number;
  /** 민사 및 가사소송의 사물관할에 관한 규칙 제2조: above this many won, a 합의부 hears it. */
  singleJudgeMaxKrw: number;
};

export const STAMP_SCHEDULES: readonly StampSchedule[] = [
  {
    effectiveFrom: '2011-07-18',
    source: '민사소송 등 인지법 제2조 ①·②, 제3조, 제16조 ① (전자문서로 제출하는 소장: 10분의 9, 2011. 7. 18. 공포·시행)',
    brackets: [
      { below: 10_000_000, perTenThousand: 50, add: 0 },
      { below: 100_000_000, perTenThousand: 45, add: 5_000 },
      { below: 1_000_000_000, perTenThousand: 40, add: 55_000 },
      { below: null, perTenThousand: 35, add: 555_000 },
    ],
    minimumKrw: 1_000,
    truncateToKrw: 100,
    electronicNumerator: 9,
    electronicDenominator: 10,
    instanceMultiplierTenths: { first: 10, appeal: 15, final: 20 },
  },
];

export const SERVICE_SCHEDULES: readonly ServiceSchedule[] = [
  {
    effectiveFrom: '2025-01-01',
    // The per-service amount follows the postal tariff and changes without a new rule: check the
    // court's current figure before paying (the worksheet prints which one it used).
    source: '송달료규칙 및 송달료규칙의 시행에 따른 업무처리요령 (민사 1회분 5,200원; 소액 10회, 단독·합의 15회, 항소 12회, 상고 8회)',
    perServiceKrw: 5_200,
    servicesPerParty: { small: 10, single: 15, panel: 15, appeal: 12, final: 8 },
  },
];

export const COURT_SIZE_SCHEDULES: readonly CourtSizeSchedule[] = [
  {
    effectiveFrom: '2022-03-01',
    source: '소액사건심판규칙 제1조의2 (3천만원 이하), 민사 및 가사소송의 사물관할에 관한 규칙 제2조 (5억원 초과는 합의부)',
    smallClaimMaxKrw: 30_000_000,
    singleJudgeMaxKrw: 500_000_000,
  },
];

/** The schedule in effect on a Korean calendar day (YYYY-MM-DD): the latest that started on or before it. */
export function scheduleOn<S extends { effectiveFrom: string }>(schedules: readonly S[], day: string): S {
  const inEffect = schedules.filter((schedule) => schedule.effectiveFrom <= day);
  const found = inEffect.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  // Before the first known schedule the earliest one is the best estimate there is.
  return found ?? [...schedules].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
}
