import { z } from 'zod';
import { parseCalendarDate, toKstDateInput } from '@/lib/forms/validators';
import type { DocumentFormat } from '@/lib/pdf/types';
import { parseWithFilingKeys } from './schemas';

/**
 * 사건번호 as the court assigns it: the year, the case-type code (가합, 가단, 가소, 나 …) and a
 * serial number, e.g. 2026가합12345. People type it with spaces or full-width digits; both go.
 */
const KR_CASE_NUMBER = /^(19|20)\d{2}[가-힣]{1,4}\d{1,7}$/;
/** A US district court docket number: office, year, case type, number and judges' initials (1:26-cv-01234-ABC). */
const US_CASE_NUMBER = /^\d{1,2}:\d{2}-[a-z]{2,3}-\d{1,6}(-[a-z0-9]{1,6})*$/i;

export function normalizeCaseNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

export function isCourtCaseNumber(value: string, format: DocumentFormat): boolean {
  return (format === 'us' ? US_CASE_NUMBER : KR_CASE_NUMBER).test(value);
}

/**
 * What a lawyer writes down once the court has the packet: the day is a Korean calendar date,
 * not after today; the check against the day the packet was built needs the filing and is made
 * where it is recorded (record-court-filing.ts).
 */
function courtFilingFields(format: DocumentFormat, today: Date) {
  const todayInput = toKstDateInput(today);
  return z.object({
    filedOn: z
      .string()
      .trim()
      .min(1)
      .refine((value) => parseCalendarDate(value) !== null, 'validation.date')
      .refine((value) => value <= todayInput, 'validation.dateInFuture'),
    court: z.string().trim().min(1).max(100),
    courtCaseNumber: z
      .string()
      .transform(normalizeCaseNumber)
      .pipe(
        z
          .string()
          .min(1)
          .max(40)
          .refine((value) => isCourtCaseNumber(value, format), `filings.validation.caseNumber${format === 'us' ? 'Us' : 'Kr'}`),
      ),
  });
}

/** The recording form: the fields, and the lawyer's confirmation that this version is what the court has. */
export function courtFilingSchema(format: DocumentFormat, today = new Date()) {
  return courtFilingFields(format, today).extend({ confirm: z.literal('on', { message: 'validation.mustConfirm' }) });
}

export type CourtFilingInput = z.infer<ReturnType<typeof courtFilingSchema>>;

export function parseCourtFiling(values: Record<string, unknown>, format: DocumentFormat, today = new Date()): CourtFilingInput {
  return parseWithFilingKeys(courtFilingSchema(format, today), values);
}

/**
 * Correcting a recorded filing: the same fields under the same rules, and why. The record keeps
 * no history of its own, so the reason is what the audit log shows a later reader.
 */
export function courtFilingCorrectionSchema(format: DocumentFormat, today = new Date()) {
  return courtFilingFields(format, today).extend({ reason: z.string().trim().min(1).max(500) });
}

export type CourtFilingCorrectionInput = z.infer<ReturnType<typeof courtFilingCorrectionSchema>>;

export function parseCourtFilingCorrection(
  values: Record<string, unknown>,
  format: DocumentFormat,
  today = new Date(),
): CourtFilingCorrectionInput {
  return parseWithFilingKeys(courtFilingCorrectionSchema(format, today), values);
}
