import { z } from 'zod';
import { damageCategoryEnum } from '@/db/schema';
import { computeDamage, MAX_DAMAGE_ITEMS, MAX_ITEM_AMOUNT_KRW } from './damage-calc';
import { parseKrw } from './schemas';

export * from './damage-calc';

/** Validation of the damages step; the arithmetic lives in damage-calc.ts, shared with the browser. */

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
  z.object({
    helper: z.literal('seats'),
    seats: z.coerce.number().int().min(1).max(2000),
    hourlyRateKrw: amountInput.pipe(z.number().max(100_000)),
    hours: decimal(24 * 62),
  }),
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
      context.addIssue({
        code: 'custom',
        path: ['amountKrw'],
        message: `validation.tooLarge|${JSON.stringify({ max: MAX_ITEM_AMOUNT_KRW })}`,
      });
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
