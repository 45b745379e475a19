import { describe, expect, it } from 'vitest';
import { findRegion, formatLocality, listRegions, localityInEnglish, regionCodes, regionName } from './index';

describe('region lists', () => {
  it('lists the 17 시·도 and overseas for Korea, by the codes already stored', () => {
    expect(regionCodes('KR')).toEqual([
      ...['seoul', 'busan', 'daegu', 'incheon', 'gwangju', 'daejeon', 'ulsan', 'sejong', 'gyeonggi', 'gangwon'],
      ...['chungbuk', 'chungnam', 'jeonbuk', 'jeonnam', 'gyeongbuk', 'gyeongnam', 'jeju', 'overseas'],
    ]);
    expect(listRegions('KR')).toHaveLength(18);
  });

  it('lists the 50 states, DC and outside the U.S. for the United States', () => {
    const codes = regionCodes('US');
    expect(codes).toHaveLength(52);
    expect(new Set(codes).size).toBe(52);
    expect(codes).toContain('dc');
    expect(codes).toContain('ny');
  });
});

describe('findRegion', () => {
  it.each(['서울특별시', '서울', 'Seoul', 'seoul', ' SEOUL ', 'Seoul Metropolitan City', 'ｓｅｏｕｌ'])('finds Seoul from %j', (value) => {
    expect(findRegion('KR', value)?.code).toBe('seoul');
  });

  it('finds provinces by their former names and English variants', () => {
    expect(findRegion('KR', '강원도')?.code).toBe('gangwon');
    expect(findRegion('KR', '전라북도')?.code).toBe('jeonbuk');
    expect(findRegion('KR', 'Gyeonggi-do')?.code).toBe('gyeonggi');
    expect(findRegion('KR', 'gyeonggi do')?.code).toBe('gyeonggi');
    expect(findRegion('KR', '경남')?.code).toBe('gyeongnam');
    expect(findRegion('KR', '광주')?.code).toBe('gwangju');
  });

  it('finds states by USPS code, ISO code, English and Korean names', () => {
    for (const value of ['ca', 'CA', 'US-CA', 'California', '캘리포니아', '캘리포니아주']) expect(findRegion('US', value)?.code).toBe('ca');
    expect(findRegion('US', 'Washington, D.C.')?.code).toBe('dc');
    expect(findRegion('US', 'Washington')?.code).toBe('wa');
  });

  it('returns null for what is not a region, and does not mix jurisdictions', () => {
    expect(findRegion('KR', '서울특별시청')).toBeNull();
    expect(findRegion('KR', 'California')).toBeNull();
    expect(findRegion('US', '서울')).toBeNull();
    expect(findRegion('KR', '')).toBeNull();
    expect(findRegion('KR', 42)).toBeNull();
  });
});

describe('English localities', () => {
  it('prints the local government spelling where known', () => {
    expect(localityInEnglish('busan', '부산진구')).toEqual({ text: 'Busanjin-gu', isFromTable: true });
    expect(localityInEnglish('seoul', '종로구').text).toBe('Jongno-gu');
    expect(localityInEnglish('gyeonggi', '고양시 덕양구').text).toBe('Deogyang-gu, Goyang-si');
    expect(localityInEnglish('gyeonggi', '수원시 영통구').text).toBe('Yeongtong-gu, Suwon-si');
  });

  it('romanises a name it does not know, stem and suffix apart, and says so', () => {
    expect(localityInEnglish('seoul', '신림동')).toEqual({ text: 'Sillim-dong', isFromTable: false });
    expect(localityInEnglish('jeju', '애월읍').text).toBe('Aewol-eup');
  });

  it('drops a 시·도 the claimant typed into the locality', () => {
    expect(localityInEnglish('busan', '부산광역시 부산진구').text).toBe('Busanjin-gu');
    expect(formatLocality('KR', 'busan', '부산광역시 부산진구', 'ko')).toBe('부산광역시 부산진구');
  });

  it('formats region and locality for each language', () => {
    expect(formatLocality('KR', 'busan', '부산진구', 'ko')).toBe('부산광역시 부산진구');
    expect(formatLocality('KR', 'busan', '부산진구', 'en')).toBe('Busanjin-gu, Busan');
    expect(formatLocality('KR', 'gangwon', null, 'en')).toBe('Gangwon State');
    expect(formatLocality('US', 'ny', 'Brooklyn', 'en')).toBe('Brooklyn, New York');
    expect(regionName('US', 'ny', 'ko')).toBe('뉴욕주');
  });
});
