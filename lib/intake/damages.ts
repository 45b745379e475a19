import { z } from 'zod';
import { damageCategoryEnum, type ClaimantType, type DamageCategory } from '@/db/schema';
import { parseKrw } from './schemas';

/**
 * Damage items and the helpers that work an amount out: a subscriber's fee for the hours without
 * service (pro rata of a 30-day month), a PC-bang's seats × hourly rate × hours, a shop's average
 * daily sales × days. The helper's inputs are stored with the item so the amount can be explained
 * and re-derived; the server recomputes it rather than trusting the browser's arithmetic.
 */
export const HOURS_PER_BILLING_MONTH = 30 * 24;
export const MAX_DAMAGE_ITEMS = 30;
export const MAX_ITEM_AMOUNT_KRW = 100_000_000_000;

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

export const CATEGORY_FOR_HELPER: Record<DamageHelper, DamageCategory> = { pro_rata: 'service_fee', seats: 'lost_revenue', daily_sales: 'lost_sales' };

/** Outage hours rounded to a tenth, the default for every helper. */
export function outageHours(startedAt: Date | null, endedAt: Date | null): number {
  if (!startedAt || !endedAt) return 0;
  return Math.round(((endedAt.getTime() - startedAt.getTime()) / 3600_000) * 10) / 10;
}

const amountInput = z.union([z.string(), z.number()]).transform((value, context) => {
  const amount = typeof value === 'number' ? (Number.isInteger(value) && value >= 0 ? value : null) : parseKrw(value);
  if (amount === null) {
    context.addIssue({ code: 'custom', message: 'validation.amount' });
    return z.NEVER;
  }
  return amount;
});

const decimal = (max: number) => z.coerce.number({ message: 'validation.wholeNumber' }).min(0).max(max);

const calculationSchema = z.discriminatedUnion('helper', [
  z.object({ helper: z.literal('pro_rata'), monthlyFeeKrw: amountInput.pipe(z.number().max(10_000_000)), hours: decimal(24 * 62) }),
  z.object({ helper: z.literal('seats'), seats: z.coerce.number().int().min(1).max(2000), hourlyRateKrw: amountInput.pipe(z.number().max(100_000)), hours: decimal(24 * 62) }),
  z.object({ helper: z.literal('daily_sales'), dailySalesKrw: amountInput.pipe(z.number().max(10_000_000_000)), days: decimal(62) }),
]);

const itemSchema = z
  .object({
    category: z.enum(damageCategoryEnum.enumValues),
    description: z.string().trim().max(300).default(''),
    amountKrw: amountInput.optional(),
    calculation: calculationSchema.nullish(),
  })
  .transform((item, context) => {
    const amountKrw = item.calculation ? computeDamage(item.calculation) : item.amountKrw;
    if (amountKrw === undefined) {
      context.addIssue({ code: 'custom', path: ['amountKrw'], message: 'validation.required' });
      return z.NEVER;
    }
    if (amountKrw > MAX_ITEM_AMOUNT_KRW) {
      context.addIssue({ code: 'custom', path: ['amountKrw'], message: `validation.tooLarge|${JSON.stringify({ max: MAX_ITEM_AMOUNT_KRW })}` });
      return z.NEVER;
    }
    return { category: item.category, description: item.description, amountKrw, calculation: item.calculation ?? null };
  });

export const damagesStepSchema = z.object({ items: z.array(itemSchema).max(MAX_DAMAGE_ITEMS) });
export type DamageItemInput = z.infer<typeof itemSchema>;

/** The form sends the item list as one JSON field; a broken one is a form error, not a crash. */
export function readDamageItems(raw: string | undefined): unknown[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
