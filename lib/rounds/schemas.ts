import { z } from 'zod';
import { isCalendarDay } from '@/lib/deficiencies/calendar';
import type { ReasonChoice } from '@/lib/deficiencies/reasons';
import { AppError } from '@/lib/errors';

const day = z.string().trim().min(1, 'validation.required').refine(isCalendarDay, { message: 'validation.invalid' });

/** The "open a round" form: an optional name (1차 by default) and the cut-off day. */
export const openRoundSchema = z.object({
  name: z.string().trim().max(40).default(''),
  cutoffOn: day,
});

/** The deficiency notice form on a claimant file. */
export const deficiencySchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  claimantId: z.uuid(),
  version: z.coerce.number().int().min(1),
  reasonCode: z.string().trim().min(1, 'validation.choose').max(40),
  message: z.string().trim().min(1, 'validation.required').max(4_000),
  cureBy: day,
});

const CODE = /^[a-z0-9_]{1,40}$/;

export const reasonsSchema = z.object({ reasons: z.string().max(8_000) });

/**
 * The reasons editor's text: one reason per line as "code | 한국어 | English". A line that does
 * not read so is refused with its number (the form keeps the text as typed).
 */
export function parseReasonLines(text: string): ReasonChoice[] {
  const refuse = (key: string) => new AppError('invalid_input', { fieldErrors: { reasons: key } });
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) throw refuse('rounds.reasons.empty');
  const parsed: ReasonChoice[] = [];
  for (const [index, line] of lines.entries()) {
    const [code, labelKo, labelEn, ...rest] = line.split('|').map((part) => part.trim());
    if (rest.length || !code || !CODE.test(code) || !labelKo || !labelEn || labelKo.length > 80 || labelEn.length > 80)
      throw refuse(`rounds.reasons.badLine|${JSON.stringify({ line: index + 1 })}`);
    parsed.push({ code, labelKo, labelEn });
  }
  if (new Set(parsed.map((reason) => reason.code)).size !== parsed.length) throw refuse('rounds.reasons.duplicateCode');
  return parsed;
}

/** The list as the editor shows it. */
export function formatReasonLines(reasons: readonly ReasonChoice[]): string {
  return reasons.map((reason) => `${reason.code} | ${reason.labelKo} | ${reason.labelEn}`).join('\n');
}
