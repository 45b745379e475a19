import { z } from 'zod';
import { claimantTypeEnum, type ClaimantType } from '@/db/schema';
import { ISPS, LINE_TYPES, REGIONS } from '@/lib/cases/reference-data';
import { needsBusiness, mayHaveBusiness, OUTAGE_IMPACTS } from './steps';
import { isPlausiblePhone, isValidBrn, normalizeBrn, parseCalendarDate, parseKstDateTime, toKstDateInput } from './validators';

/** Zod schemas for the wizard's steps; each takes the raw strings of a form. */

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/** Amounts as people type them: "35,000", "35000원", "₩35 000". */
export function parseKrw(value: string): number | null {
  const digits = value.normalize('NFKC').replace(/[,\s원₩]/g, '');
  if (!/^\d{1,15}$/.test(digits)) return null;
  return Number(digits);
}

export const krwAmount = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .transform((value, context) => {
      const amount = parseKrw(value);
      if (amount === null) {
        context.addIssue({ code: 'custom', message: 'validation.amount' });
        return z.NEVER;
      }
      if (amount > max) {
        context.addIssue({ code: 'custom', message: `validation.tooLarge|${JSON.stringify({ max })}` });
        return z.NEVER;
      }
      return amount;
    });

export const typeStepSchema = z.object({ type: z.enum(claimantTypeEnum.enumValues) });

export type IdentityContext = { type: ClaimantType | null; incidentAt: Date | null; today?: Date };

export function identityStepSchema(context: IdentityContext) {
  const latestBirth = context.incidentAt ?? context.today ?? new Date();
  return (
    z
      .object({
        legalName: required(100),
        dateOfBirth: required(10),
        phone: required(30),
        address: required(200),
        locality: required(50),
        region: z.enum(REGIONS),
        businessName: text(120).optional().default(''),
        businessRegistrationNumber: text(20).optional().default(''),
        pcBangSeats: text(10).optional().default(''),
      })
      // `when: () => true`: the cross-field checks run even when a plain field failed, so every
      // error shows at once; they read the raw strings defensively for that reason.
      .superRefine(
        (raw, issue) => {
          const value = raw as Record<string, string | undefined>;
          const text = (field: string) => String(value[field] ?? '');
          const birth = parseCalendarDate(text('dateOfBirth'));
          if (!birth) issue.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'validation.date' });
          else if (birth < new Date('1900-01-01T00:00:00+09:00') || birth >= latestBirth) {
            issue.addIssue({
              code: 'custom',
              path: ['dateOfBirth'],
              message: `validation.dobRange|${JSON.stringify({ date: toKstDateInput(latestBirth) })}`,
            });
          }
          if (!isPlausiblePhone(text('phone'))) issue.addIssue({ code: 'custom', path: ['phone'], message: 'validation.phone' });
          const isBusinessRequired = needsBusiness(context.type);
          if (isBusinessRequired && !text('businessName'))
            issue.addIssue({ code: 'custom', path: ['businessName'], message: 'validation.required' });
          const brn = normalizeBrn(text('businessRegistrationNumber'));
          if (isBusinessRequired && !brn)
            issue.addIssue({ code: 'custom', path: ['businessRegistrationNumber'], message: 'validation.required' });
          else if (brn && mayHaveBusiness(context.type) && !/^\d{10}$/.test(brn))
            issue.addIssue({ code: 'custom', path: ['businessRegistrationNumber'], message: 'validation.brnFormat' });
          else if (brn && mayHaveBusiness(context.type) && !isValidBrn(brn))
            issue.addIssue({ code: 'custom', path: ['businessRegistrationNumber'], message: 'validation.brnChecksum' });
          if (context.type === 'pc_bang') {
            const seats = Number(text('pcBangSeats').replace(/[,\s]/g, ''));
            if (!text('pcBangSeats')) issue.addIssue({ code: 'custom', path: ['pcBangSeats'], message: 'validation.required' });
            else if (!Number.isInteger(seats) || seats < 1 || seats > 2000)
              issue.addIssue({
                code: 'custom',
                path: ['pcBangSeats'],
                message: `validation.between|${JSON.stringify({ min: 1, max: 2000 })}`,
              });
          }
        },
        { when: () => true },
      )
      .transform((value) => {
        const hasBusiness = mayHaveBusiness(context.type);
        return {
          legalName: value.legalName,
          dateOfBirth: value.dateOfBirth,
          phone: value.phone,
          address: value.address,
          locality: value.locality,
          region: value.region,
          businessName: hasBusiness && value.businessName ? value.businessName : null,
          businessRegistrationNumber:
            hasBusiness && value.businessRegistrationNumber ? normalizeBrn(value.businessRegistrationNumber) : null,
          pcBangSeats: context.type === 'pc_bang' ? Number(value.pcBangSeats.replace(/[,\s]/g, '')) : null,
        };
      })
  );
}
export type IdentityStepInput = z.infer<ReturnType<typeof identityStepSchema>>;

export const connectionStepSchema = z
  .object({
    isp: z.enum(ISPS),
    ispOther: text(100).optional().default(''),
    lineType: z.enum(LINE_TYPES),
    serviceAddress: text(200).optional().default(''),
    sameAsHome: z.string().optional(),
    monthlyFeeKrw: krwAmount(10_000_000),
  })
  .superRefine(
    (raw, issue) => {
      const value = raw as Record<string, unknown>;
      if (value.isp === 'other' && !value.ispOther) issue.addIssue({ code: 'custom', path: ['ispOther'], message: 'validation.required' });
      if (value.sameAsHome !== 'on' && !value.serviceAddress)
        issue.addIssue({ code: 'custom', path: ['serviceAddress'], message: 'validation.required' });
    },
    { when: () => true },
  )
  .transform((value) => ({
    isp: value.isp,
    ispOther: value.isp === 'other' ? value.ispOther : null,
    lineType: value.lineType,
    serviceAddress: value.sameAsHome === 'on' ? null : value.serviceAddress,
    isSameAsHome: value.sameAsHome === 'on',
    monthlyFeeKrw: value.monthlyFeeKrw,
  }));
export type ConnectionStepInput = z.infer<typeof connectionStepSchema>;

/** The outage must sit around the incident: from a day before it to a month after. */
export function outageStepSchema(incidentAt: Date | null) {
  const anchor = incidentAt ?? new Date('2003-01-25T14:30:00+09:00');
  const earliest = new Date(anchor.getTime() - 24 * 3600_000);
  const latest = new Date(anchor.getTime() + 31 * 24 * 3600_000);
  return z
    .object({
      outageStartedAt: required(16),
      outageEndedAt: required(16),
      impacts: z.array(z.enum(OUTAGE_IMPACTS)).min(1),
      outageNote: text(1000).optional().default(''),
    })
    .superRefine(
      (raw, issue) => {
        const value = raw as Record<string, unknown>;
        const started = parseKstDateTime(String(value.outageStartedAt ?? ''));
        const ended = parseKstDateTime(String(value.outageEndedAt ?? ''));
        if (!started) issue.addIssue({ code: 'custom', path: ['outageStartedAt'], message: 'validation.dateTime' });
        else if (started < earliest || started > latest)
          issue.addIssue({ code: 'custom', path: ['outageStartedAt'], message: 'validation.outageRange' });
        if (!ended) issue.addIssue({ code: 'custom', path: ['outageEndedAt'], message: 'validation.dateTime' });
        else if (started && ended < started) issue.addIssue({ code: 'custom', path: ['outageEndedAt'], message: 'validation.outageOrder' });
        else if (ended > latest) issue.addIssue({ code: 'custom', path: ['outageEndedAt'], message: 'validation.outageRange' });
      },
      { when: () => true },
    )
    .transform((value) => ({
      outageStartedAt: parseKstDateTime(value.outageStartedAt)!,
      outageEndedAt: parseKstDateTime(value.outageEndedAt)!,
      outageImpacts: [...new Set(value.impacts)],
      outageNote: value.outageNote || null,
    }));
}
export type OutageStepInput = z.infer<ReturnType<typeof outageStepSchema>>;
