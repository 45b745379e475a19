import { describe, expect, it } from 'vitest';
import { COUPANG_2025 } from './definitions/coupang-2025';
import { SLAMMER_2003 } from './definitions/slammer-2003';
import { evidenceKindsFor, missingItems } from './missing';
import { SMALL } from './test-support/small-definition';

const NOW = new Date('2026-01-10T03:00:00Z');
const keys = (items: ReturnType<typeof missingItems>) => items.map((item) => item.path);

describe('missingItems', () => {
  it('asks for the category first', () => {
    expect(missingItems(SMALL, { category: null, answers: {} }).map((item) => item.code)).toEqual(['missing_category']);
    expect(missingItems(SMALL, { category: 'ghost', answers: {} }).map((item) => item.code)).toEqual(['missing_category']);
  });

  it('lists required visible answers, evidence per category and damages', () => {
    const person = missingItems(SMALL, { category: 'person', answers: { harmed: 'yes' }, now: NOW });
    expect(keys(person)).toEqual(['harm_date', 'evidence.harm_proof']);
    expect(person[0]).toMatchObject({
      kind: 'answer',
      stepId: 'facts',
      questionId: 'harm_date',
      message: { en: 'Not answered yet: Date of harm' },
    });

    const shop = missingItems(SMALL, { category: 'shop', answers: { harmed: 'no' }, evidenceCounts: { receipt: 1 }, now: NOW });
    expect(keys(shop)).toEqual(['seats', 'evidence.receipt', 'damages']);
    expect(shop[1].message.ko).toBe('증거 자료가 더 필요합니다: 영수증 (1/2개)');
  });

  it('is empty when the claim is complete', () => {
    const items = missingItems(SMALL, {
      category: 'shop',
      answers: { harmed: 'no', seats: 4 },
      evidenceCounts: { receipt: 2 },
      damageItems: [{ category: 'other', amount: 5000 }],
      now: NOW,
    });
    expect(items).toEqual([]);
  });

  it('flags too many files and an answer that no longer fits its bounds', () => {
    const items = missingItems(SMALL, {
      category: 'shop',
      answers: { harmed: 'no', seats: 400 },
      evidenceCounts: { receipt: 4 },
      damageItems: [{ category: 'other', amount: 1 }],
    });
    expect(items.map((item) => item.code)).toEqual(['invalid_answer', 'too_much_evidence']);
  });

  it('asks a Coupang claimant for the notice screenshot only when a notice arrived', () => {
    const base = { account_email: 'a@example.kr', exposed_items: ['name'], harm_suffered: 'no' };
    const noNotice = missingItems(COUPANG_2025, {
      category: 'member',
      answers: { ...base, notice_received: 'no' },
      evidenceCounts: { account_screenshot: 1 },
    });
    expect(noNotice).toEqual([]);
    const notice = missingItems(COUPANG_2025, {
      category: 'member',
      answers: { ...base, notice_received: 'yes', notice_date: '2025-11-30', notice_channels: ['sms'] },
      evidenceCounts: { account_screenshot: 1 },
      now: NOW,
    });
    expect(keys(notice)).toEqual(['evidence.notice_screenshot']);
    const seller = evidenceKindsFor(COUPANG_2025, { category: 'seller', answers: {} }).map((item) => [item.kind.id, item.min]);
    expect(seller).toEqual([
      ['notice_screenshot', 0],
      ['account_screenshot', 1],
      ['business_registration', 1],
    ]);
  });

  it('asks a Slammer claimant for at least one file of any kind and an amount', () => {
    const answers = {
      isp: 'kt',
      line_type: 'adsl',
      same_as_home: 'yes',
      monthly_fee: 30_000,
      outage_started_at: '2003-01-25T14:30',
      outage_ended_at: '2003-01-25T20:00',
      impacts: ['no_internet'],
      ran_sql_server: 'no',
      warned: 'no',
    };
    expect(keys(missingItems(SLAMMER_2003, { category: 'home_subscriber', answers, now: NOW }))).toEqual(['evidence', 'damages']);
    expect(
      missingItems(SLAMMER_2003, {
        category: 'home_subscriber',
        answers,
        evidenceCounts: { isp_bill: 1 },
        damageItems: [{ category: 'service_fee', amount: 300 }],
        now: NOW,
      }),
    ).toEqual([]);
    expect(
      keys(
        missingItems(SLAMMER_2003, {
          category: 'pc_bang',
          answers,
          evidenceCounts: { isp_bill: 1 },
          damageItems: [{ category: 'service_fee', amount: 300 }],
          now: NOW,
        }),
      ),
    ).toEqual(['pc_bang_seats']);
  });
});
