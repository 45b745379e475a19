import { describe, expect, it } from 'vitest';
import { SERVICE_SCHEDULES, STAMP_SCHEDULES, scheduleOn } from './rates';
import { buildCostWorksheet, computeStampDuty, firstInstanceCourtFor } from './worksheet';

const schedule = scheduleOn(STAMP_SCHEDULES, '2026-03-02');
const stamp = (value: number, isElectronic: boolean, instance: 'first' | 'appeal' | 'final' = 'first') =>
  computeStampDuty(value, { isElectronic, instance, schedule });

/**
 * Worked by hand from 민사소송 등 인지법: 제2조 ① brackets, ② at least 1,000원 and nothing below
 * 100원, 제3조 (×1.5 항소, ×2 상고), 제16조 ① (9/10 electronically).
 */
describe('stamp duty (인지액)', () => {
  it.each([
    // value, paper, electronic — the working in the comment
    [5_000_000, 25_000, 22_500], // 5,000,000 × 50/10,000
    [9_999_999, 49_900, 44_900], // 49,999.995 → 49,900; × 0.9 = 44,910 → 44,900
    [10_000_000, 50_000, 45_000], // 10,000,000 × 45/10,000 + 5,000
    [25_000_000, 117_500, 105_700], // 112,500 + 5,000; × 0.9 = 105,750 → 105,700
    [123_456_789, 548_800, 493_900], // 493,827.156 + 55,000 = 548,827 → 548,800; × 0.9 = 493,920 → 493,900
    [1_000_000_000, 4_055_000, 3_649_500], // 3,500,000 + 555,000
    [100_000, 1_000, 900], // 500 → the 1,000원 minimum; 9/10 of it is 900 (no minimum after 제16조)
  ])('소가 %i원: %i원 on paper, %i원 electronically', (value, paper, electronic) => {
    expect(stamp(value, false).payableKrw).toBe(paper);
    expect(stamp(value, true).payableKrw).toBe(electronic);
  });

  it('applies 제3조 to the 제2조 amount before the electronic reduction', () => {
    // 117,500 × 1.5 = 176,250 → 176,200; × 0.9 = 158,580 → 158,500.
    expect(stamp(25_000_000, false, 'appeal').payableKrw).toBe(176_200);
    expect(stamp(25_000_000, true, 'appeal').payableKrw).toBe(158_500);
    // 117,500 × 2 = 235,000; × 0.9 = 211,500.
    expect(stamp(25_000_000, true, 'final')).toMatchObject({ baseKrw: 117_500, instanceKrw: 235_000, electronicKrw: 211_500 });
  });

  it('picks the bracket at its lower bound and keeps exact integers for very large values', () => {
    expect(stamp(100_000_000, false).bracket.perTenThousand).toBe(40);
    expect(stamp(99_999_999, false).bracket.perTenThousand).toBe(45);
    // ₩3 quadrillion × 35/10,000 = 10,500,000,000,000 + 555,000, beyond 2^53 on the way.
    expect(stamp(3_000_000_000_000_000, false).payableKrw).toBe(10_500_000_555_000);
  });
});

describe('court and 송달료', () => {
  it('sends a claim to small claims up to ₩30M, a single judge up to ₩500M, a panel above', () => {
    expect(firstInstanceCourtFor(30_000_000, '2026-03-02')).toBe('small');
    expect(firstInstanceCourtFor(30_000_001, '2026-03-02')).toBe('single');
    expect(firstInstanceCourtFor(500_000_000, '2026-03-02')).toBe('single');
    expect(firstInstanceCourtFor(500_000_001, '2026-03-02')).toBe('panel');
  });

  it('sets every claimant a party against three 선정당사자: 1,587 × 15 × ₩5,200 against 4 × 15 × ₩5,200', () => {
    const sheet = buildCostWorksheet({
      claimValueKrw: 1_586 * 101_935,
      claimantCount: 1_586,
      defendantCount: 1,
      representativeCount: 3,
      isElectronic: true,
      instance: 'first',
      day: '2026-03-02',
    });
    expect(sheet.court).toBe('single');
    expect(sheet.perServiceKrw).toBe(5_200);
    const [every, appointed] = sheet.scenarios;
    expect(every.serviceFee).toEqual({ parties: 1_587, services: 15, perServiceKrw: 5_200, totalKrw: 123_786_000 });
    expect(appointed.serviceFee).toEqual({ parties: 4, services: 15, perServiceKrw: 5_200, totalKrw: 312_000 });
    // 소가 161,668,910: × 40/10,000 = 646,675.64 + 55,000 = 701,675 → 701,600; × 0.9 = 631,440 → 631,400.
    expect(sheet.stamp.payableKrw).toBe(631_400);
    expect(every.totalKrw).toBe(123_786_000 + 631_400);
    expect(sheet.savingKrw).toBe(123_786_000 - 312_000);
  });

  it('uses 10 services for small claims, 12 on appeal, 8 on final appeal, and a per-service amount the lawyer gives', () => {
    const base = {
      claimValueKrw: 20_000_000,
      claimantCount: 10,
      defendantCount: 2,
      representativeCount: 1,
      isElectronic: false,
      day: '2026-03-02',
    };
    expect(buildCostWorksheet({ ...base, instance: 'first' }).scenarios[0].serviceFee.totalKrw).toBe(12 * 10 * 5_200);
    expect(buildCostWorksheet({ ...base, instance: 'appeal' }).scenarios[1].serviceFee.totalKrw).toBe(3 * 12 * 5_200);
    expect(buildCostWorksheet({ ...base, instance: 'final' }).scenarios[1].serviceFee.totalKrw).toBe(3 * 8 * 5_200);
    expect(buildCostWorksheet({ ...base, instance: 'first', court: 'single', perServiceKrw: 5_500 }).scenarios[0].serviceFee.totalKrw).toBe(
      12 * 15 * 5_500,
    );
  });

  it('reads the schedule in effect on the day', () => {
    expect(scheduleOn(SERVICE_SCHEDULES, '2026-03-02').perServiceKrw).toBe(5_200);
    const later = [...SERVICE_SCHEDULES, { ...SERVICE_SCHEDULES[0], effectiveFrom: '2030-01-01', perServiceKrw: 6_000 }];
    expect(scheduleOn(later, '2029-12-31').perServiceKrw).toBe(5_200);
    expect(scheduleOn(later, '2030-01-01').perServiceKrw).toBe(6_000);
  });
});
