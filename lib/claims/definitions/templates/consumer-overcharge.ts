import { defineClaim } from '../../definition-schema';
import { t } from '../text';

/** Starting template: consumers charged more than they owed (a hidden fee, a rate raised against the contract). */
export const CONSUMER_OVERCHARGE_TEMPLATE = defineClaim({
  key: 'template-consumer-overcharge',
  version: 1,
  title: t('부당 요금 반환 청구', 'Consumer overcharge claim'),
  currency: 'KRW',
  jurisdiction: 'KR',
  timeline: [
    { id: 'overcharge_start', at: '2024-01-01', label: t('부당 요금이 시작된 때', 'the overcharging began') },
    { id: 'overcharge_end', at: '2025-12-31', label: t('부당 요금이 끝난 때', 'the overcharging ended') },
  ],
  categories: [
    { id: 'consumer', label: t('소비자', 'Consumer'), allowsMinorWithGuardian: true },
    { id: 'business', label: t('사업자', 'Business'), isBusiness: true },
  ],
  steps: [
    {
      id: 'charges',
      title: t('청구된 요금', 'What you were charged'),
      questions: [
        { id: 'account_id', type: 'short_text', required: true, label: t('계약·회원 번호', 'Contract or member number') },
        {
          id: 'first_charged',
          type: 'date',
          required: true,
          label: t('처음 더 낸 달', 'First overcharged'),
          notBefore: { kind: 'event', event: 'overcharge_start' },
          notAfter: { kind: 'event', event: 'overcharge_end' },
        },
        {
          id: 'last_charged',
          type: 'date',
          required: true,
          label: t('마지막으로 더 낸 달', 'Last overcharged'),
          notBefore: { kind: 'answer', question: 'first_charged' },
          notAfter: { kind: 'event', event: 'overcharge_end' },
        },
        {
          id: 'months_charged',
          type: 'number',
          integer: true,
          min: 1,
          max: 240,
          required: true,
          label: t('더 낸 개월 수', 'Months overcharged'),
        },
        { id: 'overcharge_per_month', type: 'money', required: true, min: 0, label: t('한 달에 더 낸 금액', 'Overcharge per month') },
        { id: 'refund_received', type: 'money', min: 0, label: t('이미 돌려받은 금액', 'Already refunded') },
      ],
    },
  ],
  statement: {
    title: t('진술서 (부당 요금)', 'Statement (overcharge)'),
    preamble: t(
      '사건: {{case.title}}\n진술인: {{signer.name}} ({{category}})',
      'Case: {{case.title}}\nDeclarant: {{signer.name}} ({{category}})',
    ),
    blocks: [
      {
        id: 'charges',
        heading: t('청구된 요금', 'The charges'),
        text: t(
          '진술인은 계약 {{account_id}}에 따라 {{first_charged}}부터 {{last_charged}}까지 {{months_charged}}개월 동안 매달 {{overcharge_per_month}}을 더 냈습니다.',
          'Under contract {{account_id}} the declarant paid {{overcharge_per_month}} a month too much for {{months_charged}} months, from {{first_charged}} to {{last_charged}}.',
        ),
      },
      {
        id: 'refund',
        text: t('이 가운데 {{refund_received}}을 돌려받았습니다.', 'Of this, {{refund_received}} was refunded.'),
        showIf: { kind: 'answer', question: 'refund_received', op: 'gt', value: 0 },
      },
    ],
    affirmation: t('진술인은 위 내용이 사실과 다름없음을 확인합니다.', 'The declarant confirms that the above is true.'),
  },
  evidenceKinds: [
    { id: 'bill', label: t('요금 청구서', 'Bills'), requirements: [{ required: true, max: 24 }] },
    {
      id: 'refund_record',
      label: t('환불 기록', 'Refund record'),
      requirements: [{ when: { kind: 'answer', question: 'refund_received', op: 'gt', value: 0 }, required: true, max: 5 }],
    },
  ],
  damages: {
    categories: [{ id: 'overcharge', label: t('더 낸 요금', 'Overcharge'), mode: 'itemised' }],
    helpers: [
      {
        id: 'monthly_overcharge',
        label: t('월 초과 금액 × 개월 수 − 환불액', 'Overcharge per month × months − refunds'),
        category: 'overcharge',
        inputs: [
          {
            id: 'per_month',
            kind: 'money',
            label: t('한 달에 더 낸 금액', 'Per month'),
            min: 0,
            default: { kind: 'answer', question: 'overcharge_per_month' },
          },
          {
            id: 'months',
            kind: 'integer',
            label: t('개월 수', 'Months'),
            min: 0,
            max: 240,
            default: { kind: 'answer', question: 'months_charged' },
          },
          {
            id: 'refunded',
            kind: 'money',
            label: t('돌려받은 금액', 'Refunded'),
            min: 0,
            default: { kind: 'answer', question: 'refund_received' },
          },
        ],
        formula: 'max(per_month * months - refunded, 0)',
      },
    ],
  },
  dimensions: [
    { id: 'category', source: { kind: 'category' }, uses: ['dashboard', 'filter', 'export', 'party_list'] },
    { id: 'months_charged', source: { kind: 'question', question: 'months_charged' }, uses: ['export'] },
  ],
});
