import { describe, expect, it } from 'vitest';
import { COUPANG_2025 } from './definitions/coupang-2025';
import { SLAMMER_2003 } from './definitions/slammer-2003';
import { renderStatement } from './statement';
import { SMALL } from './test-support/small-definition';

describe('renderStatement', () => {
  it('fills answers in and keeps only the paragraphs whose conditions hold', () => {
    const text = renderStatement(
      SMALL,
      { category: 'person', signerName: '김하나', answers: { harmed: 'yes', harm_date: '2025-07-01', channel: 'sms' } },
      'ko',
    );
    expect(text).toBe(
      [
        '진술서',
        '진술인: 김하나 (개인)',
        '1. 피해\n2025년 7월 1일에 피해를 입었습니다. 경로: 문자.',
        '2. 청구\n합계 100,000원',
        '사실입니다.',
      ].join('\n\n'),
    );
    const english = renderStatement(SMALL, { category: 'person', signerName: 'Kim Hana', answers: { harmed: 'no' } }, 'en');
    expect(english).toContain('1. Harm\nNo harm. Channel: (not answered).');
    expect(english).toContain('Total KRW 100,000');
  });

  it('ignores answers to questions the claimant no longer sees', () => {
    const text = renderStatement(SMALL, { category: 'person', answers: { harmed: 'no', harm_date: '2025-07-01' } }, 'en');
    expect(text).not.toContain('July');
  });

  it('is deterministic: the same input gives the same characters', () => {
    const input = {
      category: 'member',
      signerName: 'A',
      answers: {
        account_email: 'a@example.kr',
        notice_received: 'yes',
        notice_date: '2025-12-01',
        notice_channels: ['email'],
        exposed_items: ['name', 'phone'],
        harm_suffered: 'no',
      },
    };
    expect(renderStatement(COUPANG_2025, input, 'ko')).toBe(renderStatement(COUPANG_2025, structuredClone(input), 'ko'));
    expect(renderStatement(COUPANG_2025, input, 'en')).not.toBe(renderStatement(COUPANG_2025, input, 'ko'));
  });

  it('prints a seller its store and the itemised total', () => {
    const text = renderStatement(
      COUPANG_2025,
      {
        category: 'seller',
        signerName: '(주)가게',
        answers: {
          account_email: 's@example.kr',
          store_name: '가게몰',
          notice_received: 'unsure',
          exposed_items: ['order_history'],
          harm_suffered: 'unsure',
          harm_description: '주문 내역이 유출되었습니다.',
        },
      },
      'en',
    );
    expect(text).toContain('The declarant runs the store “가게몰” on Coupang.');
    expect(text).toContain('The declarant does not remember whether Coupang’s breach notice was received.');
    expect(text).toContain('4. Harm after the breach\nThe declarant knows of no further harm from the breach so far.');
    expect(text).toContain('5. Further statement\n주문 내역이 유출되었습니다.');
  });
});

describe('a minor represented by a guardian', () => {
  it('says in the statement who signs for the minor, in either language', () => {
    const answers = { account_email: 'kid@example.kr', notice_received: 'no', exposed_items: ['name'], harm_suffered: 'no' };
    const input = {
      category: 'member',
      answers,
      signerName: '김민준',
      guardianName: '김철수',
      guardianRelation: { ko: '친권자 부', en: 'father, with parental authority' },
    };
    expect(renderStatement(COUPANG_2025, input, 'ko')).toContain(
      '이 진술서는 미성년자 김민준을(를) 대신하여 법정대리인 친권자 부 김철수이(가) 작성하고 서명합니다.',
    );
    expect(renderStatement(COUPANG_2025, input, 'en')).toContain(
      'for the minor 김민준 by the legal guardian 김철수 (father, with parental authority).',
    );
    expect(renderStatement(COUPANG_2025, { category: 'member', answers, signerName: '김민준' }, 'ko')).not.toContain('법정대리인');
  });
});

describe('slammer-2003 statement', () => {
  it('prints the patch statement of a home subscriber with no server', () => {
    const text = renderStatement(
      SLAMMER_2003,
      {
        category: 'home_subscriber',
        caseTitle: '슬래머 사건',
        signerName: '박영희',
        answers: { isp: 'other', 'isp.other': '동네케이블', line_type: 'cable', ran_sql_server: 'no', warned: 'no' },
      },
      'ko',
    );
    expect(text).toBe(
      [
        '진술서 (보안 패치 적용 상태)',
        '사건: 슬래머 사건\n진술인: 박영희 (가정 가입자)',
        '1. 인터넷 회선과 장애\n진술인은 2003년 1월 25일 당시 다음 인터넷 회선을 이용하였습니다: 동네케이블, 케이블 모뎀.',
        '2. SQL Server 운영 여부\n진술인은 당시 SQL Server 2000이나 MSDE 2000을 운영하지 않았습니다.',
        '3. 사전 경고\n진술인은 2003년 1월 25일 전에 이 취약점이나 패치에 관하여 누구로부터도 경고를 받지 못하였습니다.',
        '4. 추가 진술\n없음',
        '진술인은 위 내용이 사실과 다름없음을 확인합니다.',
      ].join('\n\n'),
    );
  });
});
