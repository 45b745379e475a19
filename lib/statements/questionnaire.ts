import { z } from 'zod';
import { parseCalendarDate } from '@/lib/intake/validators';

/**
 * The patch-status questionnaire, set against the case timeline: the Microsoft bulletins that
 * closed the hole Slammer used, and when each was published (a patch cannot have been applied,
 * nor a warning given, before that date).
 */
export const BULLETINS = [
  { id: 'ms02_039', name: 'MS02-039', publishedOn: '2002-07-24' },
  { id: 'ms02_056', name: 'MS02-056', publishedOn: '2002-10-02' },
  { id: 'ms02_061', name: 'MS02-061', publishedOn: '2002-10-16' },
] as const;
export type BulletinId = (typeof BULLETINS)[number]['id'];

export const FIRST_DISCLOSURE = BULLETINS[0].publishedOn;

export const YES_NO_UNSURE = ['yes', 'no', 'unsure'] as const;
export const SQL_PRODUCTS = ['sql_server_2000', 'msde_2000', 'other'] as const;
export const PATCH_STATUSES = ['applied', 'not_applied', 'unsure'] as const;
export const ADMINISTRATORS = ['self', 'employee', 'contractor', 'hosting_provider', 'other'] as const;
export const WARNERS = ['microsoft', 'isp', 'government', 'reseller', 'other'] as const;
export const WARNING_CHANNELS = ['email', 'website', 'isp_notice', 'other'] as const;

export type PatchAnswer = { status: (typeof PATCH_STATUSES)[number]; appliedOn: string | null };

export type StatementAnswers = {
  ranSqlServer: (typeof YES_NO_UNSURE)[number];
  products: (typeof SQL_PRODUCTS)[number][];
  productOther: string;
  patches: Record<BulletinId, PatchAnswer> | null;
  administeredBy: (typeof ADMINISTRATORS)[number] | null;
  administeredByOther: string;
  warned: (typeof YES_NO_UNSURE)[number];
  warnedBy: (typeof WARNERS)[number][];
  warnedByOther: string;
  warnedOn: string | null;
  warnedHow: (typeof WARNING_CHANNELS)[number][];
  freeText: string;
};

const text = (max: number) => z.string().trim().max(max).optional().default('');
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.enum(values).optional());
const multi = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).optional().default([]);

const flatShape = {
  ranSqlServer: z.enum(YES_NO_UNSURE),
  products: multi(SQL_PRODUCTS),
  productOther: text(100),
  administeredBy: optionalChoice(ADMINISTRATORS),
  administeredByOther: text(100),
  warned: z.enum(YES_NO_UNSURE),
  warnedBy: multi(WARNERS),
  warnedByOther: text(100),
  warnedOn: text(10),
  warnedHow: multi(WARNING_CHANNELS),
  freeText: text(3000),
  ...Object.fromEntries(
    BULLETINS.flatMap((bulletin) => [
      [`${bulletin.id}_status`, optionalChoice(PATCH_STATUSES)],
      [`${bulletin.id}_appliedOn`, text(10)],
    ]),
  ),
} as Record<string, z.ZodType>;

type Flat = Record<string, unknown> & { ranSqlServer: StatementAnswers['ranSqlServer']; warned: StatementAnswers['warned'] };
type Issue = { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void };

function checkDate(
  value: string,
  notBefore: string,
  field: string,
  tooEarlyKey: string,
  today: Date,
  issue: Issue,
  params: Record<string, string> = {},
): void {
  const date = parseCalendarDate(value);
  if (!value) issue.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
  else if (!date) issue.addIssue({ code: 'custom', path: [field], message: 'validation.date' });
  else if (value < notBefore)
    issue.addIssue({ code: 'custom', path: [field], message: `${tooEarlyKey}|${JSON.stringify({ date: notBefore, ...params })}` });
  else if (date > today) issue.addIssue({ code: 'custom', path: [field], message: 'validation.dateInFuture' });
}

/** Validates the branching form: details are asked for (and kept) only where the answer leads there. */
export function statementAnswersSchema(today = new Date()) {
  return z
    .object(flatShape)
    .superRefine(
      (raw, issue) => {
        const value = raw as Flat;
        if (value.ranSqlServer === 'yes') {
          const products = (value.products as string[] | undefined) ?? [];
          if (products.length === 0) issue.addIssue({ code: 'custom', path: ['products'], message: 'validation.tooFew|{"min":1}' });
          if (products.includes('other') && !value.productOther)
            issue.addIssue({ code: 'custom', path: ['productOther'], message: 'validation.required' });
          for (const bulletin of BULLETINS) {
            const status = value[`${bulletin.id}_status`];
            if (!status) issue.addIssue({ code: 'custom', path: [`${bulletin.id}_status`], message: 'validation.choose' });
            if (status === 'applied')
              checkDate(
                String(value[`${bulletin.id}_appliedOn`] ?? ''),
                bulletin.publishedOn,
                `${bulletin.id}_appliedOn`,
                'validation.patchBeforeBulletin',
                today,
                issue,
                { bulletin: bulletin.name },
              );
          }
          if (!value.administeredBy) issue.addIssue({ code: 'custom', path: ['administeredBy'], message: 'validation.choose' });
          if (value.administeredBy === 'other' && !value.administeredByOther)
            issue.addIssue({ code: 'custom', path: ['administeredByOther'], message: 'validation.required' });
        }
        if (value.warned === 'yes') {
          const warnedBy = (value.warnedBy as string[] | undefined) ?? [];
          if (warnedBy.length === 0) issue.addIssue({ code: 'custom', path: ['warnedBy'], message: 'validation.tooFew|{"min":1}' });
          if (warnedBy.includes('other') && !value.warnedByOther)
            issue.addIssue({ code: 'custom', path: ['warnedByOther'], message: 'validation.required' });
          if (((value.warnedHow as string[] | undefined) ?? []).length === 0)
            issue.addIssue({ code: 'custom', path: ['warnedHow'], message: 'validation.tooFew|{"min":1}' });
          checkDate(String(value.warnedOn ?? ''), FIRST_DISCLOSURE, 'warnedOn', 'validation.warnedBeforeDisclosure', today, issue);
        }
      },
      { when: () => true },
    )
    .transform((raw): StatementAnswers => {
      const value = raw as Flat;
      const ran = value.ranSqlServer === 'yes';
      const warned = value.warned === 'yes';
      const products = ran ? (value.products as StatementAnswers['products']) : [];
      const warnedBy = warned ? (value.warnedBy as StatementAnswers['warnedBy']) : [];
      return {
        ranSqlServer: value.ranSqlServer,
        products,
        productOther: products.includes('other') ? String(value.productOther) : '',
        patches: ran
          ? (Object.fromEntries(
              BULLETINS.map((bulletin) => {
                const status = value[`${bulletin.id}_status`] as PatchAnswer['status'];
                return [bulletin.id, { status, appliedOn: status === 'applied' ? String(value[`${bulletin.id}_appliedOn`]) : null }];
              }),
            ) as Record<BulletinId, PatchAnswer>)
          : null,
        administeredBy: ran ? (value.administeredBy as StatementAnswers['administeredBy']) : null,
        administeredByOther: ran && value.administeredBy === 'other' ? String(value.administeredByOther) : '',
        warned: value.warned,
        warnedBy,
        warnedByOther: warnedBy.includes('other') ? String(value.warnedByOther) : '',
        warnedOn: warned ? String(value.warnedOn) : null,
        warnedHow: warned ? (value.warnedHow as StatementAnswers['warnedHow']) : [],
        freeText: String(value.freeText ?? ''),
      };
    });
}

export const MULTI_VALUE_FIELDS = ['products', 'warnedBy', 'warnedHow', 'impacts'] as const;

/** Form values with repeated checkboxes as arrays (FormData keeps every value of a name). */
export function readMultiValueForm(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION')) continue;
    if ((MULTI_VALUE_FIELDS as readonly string[]).includes(key)) values[key] = [...((values[key] as string[] | undefined) ?? []), value];
    else values[key] = value;
  }
  for (const key of MULTI_VALUE_FIELDS) if (!(key in values)) values[key] = [];
  return values;
}

/** The form's fields from saved answers, for showing a saved draft again. */
export function answersToFormValues(answers: StatementAnswers | null): Record<string, string> {
  if (!answers) return {};
  const values: Record<string, string> = {
    ranSqlServer: answers.ranSqlServer,
    products: answers.products.join(','),
    productOther: answers.productOther,
    administeredBy: answers.administeredBy ?? '',
    administeredByOther: answers.administeredByOther,
    warned: answers.warned,
    warnedBy: answers.warnedBy.join(','),
    warnedByOther: answers.warnedByOther,
    warnedOn: answers.warnedOn ?? '',
    warnedHow: answers.warnedHow.join(','),
    freeText: answers.freeText,
  };
  for (const bulletin of BULLETINS) {
    values[`${bulletin.id}_status`] = answers.patches?.[bulletin.id]?.status ?? '';
    values[`${bulletin.id}_appliedOn`] = answers.patches?.[bulletin.id]?.appliedOn ?? '';
  }
  return values;
}
