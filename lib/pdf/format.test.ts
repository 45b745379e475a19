import { describe, expect, it } from 'vitest';
import { displayAddress, displayName, formatBirthDate, formatDate, formatInstant, formatKrw, formatPhone, isMinorOn } from './format';

const NBSP = '\u00a0';

describe('formatting for filings', () => {
  it('writes won amounts with thousands separators, unbreakable', () => {
    expect(formatKrw(196_800_000, 'ko')).toBe(`금${NBSP}196,800,000원`);
    expect(formatKrw(196_800_000, 'en')).toBe(`KRW${NBSP}196,800,000`);
  });

  it('writes dates the Korean court way and the US way', () => {
    expect(formatDate('2003-04-30', 'ko')).toBe(`2003.${NBSP}4.${NBSP}30.`);
    expect(formatDate('2003-04-30', 'en')).toBe(`April${NBSP}30,${NBSP}2003`);
  });

  it('prints signature times in Korean time with the offset', () => {
    expect(formatInstant('2003-04-10T05:23:05Z', 'Asia/Seoul')).toBe('2003-04-10 14:23:05 (KST, UTC+9)');
    expect(formatInstant('2003-04-10T05:23:05Z', 'Asia/Seoul', true)).toBe('2003-04-10 14:23:05 KST');
  });
});

describe('FRCP 5.2 redaction in US filings', () => {
  const person = {
    legalName: '홍길동',
    legalNameLatin: 'Gil-dong Hong',
    dateOfBirth: '1970-08-09',
    address: '서울특별시 종로구 세종대로 175',
    locality: '서울특별시 종로구',
  };

  it('prints the year of birth only', () => {
    expect(formatBirthDate(person.dateOfBirth, 'us', 'en')).toBe('1970');
    expect(formatBirthDate(person.dateOfBirth, 'kr', 'ko')).toBe(`1970.${NBSP}8.${NBSP}9.`);
  });

  it('keeps only the last four digits of phone numbers', () => {
    expect(formatPhone('010-9670-3793', 'us')).toBe('XXX-XXXX-3793');
    expect(formatPhone('010-9670-3793', 'kr')).toBe('010-9670-3793');
  });

  it('prints the locality instead of the street address', () => {
    expect(displayAddress(person, 'us')).toBe('서울특별시 종로구');
    expect(displayAddress(person, 'kr')).toBe(person.address);
  });

  it('names minors by initials only', () => {
    const minor = { ...person, dateOfBirth: '1990-05-01' };
    expect(isMinorOn(minor.dateOfBirth, '2003-04-30')).toBe(true);
    expect(displayName(minor, 'us', 'en', '2003-04-30')).toBe('G. H.');
    expect(displayName(person, 'us', 'en', '2003-04-30')).toBe('Gil-dong Hong (홍길동)');
    expect(displayName(minor, 'us', 'ko', '2003-04-30')).toBe('홍○○');
    expect(displayName(minor, 'kr', 'ko', '2003-04-30')).toBe('홍길동');
  });
});
