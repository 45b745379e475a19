import type { ClaimLocale, Localized } from './definition-schema';
import type { ClaimIssue } from './types';

/**
 * The engine's messages in Korean and English. They live here, not in the app's catalogs, so a
 * fault found anywhere (an import, a test, the editor's live check) carries its own text; each
 * issue also has a stable `code` and its `params` for a caller that prefers its own catalog.
 */

type Params = Record<string, string | number | Localized>;
type Template = Record<ClaimLocale, string>;

const MESSAGES = {
  // Definition: shape
  invalid_shape: { ko: '형식이 맞지 않습니다: {detail}', en: 'This is not in the expected form: {detail}' },
  missing_value: { ko: '값이 필요합니다.', en: 'A value is required.' },
  invalid_id: {
    ko: 'id는 영문 소문자로 시작하고 소문자·숫자·밑줄(_)만 쓸 수 있습니다.',
    en: 'An id starts with a lowercase letter and has only lowercase letters, digits and underscores.',
  },
  missing_translation: { ko: '한국어와 영어 문구가 모두 필요합니다.', en: 'Both the Korean and the English text are needed.' },
  // Definition: references and consistency
  duplicate_id: { ko: '{kind} id "{id}"가 두 번 쓰였습니다.', en: 'The {kind} id "{id}" is used twice.' },
  unknown_question: { ko: '없는 질문 "{id}"을 가리킵니다.', en: 'This refers to a question "{id}" that does not exist.' },
  question_not_earlier: {
    ko: '질문 "{id}"은 이 항목보다 앞에 있어야 합니다. 조건과 범위는 앞에서 답한 것만 읽을 수 있습니다.',
    en: 'Question "{id}" must come before this one: conditions and bounds can only read earlier answers.',
  },
  unknown_category: { ko: '없는 신청인 유형 "{id}"을 가리킵니다.', en: 'This refers to a claimant category "{id}" that does not exist.' },
  unknown_option: { ko: '질문 "{question}"에는 "{option}" 보기가 없습니다.', en: 'Question "{question}" has no option "{option}".' },
  operator_mismatch: {
    ko: '질문 "{question}"({type})에는 "{op}" 조건을 쓸 수 없거나 비교할 값이 맞지 않습니다.',
    en: 'The condition "{op}" does not fit question "{question}" ({type}), or its value does not.',
  },
  condition_too_deep: {
    ko: '조건이 너무 깊게 겹쳐 있습니다(최대 {max}단계).',
    en: 'The condition is nested too deeply (at most {max} levels).',
  },
  condition_never_true: {
    ko: '이 조건은 어떤 신청인에게도 참이 될 수 없습니다.',
    en: 'This condition can never hold for any claimant.',
  },
  unknown_event: { ko: '사건 경과에 없는 "{id}"을 가리킵니다.', en: 'This refers to a timeline event "{id}" that does not exist.' },
  bound_not_date: {
    ko: '질문 "{id}"은 날짜나 일시가 아니어서 범위의 기준이 될 수 없습니다.',
    en: 'Question "{id}" is not a date or date-time, so it cannot bound a date.',
  },
  bound_self: { ko: '질문이 자기 자신을 범위의 기준으로 삼을 수 없습니다.', en: 'A question cannot bound itself.' },
  impossible_bound: {
    ko: '최솟값 {min}이 최댓값 {max}보다 커서 어떤 답도 맞을 수 없습니다.',
    en: 'The minimum {min} is above the maximum {max}: no answer could meet it.',
  },
  impossible_date_bound: {
    ko: '{notBefore} 이후이면서 {notAfter} 이전인 날짜는 없습니다.',
    en: 'No date is both on or after {notBefore} and on or before {notAfter}.',
  },
  category_without_steps: {
    ko: '신청인 유형 "{id}"에게 보이는 질문이 하나도 없습니다.',
    en: 'Claimants of category "{id}" would see no question at all.',
  },
  step_without_questions: { ko: '단계 "{id}"에 질문이 없습니다.', en: 'Step "{id}" has no questions.' },
  unknown_placeholder: {
    ko: '"{{{name}}}"은 채울 수 없는 자리표시입니다.',
    en: '"{{{name}}}" is not a placeholder that can be filled.',
  },
  formula_syntax: { ko: '계산식을 읽을 수 없습니다: {detail}', en: 'The formula cannot be read: {detail}' },
  formula_unknown_input: {
    ko: '계산식이 입력값에 없는 "{name}"을 씁니다.',
    en: 'The formula uses "{name}", which is not one of its inputs.',
  },
  formula_forbidden: {
    ko: '계산식에는 숫자, 입력값, + − × ÷ ^, 괄호와 {functions}만 쓸 수 있습니다("{what}"은 안 됩니다).',
    en: 'A formula may use only numbers, its inputs, + − × ÷ ^, brackets and {functions} (not "{what}").',
  },
  damages_unreachable: {
    ko: '손해 청구가 필수인데 신청인 유형 "{id}"에게는 청구할 수 있는 손해 항목이 없습니다.',
    en: 'Damages are required, but claimants of category "{id}" have no damages category to claim.',
  },
  unknown_damage_category: {
    ko: '없는 손해 항목 "{id}"을 가리킵니다.',
    en: 'This refers to a damages category "{id}" that does not exist.',
  },
  helper_on_fixed: {
    ko: '손해 항목 "{id}"은 고정 금액이어서 계산 도우미를 붙일 수 없습니다.',
    en: 'Damages category "{id}" is a fixed amount; a helper cannot fill it.',
  },
  fixed_without_amount: {
    ko: '고정 금액 항목에는 변호인단이 정한 금액이 필요합니다.',
    en: 'A fixed damages category needs the amount counsel set.',
  },
  dimension_unusable: {
    ko: '{type} 질문은 {use}의 기준으로 쓸 수 없습니다(보기가 정해진 질문만 됩니다).',
    en: 'A {type} question cannot be used for {use} (only questions with fixed options can).',
  },
  evidence_required_without_min: {
    ko: '필수 증거는 적어도 1개가 필요합니다(최소 개수가 0입니다).',
    en: 'Required evidence needs at least one file (the minimum is 0).',
  },
  unknown_time_zone: { ko: '알 수 없는 시간대 "{value}"입니다.', en: 'Unknown time zone "{value}".' },
  unknown_currency: { ko: '알 수 없는 통화 "{value}"입니다.', en: 'Unknown currency "{value}".' },
  invalid_wall_clock: { ko: '날짜 "{value}"가 달력에 없습니다.', en: 'The date "{value}" does not exist.' },
  // Answers
  required: { ko: '이 항목을 입력해 주세요.', en: 'Please answer this.' },
  choose: { ko: '하나를 골라 주세요.', en: 'Please choose one.' },
  not_a_number: { ko: '숫자로 적어 주세요.', en: 'Please enter a number.' },
  not_integer: { ko: '정수로 적어 주세요.', en: 'Please enter a whole number.' },
  invalid_money: { ko: '금액을 숫자로 적어 주세요. 예: {example}', en: 'Please enter an amount in digits, e.g. {example}.' },
  too_small: { ko: '{min} 이상이어야 합니다.', en: 'This must be at least {min}.' },
  too_large: { ko: '{max} 이하여야 합니다.', en: 'This must be at most {max}.' },
  too_short: { ko: '{min}자 이상 적어 주세요.', en: 'Please write at least {min} characters.' },
  too_long: { ko: '{max}자 이내로 적어 주세요.', en: 'Please keep this within {max} characters.' },
  invalid_date: { ko: '날짜를 YYYY-MM-DD 형식으로 골라 주세요.', en: 'Please choose a date (YYYY-MM-DD).' },
  invalid_datetime: { ko: '날짜와 시각을 골라 주세요.', en: 'Please choose a date and a time.' },
  date_too_early: { ko: '{date} 이후여야 합니다({reason}).', en: 'This must be on or after {date} ({reason}).' },
  date_too_late: { ko: '{date} 이전이어야 합니다({reason}).', en: 'This must be on or before {date} ({reason}).' },
  invalid_option: { ko: '보기 중에서 골라 주세요.', en: 'Please choose one of the options.' },
  other_required: { ko: '‘기타’의 내용을 적어 주세요.', en: 'Please say what “other” is.' },
  too_few_selected: { ko: '{min}개 이상 골라 주세요.', en: 'Please choose at least {min}.' },
  too_many_selected: { ko: '{max}개까지 고를 수 있습니다.', en: 'Please choose at most {max}.' },
  invalid_region: { ko: '목록에 있는 지역을 골라 주세요.', en: 'Please choose a region from the list.' },
  // Missing items
  missing_category: { ko: '신청인 유형을 고르지 않았습니다.', en: 'No claimant category chosen yet.' },
  missing_answer: { ko: '답하지 않은 질문: {label}', en: 'Not answered yet: {label}' },
  invalid_answer: { ko: '고쳐야 할 답: {label}', en: 'An answer to fix: {label}' },
  missing_evidence: { ko: '증거 자료가 더 필요합니다: {label} ({count}/{min}개)', en: 'More evidence needed: {label} ({count} of {min})' },
  too_much_evidence: { ko: '증거 자료가 너무 많습니다: {label} (최대 {max}개)', en: 'Too many files: {label} (at most {max})' },
  missing_evidence_total: {
    ko: '증거 자료를 {min}개 이상 올려 주세요(지금 {count}개).',
    en: 'Please upload more evidence: at least {min} in all (now {count}).',
  },
  missing_damages: { ko: '청구할 손해를 적지 않았습니다.', en: 'No damages claimed yet.' },
  // Damages
  invalid_damage_item: { ko: '손해 항목 {number}을 고쳐 주세요.', en: 'Please fix damages item {number}.' },
  damage_category_closed: { ko: '이 손해 항목은 이 신청에 해당하지 않습니다.', en: 'This damages category does not apply to this claim.' },
  too_many_items: { ko: '손해 항목은 {max}개까지 적을 수 있습니다.', en: 'At most {max} damages items.' },
  formula_failed: { ko: '계산할 수 없습니다. 입력값을 확인해 주세요.', en: 'This cannot be worked out; please check the inputs.' },
  // Differences between versions (for the editor's diff and the publish step)
  diff_added: { ko: '{area} 추가: {label}', en: '{area} added: {label}' },
  diff_removed: { ko: '{area} 삭제: {label}', en: '{area} removed: {label}' },
  diff_changed: { ko: '{area} 변경: {label} ({what})', en: '{area} changed: {label} ({what})' },
  diff_moved: { ko: '{area} 순서 변경: {label}', en: '{area} moved: {label}' },
  // A draft moved to a new version: what the claimant is told
  draft_category_removed: {
    ko: '고르신 신청인 유형 "{label}"이 없어졌습니다. 유형을 다시 골라 주세요.',
    en: 'The category you chose, “{label}”, no longer exists. Please choose again.',
  },
  draft_answer_dropped: {
    ko: '질문이 바뀌어 답을 다시 받아야 합니다: {label}',
    en: 'This question changed and needs a new answer: {label}',
  },
  draft_options_changed: {
    ko: '보기가 바뀌어 고르신 것 중 일부가 빠졌습니다: {label}',
    en: 'Some of the options you chose were removed: {label}',
  },
  draft_question_added: { ko: '새 질문이 생겼습니다: {label}', en: 'A new question was added: {label}' },
  draft_question_reworded: {
    ko: '질문 문구가 바뀌었습니다. 답을 확인해 주세요: {label}',
    en: 'A question was reworded; please check your answer: {label}',
  },
  draft_statement_changed: {
    ko: '진술서 문구가 바뀌었습니다. 서명하기 전에 새 문구를 읽어 주세요.',
    en: 'The wording of the statement changed. Please read the new text before you sign.',
  },
  draft_evidence_changed: { ko: '필요한 증거 자료가 바뀌었습니다: {label}', en: 'The evidence asked for changed: {label}' },
} satisfies Record<string, Template>;

export type ClaimMessageCode = keyof typeof MESSAGES;

function resolve(value: string | number | Localized, locale: ClaimLocale): string {
  if (typeof value === 'object') return value[locale];
  return String(value);
}

/** Both languages of one message, its `{param}`s filled (a Localized param gives each language its own). */
export function claimMessage(code: ClaimMessageCode, params: Params = {}): Localized {
  const fill = (template: string, locale: ClaimLocale) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? resolve(params[name], locale) : whole));
  const template: Template = MESSAGES[code];
  return { ko: fill(template.ko, 'ko'), en: fill(template.en, 'en') };
}

export function claimIssue(path: string, code: ClaimMessageCode, params?: Params): ClaimIssue {
  return params ? { path, code, params, message: claimMessage(code, params) } : { path, code, message: claimMessage(code) };
}
