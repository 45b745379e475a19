import {
  COURT_SIZE_SCHEDULES,
  type CourtInstance,
  type FirstInstanceCourt,
  SERVICE_SCHEDULES,
  STAMP_SCHEDULES,
  type ServiceCourt,
  type ServiceSchedule,
  type StampBracket,
  type StampSchedule,
  scheduleOn,
} from './rates';

export type StampDuty = {
  bracket: StampBracket;
  /** 제2조 ①: value × rate + addition, before rounding (won, may have a fraction dropped). */
  formulaKrw: number;
  /** 제2조 ②: at least 1,000원, below 100원 not counted — "the 제2조 amount". */
  baseKrw: number;
  /** 제3조: the 제2조 amount for the instance (×1.5 appeal, ×2 final appeal). */
  instanceKrw: number;
  /** 제16조 ①: 9/10 of it when filed electronically, below 100원 not counted; null on paper. */
  electronicKrw: number | null;
  payableKrw: number;
};

/**
 * The stamp duty (인지액) of a complaint for a claim value (소가), by 민사소송 등 인지법. Integer
 * arithmetic in BigInt: a joint suit's value times a rate per 10,000 passes 2^53 above ₩900T.
 * The 1,000원 minimum applies to the 제2조 amount, which is what 제3조 multiplies and 제16조
 * reduces; what falls below 100원 is dropped after each step, as 제2조 ② says of every amount.
 */
export function computeStampDuty(
  claimValueKrw: number,
  options: { isElectronic: boolean; instance: CourtInstance; schedule: StampSchedule },
): StampDuty {
  const { schedule } = options;
  const value = BigInt(claimValueKrw);
  const bracket = schedule.brackets.find((candidate) => candidate.below === null || value < BigInt(candidate.below))!;
  const truncate = (amount: bigint) => (amount / BigInt(schedule.truncateToKrw)) * BigInt(schedule.truncateToKrw);
  const formula = (value * BigInt(bracket.perTenThousand)) / 10_000n + BigInt(bracket.add);
  const base = formula < BigInt(schedule.minimumKrw) ? BigInt(schedule.minimumKrw) : truncate(formula);
  const instance = truncate((base * BigInt(schedule.instanceMultiplierTenths[options.instance])) / 10n);
  const electronic = options.isElectronic
    ? truncate((instance * BigInt(schedule.electronicNumerator)) / BigInt(schedule.electronicDenominator))
    : null;
  return {
    bracket,
    formulaKrw: Number(formula),
    baseKrw: Number(base),
    instanceKrw: Number(instance),
    electronicKrw: electronic === null ? null : Number(electronic),
    payableKrw: Number(electronic ?? instance),
  };
}

/** The first-instance court a claim value goes to: small claims, a single judge, or a panel. */
export function firstInstanceCourtFor(claimValueKrw: number, day: string): FirstInstanceCourt {
  const sizes = scheduleOn(COURT_SIZE_SCHEDULES, day);
  if (claimValueKrw <= sizes.smallClaimMaxKrw) return 'small';
  return claimValueKrw <= sizes.singleJudgeMaxKrw ? 'single' : 'panel';
}

export type ServiceFee = { parties: number; services: number; perServiceKrw: number; totalKrw: number };

/** 송달료 paid in advance: per service × parties × the services per party of the court. */
export function computeServiceFee(
  parties: number,
  court: ServiceCourt,
  schedule: Pick<ServiceSchedule, 'perServiceKrw' | 'servicesPerParty'>,
): ServiceFee {
  const services = schedule.servicesPerParty[court];
  return { parties, services, perServiceKrw: schedule.perServiceKrw, totalKrw: parties * services * schedule.perServiceKrw };
}

export type WorksheetInput = {
  /** 소가: the claims of every plaintiff added together (민사소송법 제27조 ①). */
  claimValueKrw: number;
  claimantCount: number;
  defendantCount: number;
  /** How many 선정당사자 would sue for all (민사소송법 제53조). */
  representativeCount: number;
  isElectronic: boolean;
  instance: CourtInstance;
  /** A first-instance court other than the one the value goes to (a lawyer's choice); by value otherwise. */
  court?: FirstInstanceCourt;
  /** A per-service amount other than the schedule's (the court announced a new one). */
  perServiceKrw?: number;
  /** The Korean day the worksheet is for: picks the schedules. */
  day: string;
};

export type Scenario = { id: 'every_claimant' | 'representatives'; plaintiffs: number; serviceFee: ServiceFee; totalKrw: number };

export type CostWorksheet = {
  input: WorksheetInput;
  court: ServiceCourt;
  stamp: StampDuty;
  stampSchedule: StampSchedule;
  serviceSchedule: ServiceSchedule;
  perServiceKrw: number;
  scenarios: [Scenario, Scenario];
  /** What appointing the 선정당사자 saves in 송달료 (the stamp duty is the same either way). */
  savingKrw: number;
};

/**
 * The worksheet: one stamp duty (the value is the same however many sue), and the 송달료 set
 * against each other for "every claimant a party" and "N 선정당사자" — the difference is the
 * reason joint suits appoint them.
 */
export function buildCostWorksheet(input: WorksheetInput): CostWorksheet {
  const stampSchedule = scheduleOn(STAMP_SCHEDULES, input.day);
  const serviceSchedule = scheduleOn(SERVICE_SCHEDULES, input.day);
  const perServiceKrw = input.perServiceKrw ?? serviceSchedule.perServiceKrw;
  const court: ServiceCourt =
    input.instance === 'first' ? (input.court ?? firstInstanceCourtFor(input.claimValueKrw, input.day)) : input.instance;
  const stamp = computeStampDuty(input.claimValueKrw, {
    isElectronic: input.isElectronic,
    instance: input.instance,
    schedule: stampSchedule,
  });
  const scenario = (id: Scenario['id'], plaintiffs: number): Scenario => {
    const serviceFee = computeServiceFee(plaintiffs + input.defendantCount, court, { ...serviceSchedule, perServiceKrw });
    return { id, plaintiffs, serviceFee, totalKrw: stamp.payableKrw + serviceFee.totalKrw };
  };
  const every = scenario('every_claimant', input.claimantCount);
  const appointed = scenario('representatives', input.representativeCount);
  return {
    input,
    court,
    stamp,
    stampSchedule,
    serviceSchedule,
    perServiceKrw,
    scenarios: [every, appointed],
    savingKrw: every.totalKrw - appointed.totalKrw,
  };
}
