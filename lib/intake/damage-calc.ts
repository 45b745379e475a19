import type { ClaimantType, DamageCategory } from '@/db/schema';

/**
 * Damage items and the helpers that work an amount out: a subscriber's fee for the hours without
 * service (pro rata of a 30-day month), a PC-bang's seats × hourly rate × hours, a shop's average
 * daily sales × days. The helper's inputs are stored with the item so the amount can be explained
 * and re-derived; the server recomputes it rather than trusting the browser's arithmetic.
 */
export const HOURS_PER_BILLING_MONTH = 30 * 24;
export const MAX_DAMAGE_ITEMS = 30;
export const MAX_ITEM_AMOUNT_KRW = 100_000_000_000;

/** Damage categories in the order offered (the enum's values, without the schema in the browser). */
export const DAMAGE_CATEGORIES = [
  'service_fee',
  'lost_revenue',
  'lost_sales',
  'recovery_cost',
  'data_loss',
  'other',
] as const satisfies readonly DamageCategory[];

export const DAMAGE_HELPERS = ['pro_rata', 'seats', 'daily_sales'] as const;
export type DamageHelper = (typeof DAMAGE_HELPERS)[number];

export type DamageCalculation =
  | { helper: 'pro_rata'; monthlyFeeKrw: number; hours: number }
  | { helper: 'seats'; seats: number; hourlyRateKrw: number; hours: number }
  | { helper: 'daily_sales'; dailySalesKrw: number; days: number };

export function computeDamage(calculation: DamageCalculation): number {
  switch (calculation.helper) {
    case 'pro_rata':
      return Math.round((calculation.monthlyFeeKrw * calculation.hours) / HOURS_PER_BILLING_MONTH);
    case 'seats':
      return Math.round(calculation.seats * calculation.hourlyRateKrw * calculation.hours);
    case 'daily_sales':
      return Math.round(calculation.dailySalesKrw * calculation.days);
  }
}

/** The helper offered first for each kind of claimant, and the category it fills. */
export const HELPER_FOR_TYPE: Record<ClaimantType, DamageHelper> = {
  home_subscriber: 'pro_rata',
  pc_bang: 'seats',
  online_shop: 'daily_sales',
  server_operator: 'pro_rata',
  other: 'pro_rata',
};

export const CATEGORY_FOR_HELPER: Record<DamageHelper, DamageCategory> = {
  pro_rata: 'service_fee',
  seats: 'lost_revenue',
  daily_sales: 'lost_sales',
};

/** Outage hours rounded to a tenth, the default for every helper. */
export function outageHours(startedAt: Date | null, endedAt: Date | null): number {
  if (!startedAt || !endedAt) return 0;
  return Math.round(((endedAt.getTime() - startedAt.getTime()) / 3600_000) * 10) / 10;
}

/** The helper that explains an amount of this category, if any. */
export function helperForCategory(category: DamageCategory): DamageHelper | null {
  const entry = Object.entries(CATEGORY_FOR_HELPER).find(([, value]) => value === category);
  return entry ? (entry[0] as DamageHelper) : null;
}
