import { describe, expect, it } from 'vitest';
import { SLAMMER_2003 } from './definitions/slammer-2003';
import { renderStatement } from './statement';

/**
 * slammer-2003 re-expresses the patch questionnaire that lib/statements/render.ts printed before
 * the claims engine: for the same answers its statement prints, character for character, what that
 * renderer printed (recorded below from it, in both languages), so claimants moved onto the
 * definition sign the text they would have signed.
 */
const RECORDED: Record<string, string> = {
  patched_ko:
    '진술서 (보안 패치 적용 상태)\n\n사건: 슬래머 사건\n진술인: 이철 (PC방 업주)\n\n1. 인터넷 회선과 장애\n진술인은 2003년 1월 25일 당시 다음 인터넷 회선을 이용하였습니다: 하나로통신, VDSL. 인터넷 서비스는 2003년 1월 25일 14:40에 끊겼고 2003년 1월 26일 09:05에 복구되었습니다.\n\n2. SQL Server 운영 여부\n진술인은 당시 다음 제품을 운영하였습니다: SQL Server 2000 및 Veritas. 서버는 외부 관리 업체가 관리하였습니다.\n\n3. 보안 패치\n- MS02-039(2002년 7월 24일 공개): 2002년 8월 1일에 적용하였습니다.\n- MS02-056(2002년 10월 2일 공개): 적용하지 않았습니다.\n- MS02-061(2002년 10월 16일 공개): 적용 여부를 알지 못합니다.\n\n4. 사전 경고\n진술인은 2002년 12월 1일에 이 취약점에 관한 경고를 받았습니다. 경고한 곳: 마이크로소프트 및 KISA. 받은 방법: 웹사이트 공지 및 기타 방법.\n\n5. 추가 진술\n토요일 오후였습니다.\n\n진술인은 위 내용이 사실과 다름없음을 확인합니다.',
  patched_en:
    'Statement on the security patch status\n\nCase: 슬래머 사건\nDeclarant: 이철 (PC-bang owner)\n\n1. Internet line and outage\nOn 25 January 2003 the declarant used a VDSL line from Hanaro Telecom. The internet service went down at 25 January 2003 at 14:40 and came back at 26 January 2003 at 09:05.\n\n2. Running SQL Server\nAt the time the declarant ran SQL Server 2000 and Veritas. An outside IT contractor ran the server.\n\n3. Security patches\n- MS02-039 (published 24 July 2002): applied on 1 August 2002.\n- MS02-056 (published 2 October 2002): not applied.\n- MS02-061 (published 16 October 2002): the declarant does not know whether it was applied.\n\n4. Warnings beforehand\nOn 1 December 2002 the declarant was warned about this flaw by Microsoft and KISA, by a website notice and another way.\n\n5. Further statement\n토요일 오후였습니다.\n\nThe declarant confirms that the above is true.',
  noServer_ko:
    '진술서 (보안 패치 적용 상태)\n\n사건: 슬래머 사건\n진술인: 이철 (PC방 업주)\n\n1. 인터넷 회선과 장애\n진술인은 2003년 1월 25일 당시 다음 인터넷 회선을 이용하였습니다: 하나로통신, VDSL. 인터넷 서비스는 2003년 1월 25일 14:40에 끊겼고 2003년 1월 26일 09:05에 복구되었습니다.\n\n2. SQL Server 운영 여부\n진술인은 당시 SQL Server 2000이나 MSDE 2000을 운영하지 않았습니다.\n\n3. 사전 경고\n진술인은 2003년 1월 25일 전에 이 취약점에 관한 경고를 받았는지 기억하지 못합니다.\n\n4. 추가 진술\n없음\n\n진술인은 위 내용이 사실과 다름없음을 확인합니다.',
  noServer_en:
    'Statement on the security patch status\n\nCase: 슬래머 사건\nDeclarant: 이철 (PC-bang owner)\n\n1. Internet line and outage\nOn 25 January 2003 the declarant used a VDSL line from Hanaro Telecom. The internet service went down at 25 January 2003 at 14:40 and came back at 26 January 2003 at 09:05.\n\n2. Running SQL Server\nAt the time the declarant did not run SQL Server 2000 or MSDE 2000.\n\n3. Warnings beforehand\nThe declarant does not remember whether a warning about this flaw was received before 25 January 2003.\n\n4. Further statement\nNone.\n\nThe declarant confirms that the above is true.',
};

const LINE = { isp: 'hanaro', line_type: 'vdsl', outage_started_at: '2003-01-25T14:40', outage_ended_at: '2003-01-26T09:05' };
const CASES: { name: string; answers: Record<string, string | string[]> }[] = [
  {
    name: 'patched',
    answers: {
      ran_sql_server: 'yes',
      products: ['sql_server_2000', 'other'],
      'products.other': 'Veritas',
      ms02_039_status: 'applied',
      ms02_039_applied_on: '2002-08-01',
      ms02_056_status: 'not_applied',
      ms02_061_status: 'unsure',
      administered_by: 'contractor',
      warned: 'yes',
      warned_by: ['microsoft', 'other'],
      'warned_by.other': 'KISA',
      warned_on: '2002-12-01',
      warned_how: ['website', 'other'],
      free_text: '토요일 오후였습니다.',
    },
  },
  { name: 'noServer', answers: { ran_sql_server: 'no', warned: 'unsure' } },
];

describe('slammer-2003 prints what the patch questionnaire printed', () => {
  for (const { name, answers } of CASES) {
    for (const locale of ['ko', 'en'] as const) {
      it(`${name} (${locale})`, () => {
        const text = renderStatement(
          SLAMMER_2003,
          { category: 'pc_bang', caseTitle: '슬래머 사건', signerName: '이철', answers: { ...answers, ...LINE } },
          locale,
        );
        expect(text).toBe(RECORDED[`${name}_${locale}`]);
      });
    }
  }
});
