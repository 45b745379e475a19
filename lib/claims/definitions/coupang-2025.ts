import { defineClaim } from '../definition-schema';
import { options, t } from './text';

/**
 * The 2025 Coupang personal-data breach (/shared/case/coupang-2025.md): account holders (minors
 * through a legal guardian) and marketplace sellers; dates of harm bound to the start of the
 * unauthorised access (2025-06-24); a fixed 위자료 per person set by counsel plus optional
 * itemised losses. Allegations are stated as allegations.
 */
export const COUPANG_2025 = defineClaim({
  key: 'coupang-2025',
  version: 1,
  title: t('쿠팡 개인정보 유출 손해배상 청구', 'Coupang personal-data breach claim'),
  currency: 'KRW',
  jurisdiction: 'KR',
  timeZone: 'Asia/Seoul',
  timeline: [
    { id: 'breach_start', at: '2025-06-24', label: t('무단 접근이 시작된 날(쿠팡 발표)', 'unauthorised access began (per Coupang)') },
    { id: 'breach_aware', at: '2025-11-18', label: t('쿠팡이 유출을 알고 신고한 날', 'Coupang learned of the breach and reported it') },
    { id: 'disclosure', at: '2025-11-29', label: t('약 3,370만 계정 유출 발표', 'disclosure of about 33.7 million accounts') },
  ],
  categories: [
    {
      id: 'member',
      label: t('쿠팡 회원', 'Coupang customer'),
      description: t(
        '쿠팡 계정으로 물건을 산 분입니다. 미성년자는 법정대리인(부모)이 대신 신청합니다.',
        'You shopped with a Coupang account. A minor joins through a parent as legal guardian.',
      ),
      allowsMinorWithGuardian: true,
    },
    {
      id: 'seller',
      label: t('마켓플레이스 판매자', 'Marketplace seller'),
      description: t('쿠팡에서 물건을 판 사업자입니다.', 'You sell on Coupang’s marketplace as a business.'),
      isBusiness: true,
    },
  ],
  steps: [
    {
      id: 'account',
      title: t('쿠팡 계정', 'Your Coupang account'),
      lead: t('유출된 계정을 찾는 데 쓰는 정보입니다.', 'This identifies the account whose data was exposed.'),
      questions: [
        {
          id: 'account_email',
          type: 'short_text',
          required: true,
          maxLength: 200,
          label: t('계정에 쓴 이메일', 'E-mail address of the account'),
        },
        {
          id: 'account_phone',
          type: 'short_text',
          maxLength: 30,
          label: t('계정에 등록한 휴대전화', 'Mobile number on the account'),
          help: t('본인 정보의 번호와 다를 때만 적어 주세요.', 'Only if it differs from the number you gave as yours.'),
        },
        {
          id: 'member_since',
          type: 'date',
          label: t('가입한 때(대략)', 'Member since (roughly)'),
          help: t('계정 화면의 가입일을 보고 적어 주세요.', 'See the account page for the date you joined.'),
          notAfter: { kind: 'event', event: 'disclosure' },
        },
        {
          id: 'wow_member',
          type: 'yes_no_unsure',
          label: t('와우 멤버십 회원이었나요?', 'Were you a Wow member?'),
          showIf: { kind: 'category', in: ['member'] },
        },
        {
          id: 'store_name',
          type: 'short_text',
          required: true,
          label: t('쿠팡 판매자 상점 이름', 'Your store name on Coupang'),
          showIf: { kind: 'category', in: ['seller'] },
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
          label: t(
            '쿠팡에서 개인정보 유출 통지(문자·이메일)를 받으셨나요?',
            'Did Coupang notify you of the breach (text message or e-mail)?',
          ),
        },
        {
          id: 'notice_date',
          type: 'date',
          required: true,
          label: t('통지를 받은 날', 'When the notice arrived'),
          showIf: { kind: 'answer', question: 'notice_received', op: 'equals', value: 'yes' },
          notBefore: { kind: 'event', event: 'breach_aware' },
          notAfter: { kind: 'today' },
        },
        {
          id: 'notice_channels',
          type: 'multiple_choice',
          required: true,
          minSelected: 1,
          allowOther: true,
          label: t('어떻게 받으셨나요?', 'How did it arrive?'),
          options: options(
            ['sms', '문자', 'Text message'],
            ['email', '이메일', 'E-mail'],
            ['app', '쿠팡 앱 알림', 'Coupang app notification'],
          ),
          showIf: { kind: 'answer', question: 'notice_received', op: 'equals', value: 'yes' },
        },
      ],
    },
    {
      id: 'exposure',
      title: t('유출된 정보', 'What was exposed'),
      questions: [
        {
          id: 'exposed_items',
          type: 'multiple_choice',
          required: true,
          minSelected: 1,
          label: t(
            '통지나 계정 화면으로 보아 어떤 정보가 유출되었나요?',
            'Which of your data was exposed, from the notice or your account?',
          ),
          help: t('해당하는 것을 모두 골라 주세요.', 'Choose all that apply.'),
          options: options(
            ['name', '이름', 'Name'],
            ['email', '이메일 주소', 'E-mail address'],
            ['phone', '전화번호', 'Phone number'],
            ['address_book', '배송지 주소록', 'Shipping address book'],
            ['order_history', '주문 내역', 'Order history'],
            ['entrance_code', '공동현관 비밀번호(배송 요청사항)', 'Building entrance code (in delivery notes)'],
          ),
        },
        {
          id: 'entrance_code_changed',
          type: 'yes_no_unsure',
          label: t('유출 뒤 공동현관 비밀번호를 바꾸셨나요?', 'Did you change the entrance code after the breach?'),
          showIf: { kind: 'answer', question: 'exposed_items', op: 'includes', value: ['entrance_code'] },
        },
      ],
    },
    {
      id: 'harm',
      title: t('유출 뒤 겪은 일', 'What happened to you after the breach'),
      lead: t(
        '2025년 6월 24일 무단 접근이 시작된 뒤의 일만 적어 주세요.',
        'Only what happened after the unauthorised access began on 24 June 2025.',
      ),
      questions: [
        {
          id: 'harm_suffered',
          type: 'yes_no_unsure',
          required: true,
          label: t(
            '스미싱, 피싱 전화, 스팸처럼 유출 뒤 피해를 겪으셨나요?',
            'Since the breach, have you had smishing, phishing calls, spam or other harm?',
          ),
        },
        {
          id: 'harm_kinds',
          type: 'multiple_choice',
          required: true,
          minSelected: 1,
          allowOther: true,
          label: t('어떤 피해였나요?', 'What kind of harm?'),
          options: options(
            ['smishing', '스미싱 문자', 'Smishing texts'],
            ['phishing_calls', '피싱 전화', 'Phishing calls'],
            ['spam', '스팸 문자·메일 증가', 'More spam'],
            ['identity_misuse', '명의 도용', 'Misuse of my identity'],
            ['entrance_code_change', '공동현관 비밀번호 변경', 'Having to change the entrance code'],
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
        {
          id: 'police_report',
          type: 'yes_no_unsure',
          label: t('경찰에 신고하셨나요?', 'Did you report it to the police?'),
          showIf: { kind: 'answer', question: 'harm_kinds', op: 'includes', value: ['identity_misuse', 'smishing', 'phishing_calls'] },
        },
        {
          id: 'harm_description',
          type: 'long_text',
          maxLength: 3000,
          label: t('더 말씀하실 내용', 'Anything to add'),
          help: t('진술서에 그대로 들어갑니다.', 'This goes into your statement as written.'),
        },
        {
          id: 'heard_from',
          type: 'single_choice',
          allowOther: true,
          label: t('이 소송을 어디서 알게 되셨나요?', 'Where did you hear about this claim?'),
          options: options(
            ['cafe', '온라인 카페', 'Online café'],
            ['news', '뉴스', 'News'],
            ['sns', 'SNS', 'Social media'],
            ['friend', '지인', 'A friend'],
            ['civic_group', '시민단체', 'A civic group'],
          ),
        },
      ],
    },
  ],
  statement: {
    title: t('진술서 (쿠팡 개인정보 유출)', 'Statement (Coupang personal-data breach)'),
    preamble: t(
      '사건: {{case.title}}\n진술인: {{signer.name}} ({{category}})',
      'Case: {{case.title}}\nDeclarant: {{signer.name}} ({{category}})',
    ),
    blocks: [
      {
        id: 'guardian',
        text: t(
          '이 진술서는 미성년자 {{signer.name}}을(를) 대신하여 법정대리인 {{guardian.relation}} {{guardian.name}}이(가) 작성하고 서명합니다.',
          'This statement is made and signed for the minor {{signer.name}} by the legal guardian {{guardian.name}} ({{guardian.relation}}).',
        ),
        showIf: { kind: 'guardian' },
      },
      {
        id: 'account',
        heading: t('계정', 'The account'),
        text: t(
          '진술인은 이메일 주소 {{account_email}}로 가입한 쿠팡 계정의 명의자입니다.',
          'The declarant holds the Coupang account registered with the e-mail address {{account_email}}.',
        ),
      },
      {
        id: 'store',
        text: t('진술인은 쿠팡에서 "{{store_name}}" 상점을 운영합니다.', 'The declarant runs the store “{{store_name}}” on Coupang.'),
        showIf: { kind: 'category', in: ['seller'] },
      },
      {
        id: 'notice_yes',
        heading: t('유출 통지', 'The breach notice'),
        text: t(
          '진술인은 {{notice_date}}에 {{notice_channels}}(으)로 쿠팡의 개인정보 유출 통지를 받았습니다.',
          'On {{notice_date}} the declarant received Coupang’s breach notice by {{notice_channels}}.',
        ),
        showIf: { kind: 'answer', question: 'notice_received', op: 'equals', value: 'yes' },
      },
      {
        id: 'notice_no',
        heading: t('유출 통지', 'The breach notice'),
        text: t('진술인은 쿠팡으로부터 개인정보 유출 통지를 받지 못하였습니다.', 'The declarant received no breach notice from Coupang.'),
        showIf: { kind: 'answer', question: 'notice_received', op: 'equals', value: 'no' },
      },
      {
        id: 'notice_unsure',
        heading: t('유출 통지', 'The breach notice'),
        text: t(
          '진술인은 쿠팡의 개인정보 유출 통지를 받았는지 기억하지 못합니다.',
          'The declarant does not remember whether Coupang’s breach notice was received.',
        ),
        showIf: { kind: 'answer', question: 'notice_received', op: 'equals', value: 'unsure' },
      },
      {
        id: 'exposed',
        heading: t('유출된 정보', 'The data exposed'),
        text: t(
          '진술인이 아는 바로는 진술인의 다음 정보가 유출되었습니다: {{exposed_items}}.',
          'To the declarant’s knowledge, the following data of the declarant was exposed: {{exposed_items}}.',
        ),
      },
      {
        id: 'harm_yes',
        heading: t('유출 뒤의 피해', 'Harm after the breach'),
        text: t(
          '진술인은 {{first_harm_date}}부터 다음 피해를 겪었습니다: {{harm_kinds}}.',
          'Since {{first_harm_date}} the declarant has suffered: {{harm_kinds}}.',
        ),
        showIf: { kind: 'answer', question: 'harm_suffered', op: 'equals', value: 'yes' },
      },
      {
        id: 'harm_police',
        text: t('진술인은 이를 경찰에 신고하였습니다.', 'The declarant reported this to the police.'),
        showIf: { kind: 'answer', question: 'police_report', op: 'equals', value: 'yes' },
      },
      {
        id: 'harm_no',
        heading: t('유출 뒤의 피해', 'Harm after the breach'),
        text: t(
          '진술인은 지금까지 유출로 인한 별도의 피해를 알지 못합니다.',
          'The declarant knows of no further harm from the breach so far.',
        ),
        showIf: { kind: 'answer', question: 'harm_suffered', op: 'in', value: ['no', 'unsure'] },
      },
      {
        id: 'free_text',
        heading: t('추가 진술', 'Further statement'),
        text: t('{{harm_description}}', '{{harm_description}}'),
        showIf: { kind: 'answer', question: 'harm_description', op: 'answered' },
      },
    ],
    affirmation: t('진술인은 위 내용이 사실과 다름없음을 확인합니다.', 'The declarant confirms that the above is true.'),
  },
  evidenceKinds: [
    {
      id: 'notice_screenshot',
      label: t('유출 통지 화면', 'Screenshot of the breach notice'),
      help: t('문자나 이메일 화면을 캡처해 올려 주세요.', 'A screenshot of the text message or e-mail.'),
      requirements: [
        { when: { kind: 'answer', question: 'notice_received', op: 'equals', value: 'yes' }, required: true, min: 1, max: 5 },
        { required: false, max: 5 },
      ],
    },
    {
      id: 'account_screenshot',
      label: t('계정 화면', 'Screenshot of your account page'),
      help: t('이름과 가입일이 보이는 내 정보 화면입니다.', 'Your account page showing your name and member-since date.'),
      requirements: [{ required: true, min: 1, max: 3 }],
    },
    {
      id: 'harm_proof',
      label: t('피해 자료', 'Proof of the harm'),
      help: t('스미싱 문자, 통화 기록, 경찰 신고 접수증 같은 자료입니다.', 'Smishing texts, call logs, a police report receipt.'),
      requirements: [{ when: { kind: 'answer', question: 'harm_suffered', op: 'equals', value: 'yes' }, required: false, max: 20 }],
    },
    {
      id: 'business_registration',
      label: t('사업자등록증', 'Business registration certificate'),
      requirements: [{ when: { kind: 'category', in: ['seller'] }, required: true, min: 1, max: 1 }],
    },
  ],
  damages: {
    categories: [
      {
        id: 'consolation',
        label: t('위자료', 'Damages for distress (위자료)'),
        help: t('변호인단이 정한 1인당 금액입니다.', 'The amount per person set by counsel.'),
        mode: 'fixed',
        fixedAmount: 100_000,
      },
      {
        id: 'actual_loss',
        label: t('실제 손해', 'Actual losses'),
        help: t(
          '명의 도용 피해액, 잠금장치 교체 비용처럼 돈으로 잃은 것을 항목별로 적어 주세요.',
          'Money you lost, item by item: losses from identity misuse, replacing a lock.',
        ),
        mode: 'itemised',
      },
    ],
    helpers: [],
    maxItems: 20,
    requireAmount: true,
  },
  dimensions: [
    { id: 'category', source: { kind: 'category' }, uses: ['dashboard', 'filter', 'export', 'party_list'] },
    { id: 'notice_received', source: { kind: 'question', question: 'notice_received' }, uses: ['dashboard', 'filter', 'export'] },
    { id: 'exposed_items', source: { kind: 'question', question: 'exposed_items' }, uses: ['dashboard', 'filter', 'export'] },
    {
      id: 'heard_from',
      source: { kind: 'question', question: 'heard_from' },
      label: t('알게 된 경로', 'Source'),
      uses: ['dashboard', 'filter', 'export'],
    },
    { id: 'harm_suffered', source: { kind: 'question', question: 'harm_suffered' }, uses: ['dashboard', 'filter', 'export'] },
    { id: 'wow_member', source: { kind: 'question', question: 'wow_member' }, uses: ['filter', 'export'] },
    { id: 'account_email', source: { kind: 'question', question: 'account_email' }, uses: ['export'] },
  ],
});
