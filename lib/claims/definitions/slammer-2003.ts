import { defineClaim, type ClaimDefinitionInput } from '../definition-schema';
import { options, t, worded } from './text';

/**
 * The SQL Slammer suit (25 January 2003), re-expressed as a definition: today's questionnaire
 * (lib/intake steps and schemas, lib/statements/questionnaire) and damages helpers
 * (lib/intake/damage-calc) as data, with the same option ids, bounds and statement wording, so
 * the existing claims move onto it with nothing lost. Identity (name, birth date, phone, address,
 * region, business details) stays in the claimant's columns, outside the definition.
 */

const BULLETINS = [
  { id: 'ms02_039', name: 'MS02-039', publishedOn: '2002-07-24' },
  { id: 'ms02_056', name: 'MS02-056', publishedOn: '2002-10-02' },
  { id: 'ms02_061', name: 'MS02-061', publishedOn: '2002-10-16' },
] as const;

const ranSqlServer = { kind: 'answer', question: 'ran_sql_server', op: 'equals', value: 'yes' } as const;
const warned = { kind: 'answer', question: 'warned', op: 'equals', value: 'yes' } as const;
const outageWindow = {
  notBefore: { kind: 'event', event: 'slammer_start', offsetDays: -1 },
  notAfter: { kind: 'event', event: 'slammer_start', offsetDays: 31 },
} as const;

type Steps = ClaimDefinitionInput['steps'];
type Blocks = ClaimDefinitionInput['statement']['blocks'];

const patchQuestions: Steps[number]['questions'] = BULLETINS.flatMap((bulletin) => [
  {
    id: `${bulletin.id}_status`,
    type: 'single_choice' as const,
    required: true,
    label: t(
      `${bulletin.name} (${bulletin.publishedOn} 공개) 패치를 적용하셨나요?`,
      `Did you apply the ${bulletin.name} patch (published ${bulletin.publishedOn})?`,
    ),
    options: options(
      ['applied', '적용했습니다', 'Applied'],
      ['not_applied', '적용하지 않았습니다', 'Not applied'],
      ['unsure', '모르겠습니다', 'I do not know'],
    ),
    showIf: ranSqlServer,
  },
  {
    id: `${bulletin.id}_applied_on`,
    type: 'date' as const,
    required: true,
    label: t(`${bulletin.name} 적용 날짜`, `Date ${bulletin.name} was applied`),
    showIf: { kind: 'answer' as const, question: `${bulletin.id}_status`, op: 'equals' as const, value: 'applied' },
    notBefore: { kind: 'event' as const, event: bulletin.id },
    notAfter: { kind: 'today' as const },
  },
]);

const patchBlocks: Blocks = BULLETINS.flatMap((bulletin, index) => {
  const when = (status: string) => ({ kind: 'answer' as const, question: `${bulletin.id}_status`, op: 'equals' as const, value: status });
  const heading = index === 0 ? { heading: t('보안 패치', 'Security patches') } : {};
  const published = { ko: `{{event.${bulletin.id}}} 공개`, en: `published {{event.${bulletin.id}}}` };
  return [
    {
      id: `${bulletin.id}_applied`,
      ...heading,
      text: t(
        `- ${bulletin.name}(${published.ko}): {{${bulletin.id}_applied_on}}에 적용하였습니다.`,
        `- ${bulletin.name} (${published.en}): applied on {{${bulletin.id}_applied_on}}.`,
      ),
      showIf: { kind: 'all' as const, conditions: [ranSqlServer, when('applied')] },
    },
    {
      id: `${bulletin.id}_not_applied`,
      ...heading,
      text: t(`- ${bulletin.name}(${published.ko}): 적용하지 않았습니다.`, `- ${bulletin.name} (${published.en}): not applied.`),
      showIf: { kind: 'all' as const, conditions: [ranSqlServer, when('not_applied')] },
    },
    {
      id: `${bulletin.id}_unsure`,
      ...heading,
      text: t(
        `- ${bulletin.name}(${published.ko}): 적용 여부를 알지 못합니다.`,
        `- ${bulletin.name} (${published.en}): the declarant does not know whether it was applied.`,
      ),
      showIf: { kind: 'all' as const, conditions: [ranSqlServer, when('unsure')] },
    },
  ];
});

const administrators = [
  ['self', '서버는 진술인이 직접 관리하였습니다.', 'The declarant ran the server personally.'],
  ['employee', '서버는 진술인의 직원이 관리하였습니다.', 'An employee of the declarant ran the server.'],
  ['contractor', '서버는 외부 관리 업체가 관리하였습니다.', 'An outside IT contractor ran the server.'],
  ['hosting_provider', '서버는 호스팅 업체가 관리하였습니다.', 'A hosting company ran the server.'],
  ['other', '서버는 다음 사람 또는 회사가 관리하였습니다: {{administered_by.other}}.', 'The server was run by {{administered_by.other}}.'],
] as const;

export const SLAMMER_2003_INPUT: ClaimDefinitionInput = {
  key: 'slammer-2003',
  version: 1,
  title: t('SQL 슬래머 인터넷 대란 손해배상 청구', 'SQL Slammer internet outage claim'),
  currency: 'KRW',
  jurisdiction: 'KR',
  timeZone: 'Asia/Seoul',
  timeline: [
    ...BULLETINS.map((bulletin) => ({
      id: bulletin.id,
      at: bulletin.publishedOn,
      label: t(`${bulletin.name} 보안 패치 공개`, `${bulletin.name} security patch published`),
    })),
    { id: 'slammer_start', at: '2003-01-25T14:30', label: t('슬래머 확산 시작', 'Slammer starts spreading') },
  ],
  categories: [
    {
      id: 'home_subscriber',
      label: t('가정 가입자', 'Home subscriber'),
      description: t('집에서 초고속인터넷을 쓰다가 서비스가 끊겼습니다.', 'Your broadband at home went down.'),
    },
    {
      id: 'pc_bang',
      label: t('PC방 업주', 'PC-bang owner'),
      description: t('PC방 영업을 못 해 매출을 잃었습니다.', 'Your PC-bang could not do business and lost revenue.'),
      isBusiness: true,
    },
    {
      id: 'online_shop',
      label: t('온라인 쇼핑몰', 'Online shop'),
      description: t('쇼핑몰 주문과 결제가 멈춰 매출을 잃었습니다.', 'Orders and payments stopped and you lost sales.'),
      isBusiness: true,
    },
    {
      id: 'server_operator',
      label: t('서버 운영자', 'Server operator'),
      description: t('SQL Server나 MSDE로 서버를 직접 운영했습니다.', 'You ran a server with SQL Server or MSDE yourself.'),
      businessOptional: true,
    },
    {
      id: 'other',
      label: t('기타', 'Other'),
      description: t('위에 없는 다른 피해입니다.', 'A different kind of loss.'),
      businessOptional: true,
    },
  ],
  steps: [
    {
      id: 'connection',
      title: t('인터넷 회선', 'Your internet line'),
      lead: t('2003년 1월 25일 당시 쓰던 인터넷 회선을 알려 주세요.', 'Tell us about the internet line you used on 25 January 2003.'),
      questions: [
        {
          id: 'pc_bang_seats',
          type: 'number',
          integer: true,
          min: 1,
          max: 2000,
          required: true,
          label: t('PC방 좌석 수', 'Seats in the PC-bang'),
          help: t('2003년 1월 당시 손님이 쓸 수 있던 PC 대수', 'PCs available to customers in January 2003'),
          showIf: { kind: 'category', in: ['pc_bang'] },
        },
        {
          id: 'isp',
          type: 'single_choice',
          required: true,
          allowOther: true,
          label: t('통신사', 'Provider'),
          help: t('당시 초고속인터넷 요금을 내던 회사입니다.', 'The company you paid for broadband then.'),
          options: options(
            ['kt', 'KT (메가패스)', 'KT (Megapass)'],
            ['hanaro', '하나로통신', 'Hanaro Telecom'],
            ['thrunet', '두루넷', 'Thrunet'],
            ['dacom', '데이콤', 'Dacom'],
            ['onse', '온세통신', 'Onse Telecom'],
            ['dreamline', '드림라인', 'Dreamline'],
            ['powercomm', '파워콤', 'Powercomm'],
          ),
        },
        {
          id: 'line_type',
          type: 'single_choice',
          required: true,
          label: t('회선 종류', 'Line type'),
          options: options(
            ['adsl', 'ADSL', 'ADSL'],
            ['vdsl', 'VDSL', 'VDSL'],
            ['cable', '케이블 모뎀', 'Cable modem'],
            ['apartment_lan', '아파트 랜', 'Apartment LAN'],
            ['leased_line', '전용회선', 'Leased line'],
            ['dialup', '전화 접속', 'Dial-up'],
            ['other', '기타', 'Other'],
          ),
        },
        {
          id: 'same_as_home',
          type: 'yes_no_unsure',
          required: true,
          label: t('회선을 쓰던 곳이 본인 정보에 적은 주소와 같나요?', 'Was the line at the address you gave as yours?'),
        },
        {
          id: 'service_address',
          type: 'short_text',
          required: true,
          label: t('회선을 쓰던 곳의 주소', 'Address of the line'),
          help: t('PC방이나 사무실처럼 집이 아닌 곳이면 적어 주세요.', 'If it was somewhere else, such as a PC-bang or an office.'),
          showIf: { kind: 'answer', question: 'same_as_home', op: 'not_equals', value: 'yes' },
        },
        {
          id: 'monthly_fee',
          type: 'money',
          required: true,
          max: 10_000_000,
          label: t('월 이용요금 (원)', 'Monthly fee (KRW)'),
          help: t('예: 35,000. 정확하지 않으면 대략적인 금액도 괜찮습니다.', 'e.g. 35,000. An approximate amount is fine.'),
        },
      ],
    },
    {
      id: 'outage',
      title: t('장애 시간', 'The outage'),
      lead: t(
        '인터넷이 끊긴 때와 다시 된 때, 그리고 무엇이 멈췄는지 알려 주세요.',
        'When your internet went down, when it came back, and what stopped.',
      ),
      questions: [
        {
          id: 'outage_started_at',
          type: 'datetime',
          required: true,
          label: t('인터넷이 끊긴 때', 'When the internet went down'),
          help: t('한국 시각입니다.', 'Korean time.'),
          ...outageWindow,
        },
        {
          id: 'outage_ended_at',
          type: 'datetime',
          required: true,
          label: t('다시 된 때', 'When it came back'),
          help: t('정확히 모르면 가장 가까운 시각을 골라 주세요.', 'If you are not sure, choose the closest time you remember.'),
          notBefore: { kind: 'answer', question: 'outage_started_at' },
          notAfter: outageWindow.notAfter,
        },
        {
          id: 'impacts',
          type: 'multiple_choice',
          required: true,
          minSelected: 1,
          label: t('무엇이 멈췄나요?', 'What stopped?'),
          help: t('해당하는 것을 모두 골라 주세요.', 'Choose all that apply.'),
          options: options(
            ['no_internet', '인터넷이 아예 안 됐습니다', 'No internet at all'],
            ['slow_internet', '인터넷이 매우 느렸습니다', 'The internet was very slow'],
            ['business_closed', '가게 문을 닫거나 손님을 돌려보냈습니다', 'I closed or sent customers away'],
            ['sales_stopped', '온라인 판매나 결제가 멈췄습니다', 'Online sales or payments stopped'],
            ['games_down', '온라인 게임 접속이 안 됐습니다', 'Online games could not connect'],
            ['server_attacked', '제 서버가 감염되거나 공격에 쓰였습니다', 'My server was infected or used in the attack'],
            ['other', '기타', 'Other'],
          ),
        },
        { id: 'outage_note', type: 'long_text', maxLength: 1000, label: t('더 적을 내용', 'Anything to add') },
      ],
    },
    {
      id: 'statement',
      title: t('패치 상태 질문', 'Patch-status questions'),
      lead: t(
        '서버 운영과 보안 패치, 경고를 받았는지에 관한 질문입니다. 답을 바탕으로 진술서를 만듭니다.',
        'Questions about servers, security patches and warnings. Your answers become your statement.',
      ),
      questions: [
        {
          id: 'ran_sql_server',
          type: 'yes_no_unsure',
          required: true,
          label: t(
            '2003년 1월 25일 당시 SQL Server 2000이나 MSDE 2000을 쓰셨나요?',
            'On 25 January 2003, did you run SQL Server 2000 or MSDE 2000?',
          ),
          help: t(
            "가정 가입자라면 대부분 '아니요'입니다. MSDE는 일부 프로그램에 함께 설치되기도 했습니다.",
            'Most home subscribers answer no. MSDE sometimes came installed with other programs.',
          ),
        },
        {
          id: 'products',
          type: 'multiple_choice',
          required: true,
          minSelected: 1,
          allowOther: true,
          label: t('어떤 제품이었나요?', 'Which product?'),
          options: options(['sql_server_2000', 'SQL Server 2000', 'SQL Server 2000'], ['msde_2000', 'MSDE 2000', 'MSDE 2000']),
          showIf: ranSqlServer,
        },
        ...patchQuestions,
        {
          id: 'administered_by',
          type: 'single_choice',
          required: true,
          allowOther: true,
          label: t('서버는 누가 관리했나요?', 'Who ran the server?'),
          options: options(
            ['self', '제가 직접', 'I did'],
            ['employee', '직원', 'An employee'],
            ['contractor', '외부 관리 업체', 'An outside IT contractor'],
            ['hosting_provider', '호스팅 업체', 'A hosting company'],
          ),
          showIf: ranSqlServer,
        },
        {
          id: 'warned',
          type: 'yes_no_unsure',
          required: true,
          label: t(
            '2003년 1월 25일 전에 이 취약점이나 패치에 관해 경고를 받으셨나요?',
            'Before 25 January 2003, were you warned about this flaw or its patch?',
          ),
          help: t(
            '마이크로소프트나 통신사, 정부 기관 등에서 받은 안내를 말합니다.',
            'A notice from Microsoft, your provider, a government agency or anyone else.',
          ),
        },
        {
          id: 'warned_by',
          type: 'multiple_choice',
          required: true,
          minSelected: 1,
          allowOther: true,
          label: t('누가 경고했나요?', 'Who warned you?'),
          options: worded(
            ['microsoft', '마이크로소프트', 'Microsoft', '마이크로소프트', 'Microsoft'],
            ['isp', '통신사', 'My internet provider', '통신사', 'the internet provider'],
            ['government', '정부 기관', 'A government agency', '정부 기관', 'a government agency'],
            [
              'reseller',
              '판매·유지보수 업체',
              'A reseller or maintenance company',
              '판매·유지보수 업체',
              'a reseller or maintenance company',
            ],
          ),
          showIf: warned,
        },
        {
          id: 'warned_on',
          type: 'date',
          required: true,
          label: t('경고를 받은 날짜', 'Date of the warning'),
          showIf: warned,
          notBefore: { kind: 'event', event: 'ms02_039' },
          notAfter: { kind: 'today' },
        },
        {
          id: 'warned_how',
          type: 'multiple_choice',
          required: true,
          minSelected: 1,
          label: t('어떻게 받았나요?', 'How?'),
          options: worded(
            ['email', '이메일', 'Email', '이메일', 'email'],
            ['website', '웹사이트 공지', 'A website notice', '웹사이트 공지', 'a website notice'],
            ['isp_notice', '통신사 안내문', 'A notice from the provider', '통신사 안내문', 'a notice from the provider'],
            ['other', '기타', 'Another way', '기타 방법', 'another way'],
          ),
          showIf: warned,
        },
        {
          id: 'free_text',
          type: 'long_text',
          maxLength: 3000,
          label: t('더 말씀하실 내용', 'Anything else you want to say'),
          help: t('진술서 끝에 그대로 들어갑니다.', 'It goes at the end of your statement as you write it.'),
        },
      ],
    },
  ],
  statement: {
    title: t('진술서 (보안 패치 적용 상태)', 'Statement on the security patch status'),
    preamble: t(
      '사건: {{case.title}}\n진술인: {{signer.name}} ({{category}})',
      'Case: {{case.title}}\nDeclarant: {{signer.name}} ({{category}})',
    ),
    blocks: [
      {
        id: 'connection',
        heading: t('인터넷 회선과 장애', 'Internet line and outage'),
        text: t(
          '진술인은 2003년 1월 25일 당시 다음 인터넷 회선을 이용하였습니다: {{isp}}, {{line_type}}.',
          'On 25 January 2003 the declarant used a {{line_type}} line from {{isp}}.',
        ),
      },
      {
        id: 'outage',
        inline: true,
        text: t(
          '인터넷 서비스는 {{outage_started_at}}에 끊겼고 {{outage_ended_at}}에 복구되었습니다.',
          'The internet service went down at {{outage_started_at}} and came back at {{outage_ended_at}}.',
        ),
        showIf: {
          kind: 'all',
          conditions: [
            { kind: 'answer', question: 'outage_started_at', op: 'answered' },
            { kind: 'answer', question: 'outage_ended_at', op: 'answered' },
          ],
        },
      },
      {
        id: 'ran_yes',
        heading: t('SQL Server 운영 여부', 'Running SQL Server'),
        text: t('진술인은 당시 다음 제품을 운영하였습니다: {{products}}.', 'At the time the declarant ran {{products}}.'),
        showIf: ranSqlServer,
      },
      ...administrators.map(([id, ko, en]) => ({
        id: `administered_${id}`,
        inline: true,
        text: t(ko, en),
        showIf: {
          kind: 'all' as const,
          conditions: [ranSqlServer, { kind: 'answer' as const, question: 'administered_by', op: 'equals' as const, value: id }],
        },
      })),
      {
        id: 'ran_no',
        heading: t('SQL Server 운영 여부', 'Running SQL Server'),
        text: t(
          '진술인은 당시 SQL Server 2000이나 MSDE 2000을 운영하지 않았습니다.',
          'At the time the declarant did not run SQL Server 2000 or MSDE 2000.',
        ),
        showIf: { kind: 'answer', question: 'ran_sql_server', op: 'equals', value: 'no' },
      },
      {
        id: 'ran_unsure',
        heading: t('SQL Server 운영 여부', 'Running SQL Server'),
        text: t(
          '진술인은 당시 SQL Server 2000이나 MSDE 2000을 운영했는지 알지 못합니다.',
          'The declarant does not know whether SQL Server 2000 or MSDE 2000 was running at the time.',
        ),
        showIf: { kind: 'answer', question: 'ran_sql_server', op: 'equals', value: 'unsure' },
      },
      ...patchBlocks,
      {
        id: 'warned_yes',
        heading: t('사전 경고', 'Warnings beforehand'),
        text: t(
          '진술인은 {{warned_on}}에 이 취약점에 관한 경고를 받았습니다. 경고한 곳: {{warned_by}}. 받은 방법: {{warned_how}}.',
          'On {{warned_on}} the declarant was warned about this flaw by {{warned_by}}, by {{warned_how}}.',
        ),
        showIf: warned,
      },
      {
        id: 'warned_no',
        heading: t('사전 경고', 'Warnings beforehand'),
        text: t(
          '진술인은 2003년 1월 25일 전에 이 취약점이나 패치에 관하여 누구로부터도 경고를 받지 못하였습니다.',
          'Before 25 January 2003 the declarant received no warning from anyone about this flaw or its patch.',
        ),
        showIf: { kind: 'answer', question: 'warned', op: 'equals', value: 'no' },
      },
      {
        id: 'warned_unsure',
        heading: t('사전 경고', 'Warnings beforehand'),
        text: t(
          '진술인은 2003년 1월 25일 전에 이 취약점에 관한 경고를 받았는지 기억하지 못합니다.',
          'The declarant does not remember whether a warning about this flaw was received before 25 January 2003.',
        ),
        showIf: { kind: 'answer', question: 'warned', op: 'equals', value: 'unsure' },
      },
      {
        id: 'free_text',
        heading: t('추가 진술', 'Further statement'),
        text: t('{{free_text}}', '{{free_text}}'),
        showIf: { kind: 'answer', question: 'free_text', op: 'answered' },
      },
      {
        id: 'free_text_none',
        heading: t('추가 진술', 'Further statement'),
        text: t('없음', 'None.'),
        showIf: { kind: 'answer', question: 'free_text', op: 'not_answered' },
      },
    ],
    affirmation: t('진술인은 위 내용이 사실과 다름없음을 확인합니다.', 'The declarant confirms that the above is true.'),
  },
  evidenceKinds: [
    { id: 'isp_bill', label: t('통신 요금 청구서', 'ISP bill'), requirements: [{ required: false, max: 20 }] },
    { id: 'screenshot', label: t('화면 캡처·사진', 'Screenshot or photo'), requirements: [{ required: false, max: 20 }] },
    { id: 'revenue_record', label: t('매출 기록', 'Revenue record'), requirements: [{ required: false, max: 20 }] },
    { id: 'outage_log', label: t('장애 기록', 'Outage log'), requirements: [{ required: false, max: 20 }] },
    { id: 'other', label: t('기타', 'Other'), requirements: [{ required: false, max: 20 }] },
  ],
  minEvidenceTotal: 1,
  damages: {
    categories: [
      { id: 'service_fee', label: t('장애 기간 이용요금', 'Fees for the outage period'), mode: 'itemised' },
      { id: 'lost_revenue', label: t('영업 손실', 'Lost revenue'), mode: 'itemised' },
      { id: 'lost_sales', label: t('매출 손실', 'Lost sales'), mode: 'itemised' },
      { id: 'recovery_cost', label: t('복구 비용', 'Recovery costs'), mode: 'itemised' },
      { id: 'data_loss', label: t('데이터 손실', 'Data loss'), mode: 'itemised' },
      { id: 'other', label: t('기타', 'Other'), mode: 'itemised' },
    ],
    helpers: [
      {
        id: 'pro_rata',
        label: t('계산 도우미: 이용요금 일할 계산', 'Helper: fee for the hours without service'),
        explain: t('월 요금 × 장애 시간 ÷ 720시간(30일)', 'monthly fee × hours of outage ÷ 720 hours (30 days)'),
        category: 'service_fee',
        inputs: [
          {
            id: 'monthly_fee',
            kind: 'money',
            label: t('월 요금 (원)', 'Monthly fee (KRW)'),
            min: 0,
            max: 10_000_000,
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
        id: 'seats',
        label: t('계산 도우미: 좌석 × 시간당 요금 × 시간', 'Helper: seats × hourly rate × hours'),
        explain: t('좌석 수 × 시간당 이용료 × 영업하지 못한 시간', 'seats × hourly rate × hours you could not do business'),
        category: 'lost_revenue',
        inputs: [
          {
            id: 'seats',
            kind: 'integer',
            label: t('좌석 수', 'Seats'),
            min: 1,
            max: 2000,
            default: { kind: 'answer', question: 'pc_bang_seats' },
          },
          { id: 'hourly_rate', kind: 'money', label: t('시간당 요금 (원)', 'Hourly rate (KRW)'), min: 0, max: 100_000 },
          {
            id: 'hours',
            kind: 'number',
            label: t('시간', 'Hours'),
            min: 0,
            max: 24 * 62,
            default: { kind: 'hours_between', from: 'outage_started_at', to: 'outage_ended_at' },
          },
        ],
        formula: 'seats * hourly_rate * hours',
      },
      {
        id: 'daily_sales',
        label: t('계산 도우미: 하루 평균 매출 × 일수', 'Helper: average daily sales × days'),
        explain: t('평소 하루 매출 × 판매하지 못한 일수', 'usual sales per day × days you could not sell'),
        category: 'lost_sales',
        inputs: [
          { id: 'daily_sales', kind: 'money', label: t('하루 평균 매출 (원)', 'Average daily sales (KRW)'), min: 0, max: 10_000_000_000 },
          { id: 'days', kind: 'number', label: t('일수', 'Days'), min: 0, max: 62 },
        ],
        formula: 'daily_sales * days',
      },
    ],
    maxItems: 30,
    maxItemAmount: 100_000_000_000,
    requireAmount: true,
  },
  dimensions: [
    { id: 'category', source: { kind: 'category' }, uses: ['dashboard', 'filter', 'export', 'party_list'] },
    { id: 'isp', source: { kind: 'question', question: 'isp' }, uses: ['dashboard', 'filter', 'export', 'party_list'] },
    { id: 'line_type', source: { kind: 'question', question: 'line_type' }, uses: ['filter', 'export', 'party_list'] },
    { id: 'ran_sql_server', source: { kind: 'question', question: 'ran_sql_server' }, uses: ['filter', 'export'] },
    { id: 'warned', source: { kind: 'question', question: 'warned' }, uses: ['filter', 'export'] },
  ],
};

export const SLAMMER_2003 = defineClaim(SLAMMER_2003_INPUT);
