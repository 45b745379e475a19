import type { Condition, DateBound } from '../definition-schema';

/**
 * The editor's forms name every control by its path in the definition (`steps.0.questions.1.label.ko`),
 * so an error the engine reports at a path lands on the control of that name. This module turns a
 * posted form back into the definition's shape. A few values are written in a form-friendly way:
 *
 * - conditions (`showIf`, `when`) as `kind` + `in` / `question` / `op` / `value`, or `json` for
 *   combined ones (all / any / not);
 * - date bounds (`notBefore`, `notAfter`) as `kind` + `event` / `question` / `value` / `offsetDays`;
 * - choice options and timeline events as lines, `id | 한국어 | English` (options may add the
 *   statement wording ko | en; events are `id | date | 한국어 | English`);
 * - a damages helper's inputs as JSON;
 * - a dimension's uses as one checkbox each (`uses.dashboard`).
 *
 * Empty text means "not given". Whatever cannot be read (bad JSON, a line with too few parts) is
 * reported at the control's name, never thrown.
 */

export type FormParseProblem = { path: string; code: 'json' | 'lines' };
type Tree = { [key: string]: unknown };

const NUMERIC_KEYS = new Set([
  'min',
  'max',
  'minLength',
  'maxLength',
  'minSelected',
  'maxSelected',
  'offsetDays',
  'fixedAmount',
  'maxItems',
  'maxItemAmount',
  'minEvidenceTotal',
]);
const BOOLEAN_KEYS = new Set([
  'required',
  'isBusiness',
  'businessOptional',
  'allowsMinorWithGuardian',
  'integer',
  'allowOther',
  'inline',
  'requireAmount',
]);
const CONDITION_KEYS = new Set(['showIf', 'when']);
const BOUND_KEYS = new Set(['notBefore', 'notAfter']);

const UNSAFE_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** The controls of a form as a nested object, numeric segments as array positions. */
export function unflattenForm(entries: Iterable<[string, FormDataEntryValue]>): Tree {
  const root: Tree = {};
  for (const [name, raw] of entries) {
    if (typeof raw !== 'string' || name.startsWith('$') || name === 'intent') continue;
    const segments = name.split('.');
    // Names come from the client: one that would reach an object's prototype is not a control of ours.
    if (segments.some((segment) => UNSAFE_SEGMENTS.has(segment))) continue;
    let node: Tree = root;
    segments.forEach((segment, index) => {
      if (index === segments.length - 1) node[segment] = raw;
      else {
        if (!Object.hasOwn(node, segment) || typeof node[segment] !== 'object' || node[segment] === null) node[segment] = {};
        node = node[segment] as Tree;
      }
    });
  }
  return root;
}

function isIndexObject(value: Tree): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => /^\d+$/.test(key));
}

function splitList(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];
}

function readNumber(value: string): number | string {
  const cleaned = value.replace(/[,\s_]/g, '');
  const number = Number(cleaned);
  return cleaned !== '' && Number.isFinite(number) ? number : value;
}

function splitLine(line: string): string[] {
  return line.split('|').map((part) => part.trim());
}

function readLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

type Context = { problems: FormParseProblem[] };

function readOptions(value: string, path: string, context: Context) {
  return readLines(value).map((line) => {
    const [id, ko, en, statementKo, statementEn] = splitLine(line);
    if (!ko || !en) context.problems.push({ path, code: 'lines' });
    const statementText = statementKo || statementEn ? { ko: statementKo ?? '', en: statementEn ?? '' } : undefined;
    return { id, label: { ko: ko ?? '', en: en ?? '' }, ...(statementText ? { statementText } : {}) };
  });
}

function readTimeline(value: string, path: string, context: Context) {
  return readLines(value).map((line) => {
    const [id, at, ko, en] = splitLine(line);
    if (!at || !ko || !en) context.problems.push({ path, code: 'lines' });
    return { id, at: at ?? '', label: { ko: ko ?? '', en: en ?? '' } };
  });
}

function readJson(value: string, path: string, context: Context): unknown {
  try {
    return JSON.parse(value);
  } catch {
    context.problems.push({ path, code: 'json' });
    return undefined;
  }
}

const COMPARISONS = new Set(['gt', 'gte', 'lt', 'lte']);

function readCondition(value: Tree, path: string, context: Context): unknown {
  const kind = typeof value.kind === 'string' ? value.kind : '';
  switch (kind) {
    case '':
      return undefined;
    case 'category':
      return { kind, in: splitList(value.in) };
    case 'guardian':
      return { kind };
    case 'answer': {
      const op = String(value.op ?? '');
      const raw = typeof value.value === 'string' ? value.value.trim() : '';
      const parsed =
        op === 'answered' || op === 'not_answered'
          ? undefined
          : op === 'in' || op === 'not_in' || op === 'includes'
            ? splitList(raw)
            : COMPARISONS.has(op)
              ? readNumber(raw)
              : raw;
      return { kind, question: value.question || undefined, op, ...(parsed === undefined ? {} : { value: parsed }) };
    }
    case 'json':
      return typeof value.json === 'string' && value.json.trim() ? readJson(value.json, `${path}.json`, context) : undefined;
    default:
      return { kind };
  }
}

function readBound(value: Tree): unknown {
  const kind = typeof value.kind === 'string' ? value.kind : '';
  const offsetDays = typeof value.offsetDays === 'string' && value.offsetDays.trim() ? readNumber(value.offsetDays) : undefined;
  const offset = offsetDays === undefined ? {} : { offsetDays };
  switch (kind) {
    case '':
      return undefined;
    case 'event':
      return { kind, event: value.event || undefined, ...offset };
    case 'answer':
      return { kind, question: value.question || undefined, ...offset };
    case 'date':
      return { kind, value: value.value || undefined };
    default:
      return { kind };
  }
}

function normalize(value: unknown, key: string, path: string, context: Context): unknown {
  if (typeof value === 'string') {
    const text = value.trim();
    if (key === 'options') return readOptions(value, path, context);
    if (key === 'timeline') return readTimeline(value, path, context);
    if (key === 'inputs') return text ? readJson(text, path, context) : [];
    if (text === '') return undefined;
    if (NUMERIC_KEYS.has(key)) return readNumber(text);
    if (BOOLEAN_KEYS.has(key)) return text === 'true' ? true : text === 'false' ? false : text;
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const tree = value as Tree;
  if (CONDITION_KEYS.has(key) && 'kind' in tree) return readCondition(tree, path, context);
  if (BOUND_KEYS.has(key)) return readBound(tree);
  if (key === 'uses') return Object.keys(tree).filter((use) => tree[use] === 'on');
  if (isIndexObject(tree)) {
    return Object.keys(tree)
      .sort((a, b) => Number(a) - Number(b))
      .map((index) => normalize(tree[index], index, `${path}.${index}`, context));
  }
  const result: Tree = {};
  for (const [childKey, child] of Object.entries(tree)) {
    const normalized = normalize(child, childKey, path ? `${path}.${childKey}` : childKey, context);
    if (normalized !== undefined) result[childKey] = normalized;
  }
  // A group where nothing was given (an optional help text in both languages) is "not given".
  return Object.keys(result).length === 0 && key !== '' ? undefined : result;
}

/** A posted form as the part of a definition it edits, with what could not be read. */
export function readDefinitionForm(entries: Iterable<[string, FormDataEntryValue]>): { value: Tree; problems: FormParseProblem[] } {
  const context: Context = { problems: [] };
  const value = normalize(unflattenForm(entries), '', '', context) as Tree | undefined;
  return { value: value ?? {}, problems: context.problems };
}

// ---------------------------------------------------------------------------------------------
// The other way: what a control shows for a value of the definition.

export type ConditionFields = { kind: string; in: string; question: string; op: string; value: string; json: string };

export function conditionToFields(condition: Condition | undefined): ConditionFields {
  const empty = { kind: '', in: '', question: '', op: 'equals', value: '', json: '' };
  if (!condition) return empty;
  if (condition.kind === 'category') return { ...empty, kind: 'category', in: condition.in.join(', ') };
  if (condition.kind === 'guardian') return { ...empty, kind: 'guardian' };
  if (condition.kind === 'answer') {
    const value = Array.isArray(condition.value)
      ? condition.value.join(', ')
      : condition.value === undefined
        ? ''
        : String(condition.value);
    return { ...empty, kind: 'answer', question: condition.question, op: condition.op, value };
  }
  return { ...empty, kind: 'json', json: JSON.stringify(condition, null, 2) };
}

export type BoundFields = { kind: string; event: string; question: string; value: string; offsetDays: string };

export function boundToFields(bound: DateBound | undefined): BoundFields {
  const empty = { kind: '', event: '', question: '', value: '', offsetDays: '' };
  if (!bound) return empty;
  const offsetDays = 'offsetDays' in bound && bound.offsetDays !== undefined ? String(bound.offsetDays) : '';
  if (bound.kind === 'event') return { ...empty, kind: 'event', event: bound.event, offsetDays };
  if (bound.kind === 'answer') return { ...empty, kind: 'answer', question: bound.question, offsetDays };
  if (bound.kind === 'date') return { ...empty, kind: 'date', value: bound.value };
  return { ...empty, kind: 'today' };
}

export function optionsToLines(options: { id: string; label: { ko: string; en: string }; statementText?: { ko: string; en: string } }[]) {
  return options
    .map((option) =>
      [
        option.id,
        option.label.ko,
        option.label.en,
        ...(option.statementText ? [option.statementText.ko, option.statementText.en] : []),
      ].join(' | '),
    )
    .join('\n');
}

export function timelineToLines(events: { id: string; at: string; label: { ko: string; en: string } }[]) {
  return events.map((event) => [event.id, event.at, event.label.ko, event.label.en].join(' | ')).join('\n');
}

/**
 * The control an error at `path` belongs to: the control of that name, else the nearest enclosing
 * one (an option line inside the options text), else the first control inside it (a condition's
 * kind). Null when the form has none (the error is then listed without a link).
 */
export function controlForPath(path: string, names: readonly string[]): string | null {
  const set = new Set(names);
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join('.');
    if (set.has(candidate)) return candidate;
    if (length === segments.length) {
      const inside = names.find((name) => name.startsWith(`${candidate}.`));
      if (inside) return inside;
    }
  }
  return null;
}
