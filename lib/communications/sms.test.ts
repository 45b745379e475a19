import { describe, expect, it } from 'vitest';
import { fillPlaceholders, findUnknownPlaceholders } from './placeholders';
import { isQuietHourKst, measureEucKr, nextQuietHoursEnd } from './sms';

describe('text message limits and quiet hours', () => {
  it('counts Hangul as two EUC-KR bytes and ASCII as one, and refuses emoji', () => {
    expect(measureEucKr('abc')).toEqual({ bytes: 3, hasUnencodable: false });
    expect(measureEucKr('가나다 1')).toEqual({ bytes: 8, hasUnencodable: false });
    expect(measureEucKr('좋아요 👍').hasUnencodable).toBe(true);
  });

  it('keeps 21:00–08:00 in Korea quiet and ends it at the next 08:00 KST', () => {
    expect(isQuietHourKst(new Date('2026-12-02T12:00:00Z'))).toBe(true); // 21:00 KST
    expect(isQuietHourKst(new Date('2026-12-02T11:59:00Z'))).toBe(false); // 20:59 KST
    expect(isQuietHourKst(new Date('2026-12-02T22:59:00Z'))).toBe(true); // 07:59 KST
    expect(isQuietHourKst(new Date('2026-12-02T23:00:00Z'))).toBe(false); // 08:00 KST
    expect(nextQuietHoursEnd(new Date('2026-12-02T13:00:00Z')).toISOString()).toBe('2026-12-02T23:00:00.000Z');
    expect(nextQuietHoursEnd(new Date('2026-12-02T20:00:00Z')).toISOString()).toBe('2026-12-02T23:00:00.000Z');
  });

  it('finds placeholders that are not ours and fills the ones that are', () => {
    expect(findUnknownPlaceholders('{name} {nmae} {name} {foo}')).toEqual(['nmae', 'foo']);
    expect(fillPlaceholders('{name}: {reference} {other}', { name: '홍길동' })).toBe('홍길동:  {other}');
  });
});
