import { defineClaim } from '../../definition-schema';
import { options, t } from '../text';

/** Starting template: a defective product (a recall, a battery that swells, a part that fails). */
export const PRODUCT_DEFECT_TEMPLATE = defineClaim({
  key: 'template-product-defect',
  version: 1,
  title: t('제품 결함 손해배상 청구', 'Product defect claim'),
  currency: 'KRW',
  jurisdiction: 'KR',
  timeline: [{ id: 'first_sold', at: '2025-01-01', label: t('제품 판매 시작', 'the product went on sale') }],
  categories: [
    { id: 'buyer', label: t('구매자', 'Buyer'), allowsMinorWithGuardian: true },
    { id: 'business_buyer', label: t('사업자 구매자', 'Business buyer'), isBusiness: true },
  ],
  steps: [
    {
      id: 'product',
      title: t('제품', 'The product'),
      questions: [
        { id: 'model', type: 'short_text', required: true, label: t('모델명', 'Model') },
        { id: 'serial_number', type: 'short_text', label: t('일련번호', 'Serial number') },
        {
          id: 'purchase_date',
          type: 'date',
          required: true,
          label: t('산 날', 'Date of purchase'),
          notBefore: { kind: 'event', event: 'first_sold' },
          notAfter: { kind: 'today' },
        },
        { id: 'purchase_price', type: 'money', required: true, min: 0, label: t('산 가격', 'Price paid') },
        {
          id: 'purchase_channel',
          type: 'single_choice',
          allowOther: true,
          label: t('어디서 샀나요?', 'Where did you buy it?'),
          options: options(['store', '매장', 'A store'], ['online', '온라인', 'Online'], ['gift', '선물 받음', 'A gift']),
        },
      ],
    },
    {
      id: 'defect',
      title: t('결함과 피해', 'The defect and the harm'),
      questions: [
        {
          id: 'defect_kinds',
          type: 'multiple_choice',
          required: true,
          minSelected: 1,
          allowOther: true,
          label: t('어떤 문제가 있었나요?', 'What went wrong?'),
          options: options(
            ['stopped_working', '작동 멈춤', 'It stopped working'],
            ['overheating', '과열', 'Overheating'],
            ['fire', '화재·발화', 'Fire'],
            ['broke', '부서짐', 'It broke'],
          ),
        },
        {
          id: 'first_noticed',
          type: 'date',
          required: true,
          label: t('처음 알게 된 날', 'When you first noticed'),
          notBefore: { kind: 'answer', question: 'purchase_date' },
          notAfter: { kind: 'today' },
        },
        { id: 'injury', type: 'yes_no_unsure', required: true, label: t('다치신 분이 있나요?', 'Was anyone injured?') },
        {
          id: 'injury_description',
          type: 'long_text',
          required: true,
          label: t('어떻게 다치셨나요?', 'What were the injuries?'),
          showIf: { kind: 'answer', question: 'injury', op: 'equals', value: 'yes' },
        },
        { id: 'repaired', type: 'yes_no_unsure', label: t('수리하셨나요?', 'Did you have it repaired?') },
        {
          id: 'repair_cost',
          type: 'money',
          label: t('수리 비용', 'Repair cost'),
          showIf: { kind: 'answer', question: 'repaired', op: 'equals', value: 'yes' },
        },
      ],
    },
  ],
  statement: {
    title: t('진술서 (제품 결함)', 'Statement (product defect)'),
    preamble: t(
      '사건: {{case.title}}\n진술인: {{signer.name}} ({{category}})',
      'Case: {{case.title}}\nDeclarant: {{signer.name}} ({{category}})',
    ),
    blocks: [
      {
        id: 'purchase',
        heading: t('구매', 'The purchase'),
        text: t(
          '진술인은 {{purchase_date}}에 {{model}} 제품을 {{purchase_price}}에 샀습니다.',
          'On {{purchase_date}} the declarant bought a {{model}} for {{purchase_price}}.',
        ),
      },
      {
        id: 'defect',
        heading: t('결함', 'The defect'),
        text: t(
          '진술인은 {{first_noticed}}에 다음 문제를 알게 되었습니다: {{defect_kinds}}.',
          'On {{first_noticed}} the declarant noticed: {{defect_kinds}}.',
        ),
      },
      {
        id: 'injury',
        text: t('그로 인해 다친 사람이 있습니다: {{injury_description}}', 'People were injured: {{injury_description}}'),
        showIf: { kind: 'answer', question: 'injury', op: 'equals', value: 'yes' },
      },
      {
        id: 'repair',
        text: t('수리 비용으로 {{repair_cost}}을 썼습니다.', 'The repair cost {{repair_cost}}.'),
        showIf: { kind: 'answer', question: 'repair_cost', op: 'answered' },
      },
    ],
    affirmation: t('진술인은 위 내용이 사실과 다름없음을 확인합니다.', 'The declarant confirms that the above is true.'),
  },
  evidenceKinds: [
    { id: 'receipt', label: t('구매 영수증', 'Receipt'), requirements: [{ required: true, max: 3 }] },
    { id: 'defect_photo', label: t('결함 사진', 'Photo of the defect'), requirements: [{ required: true, max: 10 }] },
    {
      id: 'medical_record',
      label: t('진료 기록', 'Medical records'),
      requirements: [{ when: { kind: 'answer', question: 'injury', op: 'equals', value: 'yes' }, required: true, max: 20 }],
    },
    {
      id: 'repair_invoice',
      label: t('수리 영수증', 'Repair invoice'),
      requirements: [{ when: { kind: 'answer', question: 'repaired', op: 'equals', value: 'yes' }, required: false, max: 5 }],
    },
  ],
  damages: {
    categories: [
      { id: 'price', label: t('제품 가격', 'Price of the product'), mode: 'itemised' },
      { id: 'repair', label: t('수리 비용', 'Repair costs'), mode: 'itemised' },
      {
        id: 'injury',
        label: t('치료비', 'Medical costs'),
        mode: 'itemised',
        when: { kind: 'answer', question: 'injury', op: 'equals', value: 'yes' },
      },
    ],
    helpers: [
      {
        id: 'price_share',
        label: t('가격 × 비율', 'Price × share'),
        explain: t('산 가격 × 돌려받을 비율(%) ÷ 100', 'price paid × share to recover (%) ÷ 100'),
        category: 'price',
        inputs: [
          {
            id: 'price',
            kind: 'money',
            label: t('산 가격', 'Price paid'),
            min: 0,
            default: { kind: 'answer', question: 'purchase_price' },
          },
          { id: 'percent', kind: 'number', label: t('비율(%)', 'Share (%)'), min: 0, max: 100, default: { kind: 'value', value: 100 } },
        ],
        formula: 'price * percent / 100',
      },
    ],
  },
  dimensions: [
    { id: 'category', source: { kind: 'category' }, uses: ['dashboard', 'filter', 'export', 'party_list'] },
    { id: 'defect_kinds', source: { kind: 'question', question: 'defect_kinds' }, uses: ['dashboard', 'filter', 'export'] },
    { id: 'injury', source: { kind: 'question', question: 'injury' }, uses: ['dashboard', 'filter', 'export'] },
    { id: 'model', source: { kind: 'question', question: 'model' }, uses: ['export', 'party_list'] },
  ],
});
