import type { ConsentKind } from '@/db/schema';

type Text = { title: string; body: string };

/**
 * Starting texts for a new case's consents, to be edited by counsel before the case opens. Each
 * names the case so a signature proves which suit it was for.
 */
export function defaultConsentTexts(caseTitle: { ko: string; en: string }): Record<Exclude<ConsentKind, never>, { ko: Text; en: Text }> {
  return {
    petition_privacy: {
      ko: {
        title: '지지 서명 개인정보 수집·이용 동의',
        body: `‘${caseTitle.ko}’ 지지 서명을 위해 이름, 이메일, 지역(선택), 휴대전화(선택)를 수집합니다. 서명 집계와 확인, 소식 안내에만 쓰며, 사건 종료 후 1년 또는 철회 시까지 보관합니다. 동의하지 않으면 서명할 수 없으며, 서명은 언제든 철회할 수 있습니다.`,
      },
      en: {
        title: 'Consent to the use of personal data for the support petition',
        body: `To sign the petition for “${caseTitle.en}” we collect your name, email, region (optional) and mobile number (optional), used only to count and confirm signatures and to send news of the case, and kept until a year after the case ends or until you withdraw. Without consent you cannot sign; you can withdraw at any time.`,
      },
    },
    privacy: {
      ko: {
        title: '원고 참여 개인정보 수집·이용 동의',
        body: `‘${caseTitle.ko}’ 원고 참여를 위해 성명, 생년월일, 연락처, 주소, 손해 내역, 증거 자료를 수집하여 당사자 확인과 소송 서류 작성, 법원 제출에 씁니다. 주민등록번호는 수집하지 않으며 연락처·주소·생년월일은 암호화하여 보관합니다.`,
      },
      en: {
        title: 'Consent to the use of personal data as a claimant',
        body: `To join “${caseTitle.en}” as a claimant we collect your legal name, date of birth, contact details, address, damages and evidence, used to identify the parties, prepare the court documents and file them. No resident registration number is collected; contact details, addresses and dates of birth are stored encrypted.`,
      },
    },
    retainer: {
      ko: {
        title: '소송위임 계약',
        body: `본인은 ‘${caseTitle.ko}’에 관하여 소송대리인에게 제1심 소송행위 일체, 복대리인 선임, 소의 취하·화해·청구의 포기와 인낙(협의 후)을 위임합니다. 본인은 언제든 위임을 해지할 수 있습니다.`,
      },
      en: {
        title: 'Retainer agreement',
        body: `I instruct counsel to act for me in “${caseTitle.en}”: every step at first instance, appointing sub-agents, and (after consultation) withdrawing, settling, waiving or admitting claims. I may end this mandate at any time.`,
      },
    },
    representative_appointment: {
      ko: {
        title: '선정당사자 선정 동의 (민사소송법 제53조)',
        body: `본인은 ‘${caseTitle.ko}’에서 공동의 이해관계가 있는 원고들 가운데 선정당사자를 선정하고, 선정당사자가 본인을 위하여 소송을 수행하는 것에 동의합니다. 서명 시각·문서 해시·접속 정보가 함께 기록됩니다.`,
      },
      en: {
        title: 'Appointment of a representative party (Civil Procedure Act art. 53)',
        body: `I agree that, in “${caseTitle.en}”, a representative party chosen from the plaintiffs who share a common interest conducts the suit on my behalf. The time of signing, a hash of this text and connection details are recorded.`,
      },
    },
  };
}
