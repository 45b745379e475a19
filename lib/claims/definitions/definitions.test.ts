import { describe, expect, it } from 'vitest';
import { regionCodes } from '@/lib/regions';
import { applicableDamageCategories } from '../damages';
import { resolveDateBound } from '../dates';
import type { ClaimDefinition, Question } from '../definition-schema';
import { evidenceKindsFor, missingItems } from '../missing';
import { renderStatement } from '../statement';
import { validateStepAnswers } from '../step-answers';
import type { ClaimAnswers } from '../types';
import { validateClaimDefinition } from '../validate-definition';
import { computeVisibility } from '../visibility';
import { blankClaimDefinition, CLAIM_TEMPLATES, COUPANG_2025, DEMO_DEFINITIONS, SLAMMER_2003 } from './index';

const NOW = new Date('2026-03-02T03:00:00Z');
const ALL: [string, ClaimDefinition][] = [
  ['slammer-2003', SLAMMER_2003],
  ['coupang-2025', COUPANG_2025],
  ...CLAIM_TEMPLATES.map((template): [string, ClaimDefinition] => [template.id, template.definition]),
  ['blank (KR)', blankClaimDefinition({ key: 'new-case', title: { ko: '새 사건', en: 'New case' }, jurisdiction: 'KR' })],
  ['blank (US)', blankClaimDefinition({ key: 'new-us-case', title: { ko: '미국 사건', en: 'U.S. case' }, jurisdiction: 'US' })],
];

/** A plausible answer a claimant could give: within bounds, "yes" to open every branch. */
function answerFor(definition: ClaimDefinition, question: Question, answers: ClaimAnswers): unknown {
  const context = { definition, answers, now: NOW };
  switch (question.type) {
    case 'short_text':
      return 'text';
    case 'long_text':
      return 'Some words.';
    case 'number':
      return question.min ?? 1;
    case 'money':
      return question.min ?? 5000;
    case 'date':
    case 'datetime': {
      const notBefore = question.notBefore ? resolveDateBound(question.notBefore, context) : null;
      const notAfter = question.notAfter ? resolveDateBound(question.notAfter, context) : null;
      const day = (notBefore ?? notAfter ?? '2025-12-01').slice(0, 10);
      const time = notBefore?.includes('T') ? notBefore.slice(11) : '12:00';
      return question.type === 'date' ? day : `${day}T${time}`;
    }
    case 'single_choice':
      return question.options[0].id;
    case 'multiple_choice':
      return question.options.slice(0, Math.max(1, question.minSelected ?? 1)).map((option) => option.id);
    case 'yes_no_unsure':
      return 'yes';
    case 'region':
      return regionCodes(definition.jurisdiction)[0];
  }
}

describe.each(ALL)('%s', (_, definition) => {
  it('validates', () => {
    const result = validateClaimDefinition(definition);
    expect(result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message.en}`)).toEqual([]);
  });

  it.each(definition.categories.map((category) => category.id))('can be completed by a claimant of category %s', (category) => {
    let answers: ClaimAnswers = {};
    for (const step of definition.steps) {
      const raw: Record<string, unknown> = {};
      // Questions open as earlier ones are answered: fill until nothing new shows.
      for (let pass = 0; pass < 10; pass++) {
        const visible = computeVisibility(definition, { category, answers: { ...answers, ...(raw as ClaimAnswers) } }).questions;
        const next = step.questions.filter((question) => visible.has(question.id) && raw[question.id] === undefined);
        if (next.length === 0) break;
        for (const question of next) raw[question.id] = answerFor(definition, question, { ...answers, ...(raw as ClaimAnswers) });
      }
      const result = validateStepAnswers(definition, step.id, raw, { category, answers, now: NOW });
      expect(result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message.en}`), step.id).toEqual([]);
      if (result.ok) answers = result.answers;
    }
    const evidenceCounts = Object.fromEntries(
      evidenceKindsFor(definition, { category, answers }).map((item) => [item.kind.id, Math.max(item.min, 1)]),
    );
    const itemised = applicableDamageCategories(definition, { category, answers }).find((item) => item.mode === 'itemised');
    const damageItems = itemised ? [{ category: itemised.id, amount: 10_000 }] : [];
    expect(missingItems(definition, { category, answers, evidenceCounts, damageItems, now: NOW })).toEqual([]);

    for (const locale of ['ko', 'en'] as const) {
      const text = renderStatement(definition, { category, answers, signerName: 'Signer', damageItems }, locale);
      expect(text).not.toContain('{{');
      expect(text).not.toContain(locale === 'ko' ? '(답변 없음)' : '(not answered)');
    }
  });
});

describe('demo definitions', () => {
  it('are keyed by their case slugs', () => {
    expect(Object.keys(DEMO_DEFINITIONS)).toEqual(['slammer-2003', 'coupang-2025']);
    for (const [slug, definition] of Object.entries(DEMO_DEFINITIONS)) expect(definition.key).toBe(slug);
  });

  it('bind every Coupang harm date to the start of the breach', () => {
    const harmDate = COUPANG_2025.steps.flatMap((step) => step.questions).find((question) => question.id === 'first_harm_date');
    expect(harmDate).toMatchObject({ type: 'date', notBefore: { kind: 'event', event: 'breach_start' } });
    expect(COUPANG_2025.timeline.find((event) => event.id === 'breach_start')?.at).toBe('2025-06-24');
  });

  it('give the Coupang claimant a fixed 위자료 set by counsel and optional itemised losses', () => {
    expect(COUPANG_2025.damages.categories.map((category) => [category.id, category.mode, category.fixedAmount])).toEqual([
      ['consolation', 'fixed', 100_000],
      ['actual_loss', 'itemised', undefined],
    ]);
  });
});
