import { defineClaim } from '../../definition-schema';
import { options, t } from '../text';

/**
 * Starting template: a service outage (a network, a platform, a payment system went down).
 * The dates are placeholders the case admin sets: the outage start in the timeline bounds the
 * claimants' times (a day before to a month after).
 */
export const SERVICE_OUTAGE_TEMPLATE = defineClaim({
  key: 'template-service-outage',
  version: 1,
  title: t('서비스 장애 손해배상 청구', 'Service outage claim'),
  currency: 'KRW',
  jurisdiction: 'KR',
  timeline: [{ id: 'outage_start', at: '2026-01-01T09:00', label: t('장애 시작', 'the outage began') }],
  categories: [
    { id: 'subscriber', label: t('개인 이용자', 'Individual subscriber'), allowsMinorWithGuardian: true },
    { id: 'business', label: t('사업자 이용자', 'Business subscriber'), isBusiness: true },
  ],
  steps: [
    {
      id: 'service',
      title: t('이용한 서비스', 'The service you used'),
      questions: [
        { id: 'account_id', type: 'short_text', required: true, label: t('가입자 번호나 계정', 'Subscriber number or account') },
        { id: 'plan', type: 'short_text', label: t('요금제', 'Plan') },
        { id: 'monthly_fee', type: 'money', required: true, max: 10_000_000, label: t('월 이용요금', 'Monthly fee') },
      ],
    },
    {
      id: 'outage',
      title: t('장애', 'The outage'),
      questions: [
        {
          id: 'outage_started_at',
          type: 'datetime',
          required: true,
          label: t('서비스가 끊긴 때', 'When the service stopped'),
          notBefore: { kind: 'event', event: 'outage_start', offsetDays: -1 },
          notAfter: { kind: 'event', event: 'outage_start', offsetDays: 31 },
        },
        {
          id: 'outage_ended_at',
          type: 'datetime',
          required: true,
          label: t('다시 된 때', 'When it came back'),
          notBefore: { kind: 'answer', question: 'outage_started_at' },
          notAfter: { kind: 'event', event: 'outage_start', offsetDays: 31 },
        },
        {
          id: 'impacts',
          type: 'multiple_choice',
          required: true,
          minSelected: 1,
          allowOther: true,
          label: t('무엇을 못 했나요?', 'What could you not do?'),
          options: options(
            ['no_service', '서비스를 전혀 못 썼습니다', 'No service at all'],
            ['slow', '매우 느렸습니다', 'Very slow'],
            ['business_stopped', '영업을 못 했습니다', 'Could not do business'],
          ),
        },
        { id: 'outage_note', type: 'long_text', maxLength: 2000, label: t('더 적을 내용', 'Anything to add') },
      ],
    },
  ],
  statement: {
    title: t('진술서 (서비스 장애)', 'Statement (service outage)'),
    preamble: t(
      '사건: {{case.title}}\n진술인: {{signer.name}} ({{category}})',
      'Case: {{case.title}}\nDeclarant: {{signer.name}} ({{category}})',
    ),
    blocks: [
      {
        id: 'service',
        heading: t('이용한 서비스', 'The service'),
        text: t(
          '진술인은 {{account_id}} 계정으로 서비스를 이용하였습니다.',
          'The declarant used the service under the account {{account_id}}.',
        ),
      },
      {
        id: 'outage',
        heading: t('장애', 'The outage'),
        text: t(
          '서비스는 {{outage_started_at}}에 끊겼고 {{outage_ended_at}}에 복구되었습니다. 그 동안 진술인은 다음을 하지 못하였습니다: {{impacts}}.',
          'The service stopped at {{outage_started_at}} and came back at {{outage_ended_at}}. Meanwhile the declarant could not: {{impacts}}.',
        ),
      },
      { id: 'note', text: t('{{outage_note}}', '{{outage_note}}'), showIf: { kind: 'answer', question: 'outage_note', op: 'answered' } },
    ],
    affirmation: t('진술인은 위 내용이 사실과 다름없음을 확인합니다.', 'The declarant confirms that the above is true.'),
  },
  evidenceKinds: [
    { id: 'bill', label: t('요금 청구서', 'Bill'), requirements: [{ required: true, min: 1, max: 12 }] },
    { id: 'screenshot', label: t('장애 화면', 'Screenshot of the outage'), requirements: [{ required: false, max: 10 }] },
    {
      id: 'revenue_record',
      label: t('매출 기록', 'Revenue records'),
      requirements: [{ when: { kind: 'category', in: ['business'] }, required: true, max: 20 }],
    },
  ],
  damages: {
    categories: [
      { id: 'service_fee', label: t('장애 기간 이용요금', 'Fees for the outage'), mode: 'itemised' },
      { id: 'lost_revenue', label: t('영업 손실', 'Lost revenue'), mode: 'itemised', when: { kind: 'category', in: ['business'] } },
      { id: 'other', label: t('기타 손해', 'Other losses'), mode: 'itemised' },
    ],
    helpers: [
      {
        id: 'pro_rata',
        label: t('이용요금 일할 계산', 'Fee for the hours without service'),
        explain: t('월 요금 × 장애 시간 ÷ 720시간(30일)', 'monthly fee × hours ÷ 720 hours (30 days)'),
        category: 'service_fee',
        inputs: [
          {
            id: 'monthly_fee',
            kind: 'money',
            label: t('월 요금', 'Monthly fee'),
            min: 0,
            default: { kind: 'answer', question: 'monthly_fee' },
          },
          {
            id: 'hours',
            kind: 'number',
            label: t('시간', 'Hours'),
            min: 0,
            max: 24 * 62,
            default: { kind: 'hours_between', from: 'outage_started_at', to: 'outage_ended_at' },
          },
        ],
        formula: 'monthly_fee * hours / 720',
      },
      {
        id: 'daily_revenue',
        label: t('하루 평균 매출 × 일수', 'Average daily revenue × days'),
        category: 'lost_revenue',
        inputs: [
          { id: 'daily_revenue', kind: 'money', label: t('하루 평균 매출', 'Average daily revenue'), min: 0 },
          {
            id: 'days',
            kind: 'number',
            label: t('일수', 'Days'),
            min: 0,
            max: 62,
            default: { kind: 'days_between', from: 'outage_started_at', to: 'outage_ended_at' },
          },
        ],
        formula: 'daily_revenue * days',
      },
    ],
  },
  dimensions: [
    { id: 'category', source: { kind: 'category' }, uses: ['dashboard', 'filter', 'export', 'party_list'] },
    { id: 'impacts', source: { kind: 'question', question: 'impacts' }, uses: ['dashboard', 'filter', 'export'] },
  ],
});
