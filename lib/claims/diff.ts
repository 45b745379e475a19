import type { ClaimDefinition, Localized } from './definition-schema';
import { claimIssue, type ClaimMessageCode } from './messages';
import type { ClaimIssue } from './types';
import { listQuestions } from './visibility';

/** One difference between two versions, said in both languages (the editor's diff, the publish step). */
export type DefinitionChange = ClaimIssue & {
  change: 'added' | 'removed' | 'changed' | 'moved';
  area: DiffArea;
  id: string;
  /** For `changed`: which aspects (`type`, `required`, `options`, `bounds`, `condition`, `wording`…). */
  aspects?: string[];
};

export type DiffArea =
  'setting' | 'timeline' | 'category' | 'step' | 'question' | 'statement' | 'evidence' | 'damages' | 'helper' | 'dimension';

const AREAS: Record<DiffArea, Localized> = {
  setting: { ko: '설정', en: 'Setting' },
  timeline: { ko: '사건 경과', en: 'Timeline event' },
  category: { ko: '신청인 유형', en: 'Claimant category' },
  step: { ko: '단계', en: 'Step' },
  question: { ko: '질문', en: 'Question' },
  statement: { ko: '진술서', en: 'Statement' },
  evidence: { ko: '증거 종류', en: 'Evidence kind' },
  damages: { ko: '손해 항목', en: 'Damages category' },
  helper: { ko: '계산 도우미', en: 'Damages helper' },
  dimension: { ko: '집계 기준', en: 'Dimension' },
};

const ASPECTS: Record<string, Localized> = {
  type: { ko: '답의 종류', en: 'answer type' },
  required: { ko: '필수 여부', en: 'required' },
  options: { ko: '보기', en: 'options' },
  bounds: { ko: '범위', en: 'bounds' },
  condition: { ko: '표시 조건', en: 'condition' },
  wording: { ko: '문구', en: 'wording' },
  requirements: { ko: '요건', en: 'requirements' },
  amount: { ko: '금액', en: 'amount' },
  formula: { ko: '계산식', en: 'formula' },
  inputs: { ko: '입력값', en: 'inputs' },
  uses: { ko: '쓰임', en: 'uses' },
  business: { ko: '사업자 정보', en: 'business details' },
  guardian: { ko: '법정대리인', en: 'guardian' },
  date: { ko: '날짜', en: 'date' },
  step: { ko: '단계', en: 'step' },
  source: { ko: '기준 질문', en: 'source' },
};

/** Key-order-independent JSON, so equal values always compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

type Aspects<T> = Record<string, (item: T) => unknown>;

function change(
  code: ClaimMessageCode,
  kind: DefinitionChange['change'],
  area: DiffArea,
  id: string,
  path: string,
  label: Localized,
  aspects?: string[],
): DefinitionChange {
  const what = aspects?.length
    ? {
        ko: aspects.map((aspect) => ASPECTS[aspect]?.ko ?? aspect).join(', '),
        en: aspects.map((aspect) => ASPECTS[aspect]?.en ?? aspect).join(', '),
      }
    : '';
  return { ...claimIssue(path, code, { area: AREAS[area], label, what }), change: kind, area, id, ...(aspects ? { aspects } : {}) };
}

function diffList<T extends { id: string }>(
  area: DiffArea,
  path: string,
  before: readonly T[],
  after: readonly T[],
  label: (item: T) => Localized,
  aspects: Aspects<T>,
): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const old = new Map(before.map((item, index) => [item.id, { item, index }] as const));
  const next = new Map(after.map((item, index) => [item.id, { item, index }] as const));
  for (const [id, { item }] of old) if (!next.has(id)) changes.push(change('diff_removed', 'removed', area, id, path, label(item)));
  const keptOld = before.filter((item) => next.has(item.id)).map((item) => item.id);
  const keptNew = after.filter((item) => old.has(item.id)).map((item) => item.id);
  after.forEach((item, index) => {
    const previous = old.get(item.id);
    if (!previous) return changes.push(change('diff_added', 'added', area, item.id, `${path}.${index}`, label(item)));
    const changed = Object.entries(aspects)
      .filter(([, read]) => canonical(read(previous.item)) !== canonical(read(item)))
      .map(([name]) => name);
    if (changed.length) changes.push(change('diff_changed', 'changed', area, item.id, `${path}.${index}`, label(item), changed));
    else if (keptOld.indexOf(item.id) !== keptNew.indexOf(item.id))
      changes.push(change('diff_moved', 'moved', area, item.id, `${path}.${index}`, label(item)));
  });
  return changes;
}

/** What changed from one version of a definition to the next, in order of the definition's parts. */
export function diffDefinitions(before: ClaimDefinition, after: ClaimDefinition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const settings = {
    title: ['wording', { ko: '제목', en: 'Title' }],
    currency: ['amount', { ko: '통화', en: 'Currency' }],
    jurisdiction: ['type', { ko: '관할', en: 'Jurisdiction' }],
    timeZone: ['date', { ko: '시간대', en: 'Time zone' }],
  } as const;
  for (const [key, [aspect, label]] of Object.entries(settings)) {
    const field = key as keyof typeof settings;
    if (canonical(before[field]) !== canonical(after[field]))
      changes.push(change('diff_changed', 'changed', 'setting', key, key, label, [aspect]));
  }
  changes.push(
    ...diffList('timeline', 'timeline', before.timeline, after.timeline, (item) => item.label, {
      date: (item) => item.at,
      wording: (item) => item.label,
    }),
  );
  changes.push(
    ...diffList('category', 'categories', before.categories, after.categories, (item) => item.label, {
      wording: (item) => [item.label, item.description],
      business: (item) => [item.isBusiness, item.businessOptional],
      guardian: (item) => item.allowsMinorWithGuardian,
    }),
  );
  changes.push(
    ...diffList('step', 'steps', before.steps, after.steps, (item) => item.title, {
      wording: (item) => [item.title, item.lead],
      condition: (item) => item.showIf,
    }),
  );
  const placedBefore = listQuestions(before);
  const placedAfter = listQuestions(after);
  // Keyed by the question object: the same id is read once from each version.
  const stepOf = new WeakMap([...placedBefore, ...placedAfter].map((item) => [item.question, item.step.id] as const));
  changes.push(
    ...diffList(
      'question',
      'questions',
      placedBefore.map((item) => item.question),
      placedAfter.map((item) => item.question),
      (item) => item.label,
      {
        type: (item) => item.type,
        required: (item) => item.required,
        wording: (item) => [item.label, item.help, 'unit' in item ? item.unit : undefined],
        options: (item) => ('options' in item ? [item.options, item.allowOther] : undefined),
        bounds: (item) => {
          const {
            id: _id,
            label: _label,
            help: _help,
            required: _required,
            showIf: _showIf,
            type: _type,
            ...rest
          } = item as Record<string, unknown>;
          delete rest.options;
          delete rest.allowOther;
          delete rest.unit;
          return rest;
        },
        condition: (item) => item.showIf,
        step: (item) => stepOf.get(item),
      },
    ),
  );
  const statementParts = (definition: ClaimDefinition) => [
    definition.statement.title,
    definition.statement.preamble,
    definition.statement.affirmation,
  ];
  if (canonical(statementParts(before)) !== canonical(statementParts(after)))
    changes.push(change('diff_changed', 'changed', 'statement', 'statement', 'statement', after.statement.title, ['wording']));
  changes.push(
    ...diffList(
      'statement',
      'statement.blocks',
      before.statement.blocks,
      after.statement.blocks,
      (item) => item.heading ?? { ko: item.id, en: item.id },
      { wording: (item) => [item.heading, item.text], condition: (item) => item.showIf },
    ),
  );
  changes.push(
    ...diffList('evidence', 'evidenceKinds', before.evidenceKinds, after.evidenceKinds, (item) => item.label, {
      wording: (item) => [item.label, item.help],
      requirements: (item) => item.requirements,
    }),
  );
  changes.push(
    ...diffList('damages', 'damages.categories', before.damages.categories, after.damages.categories, (item) => item.label, {
      wording: (item) => [item.label, item.help],
      type: (item) => item.mode,
      amount: (item) => item.fixedAmount,
      condition: (item) => item.when,
    }),
  );
  changes.push(
    ...diffList('helper', 'damages.helpers', before.damages.helpers, after.damages.helpers, (item) => item.label, {
      wording: (item) => [item.label, item.explain],
      formula: (item) => [item.formula, item.rounding, item.category],
      inputs: (item) => item.inputs,
    }),
  );
  if (before.minEvidenceTotal !== after.minEvidenceTotal)
    changes.push(change('diff_changed', 'changed', 'setting', 'minEvidenceTotal', 'minEvidenceTotal', AREAS.evidence, ['requirements']));
  const limits = (definition: ClaimDefinition) => [
    definition.damages.maxItems,
    definition.damages.maxItemAmount,
    definition.damages.requireAmount,
  ];
  if (canonical(limits(before)) !== canonical(limits(after)))
    changes.push(change('diff_changed', 'changed', 'setting', 'damages', 'damages', AREAS.damages, ['bounds']));
  changes.push(
    ...diffList('dimension', 'dimensions', before.dimensions, after.dimensions, (item) => item.label ?? { ko: item.id, en: item.id }, {
      source: (item) => item.source,
      uses: (item) => item.uses,
      wording: (item) => item.label,
    }),
  );
  return changes;
}
