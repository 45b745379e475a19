import type { Condition, DateBound, Localized } from '../definition-schema';
import { boundToFields, conditionToFields } from './form-paths';

/**
 * What the editor's section forms show, as plain data the page builds on the server and a client
 * component renders: each control is named by its path in the definition (form-paths.ts), so
 * errors at a path land on it.
 */
export type FieldOption = { value: string; label: string };
export type FieldSpec =
  | { kind: 'text' | 'number'; name: string; label: string; value: string; hint?: string }
  | { kind: 'textarea'; name: string; label: string; value: string; hint?: string; rows?: number }
  | { kind: 'select'; name: string; label: string; value: string; options: FieldOption[]; hint?: string }
  | { kind: 'checkbox'; name: string; label: string; checked: boolean };

/** A button inside a section form: add, remove or move an item (sections.ts). */
export type IntentButton = { intent: string; label: string; variant?: 'secondary' | 'danger' };

export type FieldGroup = { id: string; title: string; fields: FieldSpec[]; groups: FieldGroup[]; buttons: IntentButton[] };

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function group(id: string, title: string, fields: FieldSpec[], groups: FieldGroup[] = [], buttons: IntentButton[] = []): FieldGroup {
  return { id, title, fields, groups, buttons };
}

export function text(name: string, label: string, value: string | number | undefined, hint?: string): FieldSpec {
  return { kind: 'text', name, label, value: value === undefined ? '' : String(value), hint };
}

export function number(name: string, label: string, value: number | undefined, hint?: string): FieldSpec {
  return { kind: 'number', name, label, value: value === undefined ? '' : String(value), hint };
}

export function textarea(name: string, label: string, value: string | undefined, hint?: string, rows = 3): FieldSpec {
  return { kind: 'textarea', name, label, value: value ?? '', hint, rows };
}

export function select(name: string, label: string, value: string, options: FieldOption[], hint?: string): FieldSpec {
  return { kind: 'select', name, label, value, options, hint };
}

export function yesNo(t: Translate, name: string, label: string, value: boolean | undefined): FieldSpec {
  return select(name, label, value ? 'true' : 'false', [
    { value: 'false', label: t('no') },
    { value: 'true', label: t('yes') },
  ]);
}

/** Both languages of one text, Korean first. */
export function localized(
  t: Translate,
  name: string,
  field: string,
  value: Localized | undefined,
  options: { long?: boolean; hint?: string } = {},
): FieldSpec[] {
  const make = (locale: 'ko' | 'en') =>
    options.long
      ? textarea(`${name}.${locale}`, t(`inLocale.${locale}`, { field }), value?.[locale], options.hint, 4)
      : text(`${name}.${locale}`, t(`inLocale.${locale}`, { field }), value?.[locale], options.hint);
  return [make('ko'), make('en')];
}

export function itemButtons(t: Translate, path: string, index: number, count: number): IntentButton[] {
  return [
    ...(index > 0 ? [{ intent: `up:${path}`, label: t('moveUp'), variant: 'secondary' as const }] : []),
    ...(index < count - 1 ? [{ intent: `down:${path}`, label: t('moveDown'), variant: 'secondary' as const }] : []),
    { intent: `remove:${path}`, label: t('remove'), variant: 'danger' },
  ];
}

export const CONDITION_OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'includes',
  'answered',
  'not_answered',
  'gt',
  'gte',
  'lt',
  'lte',
];

/** "Show only when": a category, an earlier answer, a guardian, or a combination written as JSON. */
export function conditionFields(
  t: Translate,
  name: string,
  condition: Condition | undefined,
  questionIds: string[],
  title: string,
): FieldGroup {
  const values = conditionToFields(condition);
  return group(`${name}-group`, title, [
    select(
      `${name}.kind`,
      t('condition.kind'),
      values.kind,
      ['', 'category', 'answer', 'guardian', 'json'].map((kind) => ({ value: kind, label: t(`condition.kinds.${kind || 'always'}`) })),
    ),
    text(`${name}.in`, t('condition.in'), values.in, t('condition.inHint')),
    select(`${name}.question`, t('condition.question'), values.question, [
      { value: '', label: t('choose') },
      ...questionIds.map((id) => ({ value: id, label: id })),
    ]),
    select(
      `${name}.op`,
      t('condition.op'),
      values.op,
      CONDITION_OPERATORS.map((op) => ({ value: op, label: t(`condition.ops.${op}`) })),
    ),
    text(`${name}.value`, t('condition.value'), values.value, t('condition.valueHint')),
    textarea(`${name}.json`, t('condition.json'), values.json, t('condition.jsonHint'), 3),
  ]);
}

/** "Not before" / "not after": a timeline event, another answer, a fixed date or today, shifted by days. */
export function boundFields(
  t: Translate,
  name: string,
  bound: DateBound | undefined,
  eventIds: string[],
  questionIds: string[],
  title: string,
): FieldGroup {
  const values = boundToFields(bound);
  return group(`${name}-group`, title, [
    select(
      `${name}.kind`,
      t('bound.kind'),
      values.kind,
      ['', 'event', 'answer', 'date', 'today'].map((kind) => ({ value: kind, label: t(`bound.kinds.${kind || 'none'}`) })),
    ),
    select(`${name}.event`, t('bound.event'), values.event, [
      { value: '', label: t('choose') },
      ...eventIds.map((id) => ({ value: id, label: id })),
    ]),
    select(`${name}.question`, t('bound.question'), values.question, [
      { value: '', label: t('choose') },
      ...questionIds.map((id) => ({ value: id, label: id })),
    ]),
    text(`${name}.value`, t('bound.value'), values.value, t('bound.valueHint')),
    number(`${name}.offsetDays`, t('bound.offsetDays'), bound && 'offsetDays' in bound ? bound.offsetDays : undefined),
  ]);
}

/** Every control name of a group, for placing errors. */
export function controlNames(groups: FieldGroup[]): string[] {
  return groups.flatMap((item) => [...item.fields.map((field) => field.name), ...controlNames(item.groups)]);
}
