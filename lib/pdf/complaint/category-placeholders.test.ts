import { describe, expect, it } from 'vitest';
import { syntheticClaimant } from '../__fixtures__/synthetic-claimants';
import { fillPlaceholders } from '../layout/template-text';
import { partyColumns } from '../party-list/party-list-layout';
import { categoryPlaceholders } from './complaint-data';

const random = (() => {
  let seed = 7;
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
})();

describe('complaint placeholders per category', () => {
  it('counts and totals the plaintiffs of each category, 0 for a category nobody in the filing belongs to', () => {
    const claimants = [0, 1, 2].map((index) => ({
      ...syntheticClaimant(index, random),
      category: { id: 'member', label: { ko: '쿠팡 회원', en: 'Coupang customer' } },
      damages: { items: [{ category: '위자료', description: '', amountKrw: 100_000 }], totalKrw: 100_000 },
    }));
    const categories = [
      { id: 'member', label: { ko: '쿠팡 회원', en: 'Coupang customer' } },
      { id: 'seller', label: { ko: '마켓플레이스 판매자', en: 'Marketplace seller' } },
    ];
    const ko = categoryPlaceholders(claimants, categories, 'ko');
    expect(fillPlaceholders('{{category.member.label}} {{category.member.count}}명, {{ category.seller.count }}명', ko)).toBe(
      '쿠팡 회원 3명, 0명',
    );
    expect(ko['category.member.total']).toContain('300,000');
    expect(
      fillPlaceholders('{{category.seller.label}}: {{category.unknown.count}}', categoryPlaceholders(claimants, categories, 'en')),
    ).toBe('Marketplace seller: {{category.unknown.count}}');
  });
});

describe('party-list columns from the definition', () => {
  it('adds one column before the amount, headed by the dimension or by 구분 for several, the values joined', () => {
    const row = {
      ...syntheticClaimant(0, random),
      dimensions: { category: { ko: '가정 가입자', en: 'Home subscriber' }, isp: { ko: 'KT (메가패스)', en: 'KT (Megapass)' } },
    };
    const one = partyColumns('kr', 'ko', '2026-03-02', [{ id: 'category', label: { ko: '신청인 유형', en: 'Category' } }]);
    expect(one.map((column) => column.header)).toEqual(['번호', '성명', '생년월일', '주소', '신청인 유형', '청구금액']);
    expect(one[4].text(row, 1)).toBe('가정 가입자');
    const several = partyColumns('us', 'en', '2026-03-02', [
      { id: 'category', label: { ko: '신청인 유형', en: 'Category' } },
      { id: 'isp', label: { ko: '통신사', en: 'Provider' } },
    ]);
    expect(several.map((column) => column.header)).toEqual(['No.', 'Name', 'Locality', 'Claim details', 'Amount claimed']);
    expect(several[3].text(row, 1)).toBe('Home subscriber · KT (Megapass)');
    expect(several.reduce((sum, column) => sum + column.width, 0)).toBeCloseTo(
      partyColumns('us', 'en', '2026-03-02').reduce((sum, column) => sum + column.width, 0),
    );
  });
});
