import { defineClaim } from '../../definition-schema';
import { options, t } from '../text';

/** Starting template: a personal-data breach. Harm dates cannot be before the breach began; a fixed 위자료 per person plus itemised losses. */
export const DATA_BREACH_TEMPLATE = defineClaim({
  key: 'template-data-breach',
  version: 1,
  title: t('개인정보 유출 손해배상 청구', 'Personal-data breach claim'),
  currency: 'KRW',
  jurisdiction: 'KR',
  timeline: [
    { id: 'breach_start', at: '2026-01-01', label: t('유출이 시작된 날', 'the breach began') },
    { id: 'disclosure', at: '2026-01-15', label: t('유출 발표', 'the breach was disclosed') },
  ],
  categories: [
    { id: 'customer', label: t('이용자', 'Customer'), allowsMinorWithGuardian: true },
    { id: 'business_customer', label: t('사업자 이용자', 'Business customer'), isBusiness: true },
  ],
  steps: [
    {
      id: 'account',
      title: t('계정', 'Your account'),
      questions: [
        {
          id: 'account_identifier',
          type: 'short_text',
          required: true,
          label: t('계정에 쓴 이메일이나 아이디', 'E-mail or user name of the account'),
        },
      ],
    },
    {
      id: 'notice',
      title: t('유출 통지', 'The breach notice'),
      questions: [
        {
          id: 'notice_received',
          type: 'yes_no_unsure',
          required: true,
          label: t('유출 통지를 받으셨나요?', 'Were you notified of the breach?'),
        },
        {
          id: 'notice_date',
          type: 'date',
          required: true,
          label: t('통지를 받은 날', 'When the notice arrived'),
          showIf: { kind: 'answer', question: 'notice_received', op: 'equals', value: 'yes' },
          notBefore: { kind: 'event', event: 'breach_start' },
          notAfter: { kind: 'today' },
        },
      ],
    },
    {
      id: 'harm',
      title: t('유출된 정보와 피해', 'Data exposed and harm'),
      questions: [
        {
          id: 'exposed_items',
          type: 'multiple_choice',
          required: true,
          minSelected: 1,
          allowOther: true,
          label: t('어떤 정보가 유출되었나요?', 'Which data was exposed?'),
          options: options(
            ['name', '이름', 'Name'],
            ['contact', '연락처', 'Contact details'],
            ['address', '주소', 'Address'],
            ['financial', '금융 정보', 'Financial data'],
            ['password', '비밀번호', 'Password'],
          ),
        },
        {
          id: 'harm_suffered',
          type: 'yes_no_unsure',
          required: true,
          label: t('유출 뒤 피해를 겪으셨나요?', 'Have you suffered harm since?'),
        },
        {
          id: 'harm_kinds',
          type: 'multiple_choice',
          required: true,
          minSelected: 1,
          allowOther: true,
          label: t('어떤 피해였나요?', 'What harm?'),
          options: options(
            ['phishing', '피싱·스미싱', 'Phishing or smishing'],
            ['spam', '스팸', 'Spam'],
            ['fraud', '금전 피해', 'Financial fraud'],
            ['identity_misuse', '명의 도용', 'Identity misuse'],
          ),
          showIf: { kind: 'answer', question: 'harm_suffered', op: 'equals', value: 'yes' },
        },
        {
          id: 'first_harm_date',
          type: 'date',
          required: true,
          label: t('처음 피해를 겪은 날', 'When it first happened'),
          showIf: { kind: 'answer', question: 'harm_suffered', op: 'equals', value: 'yes' },
          notBefore: { kind: 'event', event: 'breach_start' },
          notAfter: { kind: 'today' },
        },
        { id: 'description', type: 'long_text', maxLength: 3000, label: t('더 말씀하실 내용', 'Anything to add') },
      ],
    },
  ],
  statement: {
    title: t('진술서 (개인정보 유출)', 'Statement (personal-data breach)'),
    preamble: t(
      '사건: {{case.title}}\n진술인: {{signer.name}} ({{category}})',
      'Case: {{case.title}}\nDeclarant: {{signer.name}} ({{category}})',
    ),
    blocks: [
      {
        id: 'account',
        heading: t('계정', 'The account'),
        text: t('진술인은 {{account_identifier}} 계정의 명의자입니다.', 'The declarant holds the account {{account_identifier}}.'),
      },
      {
        id: 'notice',
        heading: t('유출 통지', 'The notice'),
        text: t('진술인은 {{notice_date}}에 유출 통지를 받았습니다.', 'The declarant was notified of the breach on {{notice_date}}.'),
        showIf: { kind: 'answer', question: 'notice_received', op: 'equals', value: 'yes' },
      },
      {
        id: 'exposed',
        heading: t('유출된 정보', 'Data exposed'),
        text: t('유출된 진술인의 정보: {{exposed_items}}.', 'The declarant’s data exposed: {{exposed_items}}.'),
      },
      {
        id: 'harm',
        text: t(
          '진술인은 {{first_harm_date}}부터 다음 피해를 겪었습니다: {{harm_kinds}}.',
          'Since {{first_harm_date}} the declarant has suffered: {{harm_kinds}}.',
        ),
        showIf: { kind: 'answer', question: 'harm_suffered', op: 'equals', value: 'yes' },
      },
      {
        id: 'description',
        heading: t('추가 진술', 'Further statement'),
        text: t('{{description}}', '{{description}}'),
        showIf: { kind: 'answer', question: 'description', op: 'answered' },
      },
    ],
    affirmation: t('진술인은 위 내용이 사실과 다름없음을 확인합니다.', 'The declarant confirms that the above is true.'),
  },
  evidenceKinds: [
    {
      id: 'notice_screenshot',
      label: t('유출 통지 화면', 'Screenshot of the notice'),
      requirements: [
        { when: { kind: 'answer', question: 'notice_received', op: 'equals', value: 'yes' }, required: true, max: 5 },
        { required: false, max: 5 },
      ],
    },
    {
      id: 'harm_proof',
      label: t('피해 자료', 'Proof of harm'),
      requirements: [{ when: { kind: 'answer', question: 'harm_suffered', op: 'equals', value: 'yes' }, required: false, max: 20 }],
    },
  ],
  damages: {
    categories: [
      { id: 'consolation', label: t('위자료', 'Damages for distress'), mode: 'fixed', fixedAmount: 100_000 },
      { id: 'actual_loss', label: t('실제 손해', 'Actual losses'), mode: 'itemised' },
    ],
  },
  dimensions: [
    { id: 'category', source: { kind: 'category' }, uses: ['dashboard', 'filter', 'export', 'party_list'] },
    { id: 'notice_received', source: { kind: 'question', question: 'notice_received' }, uses: ['dashboard', 'filter', 'export'] },
    { id: 'exposed_items', source: { kind: 'question', question: 'exposed_items' }, uses: ['dashboard', 'filter', 'export'] },
    { id: 'harm_suffered', source: { kind: 'question', question: 'harm_suffered' }, uses: ['dashboard', 'filter', 'export'] },
  ],
});
