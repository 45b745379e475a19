import { regionName } from '@/lib/regions';
import { evaluateCondition } from './conditions';
import { computeDamages, type ComputedDamages, type DamageItemInput } from './damages';
import { OTHER_OPTION, type ClaimDefinition, type ClaimLocale, type Localized, type Question } from './definition-schema';
import { formatDate, formatDateTime, formatList, formatMoney, formatNumber } from './format';
import { fillTemplate } from './template';
import type { AnswerValue, ClaimAnswers, ClaimState } from './types';
import { computeVisibility, listQuestions } from './visibility';

/** What the statement needs beyond the answers: the case and who signs. */
export type StatementInput = ClaimState & {
  caseTitle?: Localized | string;
  signerName?: string;
  /** A minor's legal guardian, who signs for them, and the relation as the party list names it (`친권자 부`). */
  guardianName?: string;
  guardianRelation?: Localized | string;
  damageItems?: readonly DamageItemInput[];
};

const NOT_ANSWERED: Localized = { ko: '(답변 없음)', en: '(not answered)' };
const YES_NO_UNSURE: Record<string, Localized> = {
  yes: { ko: '예', en: 'yes' },
  no: { ko: '아니요', en: 'no' },
  unsure: { ko: '잘 모름', en: 'not sure' },
};

/** One answer as the statement prints it in the language. */
/** `kind`: the option's wording inside a statement sentence (default) or its label (a table, an export). */
export function formatAnswer(
  definition: ClaimDefinition,
  question: Question,
  answers: ClaimAnswers,
  locale: ClaimLocale,
  kind: 'label' | 'statementText' = 'statementText',
): string | null {
  const value: AnswerValue | undefined = answers[question.id];
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const other = String(answers[`${question.id}.other`] ?? '');
  const label = (id: string) => {
    if (id === OTHER_OPTION && 'allowOther' in question && question.allowOther) return other;
    const option = 'options' in question ? question.options.find((item) => item.id === id) : undefined;
    return (kind === 'statementText' ? option?.statementText?.[locale] : undefined) ?? option?.label[locale] ?? id;
  };
  switch (question.type) {
    case 'short_text':
    case 'long_text':
      return String(value);
    case 'number':
      return typeof value === 'number' ? `${formatNumber(value)}${question.unit ? ` ${question.unit[locale]}` : ''}` : String(value);
    case 'money':
      return typeof value === 'number' ? formatMoney(value, definition.currency, locale) : String(value);
    case 'date':
      return formatDate(String(value), locale);
    case 'datetime':
      return formatDateTime(String(value), locale);
    case 'single_choice':
      return label(String(value));
    case 'multiple_choice':
      return formatList((Array.isArray(value) ? value : [String(value)]).map(label), locale);
    case 'yes_no_unsure':
      return YES_NO_UNSURE[String(value)]?.[locale] ?? String(value);
    case 'region':
      return regionName(definition.jurisdiction, String(value), locale);
  }
}

function placeholderValues(
  definition: ClaimDefinition,
  input: StatementInput,
  answers: ClaimAnswers,
  damages: ComputedDamages,
  locale: ClaimLocale,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { question } of listQuestions(definition)) {
    const text = formatAnswer(definition, question, answers, locale);
    if (text !== null) values[question.id] = text;
    const other = answers[`${question.id}.other`];
    if (typeof other === 'string' && other) values[`${question.id}.other`] = other;
  }
  const category = definition.categories.find((item) => item.id === input.category);
  if (category) values.category = category.label[locale];
  const title = input.caseTitle === undefined ? definition.title : input.caseTitle;
  values['case.title'] = typeof title === 'string' ? title : title[locale];
  if (input.signerName) values['signer.name'] = input.signerName;
  if (input.guardianName) values['guardian.name'] = input.guardianName;
  if (input.guardianRelation)
    values['guardian.relation'] = typeof input.guardianRelation === 'string' ? input.guardianRelation : input.guardianRelation[locale];
  for (const event of definition.timeline) values[`event.${event.id}`] = formatDateTime(event.at, locale);
  values['damages.total'] = formatMoney(damages.total, definition.currency, locale);
  for (const category of definition.damages.categories)
    values[`damages.${category.id}`] = formatMoney(damages.byCategory[category.id] ?? 0, definition.currency, locale);
  return values;
}

function clean(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/**
 * The statement the claimant reads and signs, in their language, from the definition's template
 * and the answers of visible questions only. Deterministic: the same definition, answers and
 * names give the same characters (the text is hashed and signed), and it carries nothing that is
 * not in the template: no date of birth or address unless the case's own template asks for it.
 */
export function renderStatement(definition: ClaimDefinition, input: StatementInput, locale: ClaimLocale): string {
  const { answers } = computeVisibility(definition, input);
  const damages = computeDamages(definition, input, input.damageItems ?? []);
  const values = placeholderValues(definition, input, answers, damages, locale);
  const fill = (text: Localized) => clean(fillTemplate(text[locale], values, NOT_ANSWERED[locale]));
  const state: ClaimState = { category: input.category, answers, hasGuardian: input.hasGuardian ?? Boolean(input.guardianName) };

  const parts: string[] = [fill(definition.statement.title)];
  if (definition.statement.preamble) parts.push(fill(definition.statement.preamble));
  const sections: string[][] = [];
  const loose: string[] = [];
  for (const block of definition.statement.blocks) {
    if (!evaluateCondition(block.showIf, state)) continue;
    const text = fill(block.text);
    const current = sections.length ? sections[sections.length - 1] : loose;
    if (block.heading) sections.push([`${sections.length + 1}. ${fill(block.heading)}`, text]);
    // A section's first line is its heading: an inline paragraph joins the text after it.
    else if (block.inline && current.length > (current === loose ? 0 : 1)) current[current.length - 1] += ` ${text}`;
    else current.push(text);
  }
  if (loose.length) parts.push(loose.join('\n'));
  for (const section of sections) parts.push(section.filter(Boolean).join('\n'));
  parts.push(fill(definition.statement.affirmation));
  return parts.filter(Boolean).join('\n\n');
}
