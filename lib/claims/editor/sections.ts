import type { ClaimDefinition } from '../definition-schema';

/**
 * The editor edits a definition one section at a time: each section's form posts every field of
 * its part of the definition, which replaces that part of the draft. Buttons in the form ("add a
 * question", "remove") carry an intent that is applied after what was typed is taken in, so a
 * click never loses typing.
 */
export const EDITOR_SECTIONS = ['general', 'categories', 'steps', 'statement', 'evidence', 'damages', 'dimensions'] as const;
export type EditorSection = (typeof EDITOR_SECTIONS)[number];

/** The top-level keys of the definition each section's form holds. */
export const SECTION_KEYS: Record<EditorSection, readonly (keyof ClaimDefinition)[]> = {
  general: ['key', 'title', 'currency', 'jurisdiction', 'timeZone', 'timeline', 'minEvidenceTotal'],
  categories: ['categories'],
  steps: ['steps'],
  statement: ['statement'],
  evidence: ['evidenceKinds'],
  damages: ['damages'],
  dimensions: ['dimensions'],
};

export function isEditorSection(value: unknown): value is EditorSection {
  return typeof value === 'string' && (EDITOR_SECTIONS as readonly string[]).includes(value);
}

/** Whether an issue at `path` is one this section's form can fix. */
export function isPathInSection(path: string, section: EditorSection): boolean {
  const head = path.split('.')[0];
  return (SECTION_KEYS[section] as readonly string[]).includes(head);
}

type Tree = Record<string, unknown>;
type Item = Record<string, unknown>;

const label = (ko: string, en: string) => ({ ko, en });

/** A fresh item for each list the editor can add to, valid on its own so the draft still parses. */
const NEW_ITEMS: Record<string, (siblings: Item[], definition: Tree) => Item> = {
  categories: (siblings) => ({ id: freshId('category', siblings), label: label('새 신청인 분류', 'New category') }),
  steps: (siblings) => ({
    id: freshId('step', siblings),
    title: label('새 단계', 'New step'),
    questions: [{ id: freshId('question', allQuestions(siblings)), type: 'short_text', label: label('새 질문', 'New question') }],
  }),
  'steps.*.questions': (_siblings, definition) => ({
    id: freshId('question', allQuestions((definition.steps as Item[]) ?? [])),
    type: 'short_text',
    label: label('새 질문', 'New question'),
  }),
  'statement.blocks': (siblings) => ({ id: freshId('block', siblings), text: label('새 문단', 'New paragraph') }),
  evidenceKinds: (siblings) => ({
    id: freshId('evidence', siblings),
    label: label('새 증거 종류', 'New evidence kind'),
    requirements: [{ required: false, max: 20 }],
  }),
  'evidenceKinds.*.requirements': () => ({ required: false, max: 20 }),
  'damages.categories': (siblings) => ({
    id: freshId('damage', siblings),
    label: label('새 손해 항목', 'New damages category'),
    mode: 'fixed',
    fixedAmount: 0,
  }),
  'damages.helpers': (siblings, definition) => {
    const categories = ((definition.damages as Tree | undefined)?.categories as Item[] | undefined) ?? [];
    return {
      id: freshId('helper', siblings),
      label: label('새 계산 도우미', 'New helper'),
      category: String(categories[0]?.id ?? 'damage_1'),
      inputs: [{ id: 'amount', label: label('금액', 'Amount'), kind: 'money' }],
      formula: 'amount',
    };
  },
  dimensions: (siblings) => ({ id: freshId('dimension', siblings), source: { kind: 'category' }, uses: ['dashboard', 'filter'] }),
};

function allQuestions(steps: Item[]): Item[] {
  return steps.flatMap((step) => (Array.isArray(step.questions) ? (step.questions as Item[]) : []));
}

function freshId(base: string, siblings: Item[]): string {
  const taken = new Set(siblings.map((item) => item.id));
  let number = siblings.length + 1;
  while (taken.has(`${base}_${number}`)) number += 1;
  return `${base}_${number}`;
}

/** `steps.2.questions` → `steps.*.questions`: which list a path names, whatever the positions. */
function listPattern(path: string): string {
  return path
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? '*' : segment))
    .join('.');
}

function walk(root: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, segment) => (node && typeof node === 'object' ? (node as Tree)[segment] : undefined), root);
}

export type EditorIntent = { kind: 'save' } | { kind: 'add' | 'remove' | 'up' | 'down'; path: string };

export function readIntent(value: unknown): EditorIntent {
  if (typeof value !== 'string') return { kind: 'save' };
  const [kind, path] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if ((kind === 'add' || kind === 'remove' || kind === 'up' || kind === 'down') && path) return { kind, path };
  return { kind: 'save' };
}

/**
 * Applies an add / remove / move to a definition (plain data, before it is parsed). Paths come
 * from the client, so one that names nothing the editor can change leaves the definition as it is.
 */
export function applyIntent(definition: Tree, intent: EditorIntent): Tree {
  if (intent.kind === 'save') return definition;
  const next = structuredClone(definition);
  if (intent.kind === 'add') {
    const pattern = listPattern(intent.path);
    const make = Object.hasOwn(NEW_ITEMS, pattern) ? NEW_ITEMS[pattern] : undefined;
    const list = walk(next, intent.path);
    if (make && Array.isArray(list)) list.push(make(list as Item[], next));
    return next;
  }
  const separator = intent.path.lastIndexOf('.');
  const parentPath = separator < 0 ? '' : intent.path.slice(0, separator);
  const index = Number(intent.path.slice(separator + 1));
  const list = parentPath ? walk(next, parentPath) : undefined;
  if (
    !Array.isArray(list) ||
    !Object.hasOwn(NEW_ITEMS, listPattern(parentPath)) ||
    !Number.isInteger(index) ||
    index < 0 ||
    index >= list.length
  )
    return definition;
  if (intent.kind === 'remove') list.splice(index, 1);
  else {
    const target = intent.kind === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= list.length) return definition;
    [list[index], list[target]] = [list[target], list[index]];
  }
  return next;
}

/**
 * Lists a form cannot post when they are empty (the last question removed), and a question just
 * turned into a choice, which needs an option to be one.
 */
function fillGaps(definition: Tree): Tree {
  for (const step of Array.isArray(definition.steps) ? (definition.steps as Item[]) : []) {
    if (!Array.isArray(step.questions)) step.questions = [];
    for (const question of step.questions as Item[]) {
      const isChoice = question.type === 'single_choice' || question.type === 'multiple_choice';
      if (isChoice && (!Array.isArray(question.options) || question.options.length === 0))
        question.options = [{ id: 'option_1', label: label('선택지 1', 'Option 1') }];
    }
  }
  const damages = definition.damages as Tree | undefined;
  if (damages && typeof damages === 'object') {
    if (!Array.isArray(damages.categories)) damages.categories = [];
    if (!Array.isArray(damages.helpers)) damages.helpers = [];
  }
  const statement = definition.statement as Tree | undefined;
  if (statement && typeof statement === 'object' && !Array.isArray(statement.blocks)) statement.blocks = [];
  for (const kind of Array.isArray(definition.evidenceKinds) ? (definition.evidenceKinds as Item[]) : [])
    if (!Array.isArray(kind.requirements)) kind.requirements = [];
  return definition;
}

const LIST_KEYS = new Set<string>(['timeline', 'categories', 'steps', 'evidenceKinds', 'dimensions']);

/** The draft with one section replaced by what its form posted. */
export function mergeSection(draft: Tree, section: EditorSection, posted: Tree): Tree {
  const next: Tree = structuredClone(draft);
  for (const key of SECTION_KEYS[section]) {
    // A list with no item posts no control: it is empty (and "add" needs it there to add to).
    if (posted[key] === undefined) {
      if (LIST_KEYS.has(key)) next[key] = [];
      else delete next[key];
    } else next[key] = structuredClone(posted[key]);
  }
  return fillGaps(next);
}
