import { z } from 'zod';
import { caseRoleEnum, caseStatusEnum, consentKindEnum, defendantKindEnum, jurisdictionEnum } from '@/db/schema';
import { emailSchema } from '@/lib/users/schemas';

const shortText = (max: number) => z.string().trim().min(1).max(max);
const longText = (max: number) => z.string().trim().max(max).default('');

/** `datetime-local` inputs give "2025-06-24T14:30" with no zone; cases are read in Korean time. */
export const koreanLocalDateTime = z
  .string()
  .trim()
  .transform((value, context) => {
    if (!value) return null;
    const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+09:00` : value;
    const date = new Date(withZone);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: 'custom', message: 'validation.format' });
      return z.NEVER;
    }
    return date;
  });

export const caseDetailsSchema = z.object({
  titleKo: shortText(200),
  titleEn: shortText(200),
  summaryKo: longText(4000),
  summaryEn: longText(4000),
  courtKo: longText(200),
  courtEn: longText(200),
  jurisdiction: z.enum(jurisdictionEnum.enumValues),
  status: z.enum(caseStatusEnum.enumValues),
  supporterGoal: z.coerce.number().int().min(0).max(100_000_000),
  plaintiffGoal: z.coerce.number().int().min(0).max(100_000_000),
  incidentStartedAt: koreanLocalDateTime,
  counselNameKo: longText(200),
  counselNameEn: longText(200),
  counselAddressKo: longText(400),
  counselAddressEn: longText(400),
});
export type CaseDetailsInput = z.infer<typeof caseDetailsSchema>;

export const newCaseSchema = caseDetailsSchema.extend({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'validation.slug'),
  referencePrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,6}$/, 'validation.referencePrefix'),
});
export type NewCaseInput = z.infer<typeof newCaseSchema>;

export const complaintTemplateSchema = z.object({
  complaintCausesKo: longText(40_000),
  complaintCausesEn: longText(40_000),
});

export const defendantSchema = z.object({
  kind: z.enum(defendantKindEnum.enumValues),
  nameKo: shortText(200),
  nameEn: shortText(200),
  representativeKo: longText(200),
  representativeEn: longText(200),
  representativeNameKo: longText(100),
  representativeNameEn: longText(100),
  addressKo: longText(400),
  addressEn: longText(400),
});
export type DefendantInput = z.infer<typeof defendantSchema>;

export const defendantRepresentativeSchema = z.object({
  representativeKo: longText(200),
  representativeEn: longText(200),
  representativeNameKo: longText(100),
  representativeNameEn: longText(100),
});

export const membershipSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(100).default(''),
  role: z.enum(caseRoleEnum.enumValues),
});

export const consentVersionSchema = z.object({
  kind: z.enum(consentKindEnum.enumValues),
  titleKo: shortText(200),
  bodyKo: shortText(20_000),
  titleEn: shortText(200),
  bodyEn: shortText(20_000),
});
