import { defineClaim, type ClaimDefinitionInput } from '../definition-schema';
import { options, t } from '../definitions/text';

/** A small definition for the engine's tests: two categories, a conditional question, a date bound to an event, a helper. */
export const SMALL_INPUT: ClaimDefinitionInput = {
  key: 'small-case',
  version: 1,
  title: t('작은 사건', 'Small case'),
  currency: 'KRW',
  jurisdiction: 'KR',
  timeline: [{ id: 'incident', at: '2025-06-24', label: t('사고일', 'the incident') }],
  categories: [
    { id: 'person', label: t('개인', 'Person'), allowsMinorWithGuardian: true },
    { id: 'shop', label: t('가게', 'Shop'), isBusiness: true },
  ],
  steps: [
    {
      id: 'facts',
      title: t('사실', 'Facts'),
      questions: [
        { id: 'harmed', type: 'yes_no_unsure', required: true, label: t('피해가 있었나요?', 'Were you harmed?') },
        {
          id: 'harm_date',
          type: 'date',
          required: true,
          label: t('피해일', 'Date of harm'),
          showIf: { kind: 'answer', question: 'harmed', op: 'equals', value: 'yes' },
          notBefore: { kind: 'event', event: 'incident' },
          notAfter: { kind: 'today' },
        },
        {
          id: 'channel',
          type: 'single_choice',
          allowOther: true,
          label: t('경로', 'Channel'),
          options: options(['sms', '문자', 'Text'], ['email', '이메일', 'E-mail']),
        },
        {
          id: 'items',
          type: 'multiple_choice',
          minSelected: 1,
          maxSelected: 2,
          label: t('항목', 'Items'),
          options: options(['a', '가', 'A'], ['b', '나', 'B'], ['c', '다', 'C']),
        },
      ],
    },
    {
      id: 'business',
      title: t('영업', 'Business'),
      showIf: { kind: 'category', in: ['shop'] },
      questions: [
        { id: 'seats', type: 'number', integer: true, min: 1, max: 100, required: true, label: t('좌석', 'Seats') },
        { id: 'fee', type: 'money', max: 1_000_000, label: t('요금', 'Fee') },
        { id: 'where', type: 'region', label: t('지역', 'Region') },
        { id: 'opened_at', type: 'datetime', label: t('개점', 'Opened'), notBefore: { kind: 'event', event: 'incident', offsetDays: -1 } },
        { id: 'closed_at', type: 'datetime', label: t('폐점', 'Closed'), notBefore: { kind: 'answer', question: 'opened_at' } },
        { id: 'note', type: 'long_text', maxLength: 20, label: t('메모', 'Note') },
      ],
    },
  ],
  statement: {
    title: t('진술서', 'Statement'),
    preamble: t('진술인: {{signer.name}} ({{category}})', 'Declarant: {{signer.name}} ({{category}})'),
    blocks: [
      {
        id: 'harm',
        heading: t('피해', 'Harm'),
        text: t('{{harm_date}}에 피해를 입었습니다.', 'Harmed on {{harm_date}}.'),
        showIf: { kind: 'answer', question: 'harmed', op: 'equals', value: 'yes' },
      },
      {
        id: 'no_harm',
        heading: t('피해', 'Harm'),
        text: t('피해가 없습니다.', 'No harm.'),
        showIf: { kind: 'answer', question: 'harmed', op: 'not_equals', value: 'yes' },
      },
      { id: 'channel', text: t('경로: {{channel}}.', 'Channel: {{channel}}.'), inline: true },
      { id: 'total', heading: t('청구', 'Claim'), text: t('합계 {{damages.total}}', 'Total {{damages.total}}') },
    ],
    affirmation: t('사실입니다.', 'This is true.'),
  },
  evidenceKinds: [
    {
      id: 'receipt',
      label: t('영수증', 'Receipt'),
      requirements: [
        { when: { kind: 'category', in: ['shop'] }, required: true, min: 2, max: 3 },
        { required: false, max: 3 },
      ],
    },
    {
      id: 'harm_proof',
      label: t('피해 자료', 'Proof of harm'),
      requirements: [{ when: { kind: 'answer', question: 'harmed', op: 'equals', value: 'yes' }, required: true }],
    },
  ],
  damages: {
    categories: [
      {
        id: 'consolation',
        label: t('위자료', 'Consolation'),
        mode: 'fixed',
        fixedAmount: 100_000,
        when: { kind: 'category', in: ['person'] },
      },
      { id: 'lost_revenue', label: t('영업 손실', 'Lost revenue'), mode: 'itemised', when: { kind: 'category', in: ['shop'] } },
      { id: 'other', label: t('기타', 'Other'), mode: 'itemised' },
    ],
    helpers: [
      {
        id: 'seats',
        label: t('좌석 × 요금 × 시간', 'Seats × rate × hours'),
        category: 'lost_revenue',
        inputs: [
          { id: 'seats', kind: 'integer', label: t('좌석', 'Seats'), min: 1, max: 100, default: { kind: 'answer', question: 'seats' } },
          { id: 'rate', kind: 'money', label: t('요금', 'Rate'), max: 100_000 },
          {
            id: 'hours',
            kind: 'number',
            label: t('시간', 'Hours'),
            min: 0,
            default: { kind: 'hours_between', from: 'opened_at', to: 'closed_at' },
          },
        ],
        formula: 'seats * rate * hours',
      },
    ],
  },
  dimensions: [
    { id: 'category', source: { kind: 'category' }, uses: ['dashboard', 'filter'] },
    { id: 'harmed', source: { kind: 'question', question: 'harmed' }, uses: ['dashboard', 'filter', 'export'] },
  ],
};

export const SMALL = defineClaim(SMALL_INPUT);

/** A deep copy to break in a test. */
export function smallInput(): ClaimDefinitionInput {
  return structuredClone(SMALL_INPUT);
}
