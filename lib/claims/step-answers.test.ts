import { describe, expect, it } from 'vitest';
import { COUPANG_2025 } from './definitions/coupang-2025';
import { answersToFormValues, validateStepAnswers } from './step-answers';
import { SMALL } from './test-support/small-definition';
import { visibleQuestions, visibleSteps } from './visibility';

const NOW = new Date('2026-01-10T03:00:00Z');
const ids = (questions: { id: string }[]) => questions.map((question) => question.id);

describe('visibleSteps and visibleQuestions', () => {
  it('shows a step only to the categories it is for', () => {
    expect(ids(visibleSteps(SMALL, { category: 'person', answers: {} }))).toEqual(['facts']);
    expect(ids(visibleSteps(SMALL, { category: 'shop', answers: {} }))).toEqual(['facts', 'business']);
  });

  it('shows a question when the earlier answer it depends on holds', () => {
    expect(ids(visibleQuestions(SMALL, { category: 'person', answers: { harmed: 'no' } }, 'facts'))).toEqual([
      'harmed',
      'channel',
      'items',
    ]);
    expect(ids(visibleQuestions(SMALL, { category: 'person', answers: { harmed: 'yes' } }, 'facts'))).toEqual([
      'harmed',
      'harm_date',
      'channel',
      'items',
    ]);
  });

  it('cascades: an answer to a hidden question opens nothing', () => {
    // entrance_code_changed depends on exposed_items; police_report on harm_kinds, which hides when harm_suffered is no.
    const answers = { harm_suffered: 'no', harm_kinds: ['smishing'], exposed_items: ['name'] };
    const shown = ids(visibleQuestions(COUPANG_2025, { category: 'member', answers }));
    expect(shown).not.toContain('harm_kinds');
    expect(shown).not.toContain('police_report');
    expect(shown).not.toContain('entrance_code_changed');
  });
});

describe('validateStepAnswers', () => {
  const context = { category: 'shop', answers: {}, now: NOW };

  it('parses a form as typed into stored answers', () => {
    const result = validateStepAnswers(
      SMALL,
      'business',
      { seats: ' 12 ', fee: '35,000원', where: '서울', opened_at: '2025-06-24T10:00', closed_at: '2025-06-25 09:30', note: 'a\r\nb' },
      context,
    );
    expect(result).toMatchObject({
      ok: true,
      stepAnswers: { seats: 12, fee: 35_000, where: 'seoul', opened_at: '2025-06-24T10:00', closed_at: '2025-06-25T09:30', note: 'a\nb' },
    });
  });

  it('gives a translated error at each wrong field and keeps everything typed', () => {
    const raw = {
      seats: '0',
      fee: '3만원쯤',
      where: 'Atlantis',
      opened_at: '2025-06-22T10:00',
      closed_at: '2025-06-21T09:00',
      note: 'x'.repeat(21),
    };
    const result = validateStepAnswers(SMALL, 'business', raw, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(Object.entries(result.fieldErrors).map(([field, issue]) => [field, issue.code]))).toEqual({
      seats: 'too_small',
      fee: 'invalid_money',
      where: 'invalid_region',
      opened_at: 'date_too_early',
      note: 'too_long',
    });
    expect(result.fieldErrors.opened_at.message.ko).toBe('2025년 6월 23일 이후여야 합니다(사고일).');
    expect(result.fieldErrors.opened_at.message.en).toBe('This must be on or after 23 June 2025 (the incident).');
    expect(result.fieldErrors.seats.message.en).toBe('This must be at least 1.');
    expect(result.values).toEqual(raw);
  });

  it('checks a date against another answer on the same step', () => {
    const result = validateStepAnswers(
      SMALL,
      'business',
      { seats: '3', opened_at: '2025-06-24T10:00', closed_at: '2025-06-24T09:00' },
      context,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors.closed_at.code).toBe('date_too_early');
      expect(result.fieldErrors.closed_at.message.en).toContain('24 June 2025 at 10:00 (Opened)');
    }
  });

  it('requires what is visible and ignores what is hidden (dropping its old answer)', () => {
    const missing = validateStepAnswers(SMALL, 'facts', { harmed: 'yes' }, context);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.fieldErrors.harm_date.code).toBe('required');

    const hidden = validateStepAnswers(
      SMALL,
      'facts',
      { harmed: 'no', harm_date: 'garbage' },
      { ...context, answers: { harm_date: '2025-07-01', seats: 3 } },
    );
    expect(hidden).toEqual({ ok: true, answers: { harmed: 'no', seats: 3 }, stepAnswers: { harmed: 'no' } });
  });

  it('bounds a date by a timeline event and by today', () => {
    const early = validateStepAnswers(
      COUPANG_2025,
      'harm',
      { harm_suffered: 'yes', harm_kinds: ['spam'], first_harm_date: '2025-06-23' },
      { category: 'member', answers: {}, now: NOW },
    );
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.fieldErrors.first_harm_date.message.ko).toContain('2025년 6월 24일 이후');
    const future = validateStepAnswers(
      COUPANG_2025,
      'harm',
      { harm_suffered: 'yes', harm_kinds: ['spam'], first_harm_date: '2026-01-11' },
      { category: 'member', answers: {}, now: NOW },
    );
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.fieldErrors.first_harm_date.code).toBe('date_too_late');
    const ok = validateStepAnswers(
      COUPANG_2025,
      'harm',
      { harm_suffered: 'yes', harm_kinds: ['spam'], first_harm_date: '2025-06-24' },
      { category: 'member', answers: {}, now: NOW },
    );
    expect(ok.ok).toBe(true);
  });

  it('takes "other" with its text, and refuses "other" without it', () => {
    const ok = validateStepAnswers(
      SMALL,
      'facts',
      { harmed: 'no', channel: 'other', 'channel.other': ' 카카오톡 ', items: ['c', 'a'] },
      context,
    );
    expect(ok).toMatchObject({ ok: true, stepAnswers: { channel: 'other', 'channel.other': '카카오톡', items: ['a', 'c'] } });
    const bad = validateStepAnswers(SMALL, 'facts', { harmed: 'no', channel: 'other', items: ['a', 'b', 'c'] }, context);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.fieldErrors['channel.other'].code).toBe('other_required');
      expect(bad.fieldErrors.items.code).toBe('too_many_selected');
    }
  });

  it('refuses an option that is not offered, and a number that is not a whole number', () => {
    const result = validateStepAnswers(SMALL, 'facts', { harmed: 'perhaps', channel: 'fax', items: 'z' }, context);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.values(result.fieldErrors).map((issue) => issue.code)).toEqual(['invalid_option', 'invalid_option', 'invalid_option']);
    const seats = validateStepAnswers(SMALL, 'business', { seats: '2.5' }, context);
    expect(!seats.ok && seats.fieldErrors.seats.code).toBe('not_integer');
  });

  it('answers an unknown step with an error, not an exception', () => {
    const result = validateStepAnswers(SMALL, 'nope', {}, context);
    expect(result.ok).toBe(false);
  });

  it('round-trips saved answers to form values (money in major units)', () => {
    const usd = { ...SMALL, currency: 'USD' };
    const saved = validateStepAnswers(usd, 'business', { seats: '2', fee: '$1,234.50' }, context);
    expect(saved).toMatchObject({ ok: true, stepAnswers: { fee: 123_450 } });
    if (!saved.ok) return;
    const form = answersToFormValues(usd, saved.answers);
    expect(form).toEqual({ seats: '2', fee: '1234.50' });
    expect(validateStepAnswers(usd, 'business', form, context)).toMatchObject({ ok: true, stepAnswers: { fee: 123_450 } });
  });
});
