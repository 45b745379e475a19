import { z } from 'zod';
import type { ClaimCategory, ClaimDefinition } from '@/lib/claims';
import { isRegionCode, type RegionJurisdiction } from '@/lib/regions';
import { isPlausiblePhone, isValidBrn, normalizeBrn, parseCalendarDate, toKstDateInput } from '@/lib/forms/validators';

/** Zod schemas for the wizard's own steps (category, identity); the definition's steps are checked by the engine. */

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/** Age of majority in Korean law (민법 제4조): a person under 19 joins through a legal guardian. */
export const MAJORITY_AGE = 19;

export const GUARDIAN_RELATIONS = ['parents', 'father', 'mother', 'guardian'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];

export function typeStepSchema(definition: ClaimDefinition) {
  const ids = definition.categories.map((category) => category.id) as [string, ...string[]];
  return z.object({ type: z.enum(ids, { message: 'validation.choose' }), isMinor: z.string().optional() }).transform((value) => {
    const category = definition.categories.find((item) => item.id === value.type)!;
    return { category: category.id, isMinor: category.allowsMinorWithGuardian && value.isMinor === 'on' };
  });
}

export type IdentityContext = {
  category: ClaimCategory | null;
  isMinor: boolean;
  jurisdiction: RegionJurisdiction;
  /** A case that files in English asks for the name in Latin letters, as in the passport. */
  asksLatinName: boolean;
  today?: Date;
};

function ageOn(birth: Date, today: Date): number {
  const [by, bm, bd] = toKstDateInput(birth).split('-').map(Number);
  const [ty, tm, td] = toKstDateInput(today).split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function identityStepSchema(context: IdentityContext) {
  const today = context.today ?? new Date();
  const isBusiness = Boolean(context.category?.isBusiness);
  const mayHaveBusiness = isBusiness || Boolean(context.category?.businessOptional);
  return (
    z
      .object({
        legalName: required(100),
        latinName: text(100).optional().default(''),
        dateOfBirth: required(10),
        phone: required(30),
        address: required(200),
        locality: required(50),
        region: z.string().trim().max(40),
        businessName: text(120).optional().default(''),
        businessRegistrationNumber: text(20).optional().default(''),
        guardianRelation: text(20).optional().default(''),
        guardianName: text(100).optional().default(''),
        secondGuardianName: text(100).optional().default(''),
      })
      // `when: () => true`: the cross-field checks run even when a plain field failed, so every
      // error shows at once; they read the raw strings defensively for that reason.
      .superRefine(
        (raw, issue) => {
          const value = raw as Record<string, string | undefined>;
          const field = (name: string) => String(value[name] ?? '').trim();
          const add = (path: string, message: string) => issue.addIssue({ code: 'custom', path: [path], message });
          if (!isRegionCode(context.jurisdiction, field('region'))) add('region', 'validation.choose');
          if (context.asksLatinName && !field('latinName')) add('latinName', 'validation.required');
          else if (field('latinName') && !/^[A-Za-z][A-Za-z .,'-]*$/.test(field('latinName'))) add('latinName', 'validation.latinName');
          const birth = parseCalendarDate(field('dateOfBirth'));
          if (!birth) add('dateOfBirth', 'validation.date');
          else if (birth < new Date('1900-01-01T00:00:00+09:00') || birth > today)
            add('dateOfBirth', `validation.dobRange|${JSON.stringify({ date: toKstDateInput(today) })}`);
          else if (context.isMinor && ageOn(birth, today) >= MAJORITY_AGE)
            add('dateOfBirth', `validation.notMinor|${JSON.stringify({ age: MAJORITY_AGE })}`);
          if (context.jurisdiction === 'KR' ? !isPlausiblePhone(field('phone')) : !/^\+?[\d\s().-]{7,20}$/.test(field('phone')))
            add('phone', 'validation.phone');
          if (isBusiness && !field('businessName')) add('businessName', 'validation.required');
          const brn = normalizeBrn(field('businessRegistrationNumber'));
          if (isBusiness && !brn) add('businessRegistrationNumber', 'validation.required');
          else if (brn && mayHaveBusiness && !/^\d{10}$/.test(brn)) add('businessRegistrationNumber', 'validation.brnFormat');
          else if (brn && mayHaveBusiness && !isValidBrn(brn)) add('businessRegistrationNumber', 'validation.brnChecksum');
          if (context.isMinor) {
            const relation = field('guardianRelation');
            if (!(GUARDIAN_RELATIONS as readonly string[]).includes(relation)) add('guardianRelation', 'validation.choose');
            if (!field('guardianName')) add('guardianName', 'validation.required');
            if (relation === 'parents' && !field('secondGuardianName')) add('secondGuardianName', 'validation.required');
          }
        },
        { when: () => true },
      )
      .transform((value) => {
        const relation = context.isMinor ? (value.guardianRelation as GuardianRelation) : null;
        return {
          legalName: value.legalName,
          latinName: value.latinName || null,
          dateOfBirth: value.dateOfBirth,
          phone: value.phone,
          address: value.address,
          locality: value.locality,
          region: value.region,
          businessName: mayHaveBusiness && value.businessName ? value.businessName : null,
          businessRegistrationNumber:
            mayHaveBusiness && value.businessRegistrationNumber ? normalizeBrn(value.businessRegistrationNumber) : null,
          isMinor: context.isMinor,
          guardianRelation: relation,
          guardianNames: !relation ? [] : relation === 'parents' ? [value.guardianName, value.secondGuardianName] : [value.guardianName],
        };
      })
  );
}
export type IdentityStepInput = z.infer<ReturnType<typeof identityStepSchema>>;
