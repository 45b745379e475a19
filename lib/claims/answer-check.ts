import { findRegion, isRegionCode } from '@/lib/regions';
import { compareWallClock, isCalendarDate, isWallClockDateTime, resolveDateBound } from './dates';
import { OTHER_OPTION, type ClaimDefinition, type DateBound, type Localized, type Question } from './definition-schema';
import { formatDateTime, formatMoney, formatNumber, parseMoney, parseNumber } from './format';
import { claimIssue } from './messages';
import { findQuestion } from './visibility';
import type { AnswerValue, ClaimAnswers, ClaimIssue } from './types';

/**
 * One answer against its question: parses what a person typed (strings from a form) or what was
 * stored (typed values), and checks type, bounds and options. Money typed as a string is in the
 * currency's major unit (`1,234.50`); money given as a number is already minor units.
 */

export type AnswerContext = { definition: ClaimDefinition; answers: ClaimAnswers; now?: Date };
export type CheckedAnswer = { value?: AnswerValue; other?: string; issue?: ClaimIssue; otherIssue?: ClaimIssue };

const MAX_OTHER_LENGTH = 200;

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
}

function firstString(raw: unknown): string | null {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && typeof raw[0] === 'string') return raw[0];
  return null;
}

function length(value: string): number {
  return [...value].length;
}

function boundReason(bound: DateBound, context: AnswerContext): Localized {
  switch (bound.kind) {
    case 'event':
      return context.definition.timeline.find((event) => event.id === bound.event)?.label ?? { ko: bound.event, en: bound.event };
    case 'answer':
      return findQuestion(context.definition, bound.question)?.label ?? { ko: bound.question, en: bound.question };
    case 'today':
      return { ko: '오늘', en: 'today' };
    case 'date':
      return { ko: '정해진 날짜', en: 'the set date' };
  }
}

function localizedWallClock(value: string): Localized {
  return { ko: formatDateTime(value, 'ko'), en: formatDateTime(value, 'en') };
}

function checkWallClock(
  question: Extract<Question, { type: 'date' | 'datetime' }>,
  value: string,
  context: AnswerContext,
): ClaimIssue | undefined {
  const bounds: [DateBound | undefined, 1 | -1][] = [
    [question.notBefore, -1],
    [question.notAfter, 1],
  ];
  for (const [bound, wrongSign] of bounds) {
    if (!bound) continue;
    const limit = resolveDateBound(bound, context);
    if (!limit) continue;
    if (Math.sign(compareWallClock(value, limit)) === wrongSign) {
      const shown = question.type === 'date' ? limit.slice(0, 10) : limit;
      return claimIssue(question.id, wrongSign === -1 ? 'date_too_early' : 'date_too_late', {
        date: localizedWallClock(shown),
        reason: boundReason(bound, context),
      });
    }
  }
  return undefined;
}

function checkRange(question: Question & { min?: number; max?: number }, value: number, currency: string | null): ClaimIssue | undefined {
  const shown = (amount: number): Localized =>
    currency
      ? { ko: formatMoney(amount, currency, 'ko'), en: formatMoney(amount, currency, 'en') }
      : { ko: formatNumber(amount), en: formatNumber(amount) };
  if (question.min !== undefined && value < question.min) return claimIssue(question.id, 'too_small', { min: shown(question.min) });
  if (question.max !== undefined && value > question.max) return claimIssue(question.id, 'too_large', { max: shown(question.max) });
  return undefined;
}

function checkOther(question: Question, rawOther: unknown): { other?: string; otherIssue?: ClaimIssue } {
  const path = `${question.id}.other`;
  const other = (firstString(rawOther) ?? '').trim();
  if (!other) return { otherIssue: claimIssue(path, 'other_required') };
  if (length(other) > MAX_OTHER_LENGTH) return { other, otherIssue: claimIssue(path, 'too_long', { max: MAX_OTHER_LENGTH }) };
  return { other };
}

/** Parses and checks one answer. A blank answer is not an error here (required-ness is the caller's: it knows visibility). */
export function checkAnswer(question: Question, raw: unknown, rawOther: unknown, context: AnswerContext): CheckedAnswer {
  if (isBlank(raw)) return {};
  const id = question.id;
  switch (question.type) {
    case 'short_text':
    case 'long_text': {
      const text = firstString(raw);
      if (text === null) return { issue: claimIssue(id, 'required') };
      const value = question.type === 'short_text' ? text.trim().replace(/\s+/g, ' ') : text.trim().replace(/\r\n?/g, '\n');
      if (length(value) > question.maxLength) return { value, issue: claimIssue(id, 'too_long', { max: question.maxLength }) };
      if (question.minLength && length(value) < question.minLength)
        return { value, issue: claimIssue(id, 'too_short', { min: question.minLength }) };
      return { value };
    }
    case 'number': {
      const value = typeof raw === 'number' ? raw : parseNumber(firstString(raw) ?? '');
      if (value === null || !Number.isFinite(value)) return { issue: claimIssue(id, 'not_a_number') };
      if (question.integer && !Number.isInteger(value)) return { value, issue: claimIssue(id, 'not_integer') };
      return { value, issue: checkRange(question, value, null) };
    }
    case 'money': {
      const currency = context.definition.currency;
      const value =
        typeof raw === 'number' ? (Number.isSafeInteger(raw) && raw >= 0 ? raw : null) : parseMoney(firstString(raw) ?? '', currency);
      if (value === null)
        return {
          issue: claimIssue(id, 'invalid_money', {
            example: { ko: formatMoney(3500000, currency, 'ko'), en: formatMoney(3500000, currency, 'en') },
          }),
        };
      return { value, issue: checkRange(question, value, currency) };
    }
    case 'date':
    case 'datetime': {
      let text = (firstString(raw) ?? '').trim();
      if (question.type === 'datetime') text = text.replace(' ', 'T').replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}):00(?:\.0+)?$/, '$1');
      const isValid = question.type === 'date' ? isCalendarDate(text) : isWallClockDateTime(text);
      if (!isValid) return { issue: claimIssue(id, question.type === 'date' ? 'invalid_date' : 'invalid_datetime') };
      return { value: text, issue: checkWallClock(question, text, context) };
    }
    case 'single_choice': {
      const choice = firstString(raw);
      const isOption = choice !== null && question.options.some((option) => option.id === choice);
      const isOther = choice === OTHER_OPTION && question.allowOther;
      if (!isOption && !isOther) return { issue: claimIssue(id, 'invalid_option') };
      return isOther ? { value: choice!, ...checkOther(question, rawOther) } : { value: choice! };
    }
    case 'multiple_choice': {
      const chosen = (Array.isArray(raw) ? raw : [raw]).filter((item): item is string => typeof item === 'string' && item !== '');
      const allowed = [...question.options.map((option) => option.id), ...(question.allowOther ? [OTHER_OPTION] : [])];
      if (chosen.some((item) => !allowed.includes(item))) return { issue: claimIssue(id, 'invalid_option') };
      // Definition order, each once: the same choices always store (and hash) the same way.
      const value = allowed.filter((item) => chosen.includes(item));
      const other = value.includes(OTHER_OPTION) ? checkOther(question, rawOther) : {};
      if (question.minSelected !== undefined && value.length < question.minSelected)
        return { value, ...other, issue: claimIssue(id, 'too_few_selected', { min: question.minSelected }) };
      if (question.maxSelected !== undefined && value.length > question.maxSelected)
        return { value, ...other, issue: claimIssue(id, 'too_many_selected', { max: question.maxSelected }) };
      return { value, ...other };
    }
    case 'yes_no_unsure': {
      const value = firstString(raw);
      if (value !== 'yes' && value !== 'no' && value !== 'unsure') return { issue: claimIssue(id, 'invalid_option') };
      return { value };
    }
    case 'region': {
      const text = firstString(raw) ?? '';
      const jurisdiction = context.definition.jurisdiction;
      const code = isRegionCode(jurisdiction, text) ? text : findRegion(jurisdiction, text)?.code;
      return code ? { value: code } : { issue: claimIssue(id, 'invalid_region') };
    }
  }
}

/** The required-answer message fits the question: a choice is chosen, text is typed. */
export function requiredIssue(question: Question): ClaimIssue {
  const isChoice = ['single_choice', 'yes_no_unsure', 'region'].includes(question.type);
  return claimIssue(
    question.id,
    isChoice ? 'choose' : question.type === 'multiple_choice' ? 'too_few_selected' : 'required',
    question.type === 'multiple_choice' ? { min: Math.max(1, question.minSelected ?? 1) } : undefined,
  );
}
