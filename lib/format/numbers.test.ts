import { describe, expect, it } from 'vitest';
import { byteSize, formatBusinessNumber, formatPhoneNumber } from './numbers';

describe('formatPhoneNumber', () => {
  it('writes mobile, Seoul, area, internet and nationwide numbers with their hyphens', () => {
    expect(formatPhoneNumber('01048217735')).toBe('010-4821-7735');
    expect(formatPhoneNumber('0113456789')).toBe('011-345-6789');
    expect(formatPhoneNumber('021234567')).toBe('02-123-4567');
    expect(formatPhoneNumber('0215881234')).toBe('02-1588-1234');
    expect(formatPhoneNumber('0311234567')).toBe('031-123-4567');
    expect(formatPhoneNumber('07012345678')).toBe('070-1234-5678');
    expect(formatPhoneNumber('050412345678')).toBe('0504-1234-5678');
    expect(formatPhoneNumber('15881234')).toBe('1588-1234');
  });

  it('accepts what people type and the +82 country code', () => {
    expect(formatPhoneNumber('010 4821 7735')).toBe('010-4821-7735');
    expect(formatPhoneNumber('+82 10-4821-7735')).toBe('010-4821-7735');
    expect(formatPhoneNumber('+82-2-123-4567')).toBe('02-123-4567');
  });

  it('leaves what it does not recognise as it was', () => {
    expect(formatPhoneNumber('+1 206 555 0100')).toBe('+1 206 555 0100');
    expect(formatPhoneNumber('1234')).toBe('1234');
    expect(formatPhoneNumber('')).toBe('');
  });
});

describe('formatBusinessNumber', () => {
  it('writes a 사업자등록번호 as 3-2-5 digits', () => {
    expect(formatBusinessNumber('2208162517')).toBe('220-81-62517');
    expect(formatBusinessNumber('220-81-62517')).toBe('220-81-62517');
    expect(formatBusinessNumber('220 81 62517')).toBe('220-81-62517');
  });

  it('leaves other text alone', () => {
    expect(formatBusinessNumber('12345')).toBe('12345');
    expect(formatBusinessNumber('unknown')).toBe('unknown');
  });
});

describe('byteSize', () => {
  it('says 0 KB when nothing is stored, and counts a started kilobyte', () => {
    expect(byteSize(0)).toEqual({ unit: 'kb', value: 0 });
    expect(byteSize(1)).toEqual({ unit: 'kb', value: 1 });
    expect(byteSize(1024)).toEqual({ unit: 'kb', value: 1 });
    expect(byteSize(1025)).toEqual({ unit: 'kb', value: 2 });
  });

  it('switches to megabytes with one decimal', () => {
    expect(byteSize(1024 * 1024)).toEqual({ unit: 'mb', value: 1 });
    expect(byteSize(200 * 1024 * 1024)).toEqual({ unit: 'mb', value: 200 });
    expect(byteSize(1.25 * 1024 * 1024)).toEqual({ unit: 'mb', value: 1.3 });
  });
});
