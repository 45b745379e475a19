import { type ClaimDefinition, DIMENSION_USES, QUESTION_TYPES, type Question } from '../definition-schema';
import {
  type FieldGroup,
  type IntentButton,
  type Translate,
  boundFields,
  conditionFields,
  group,
  itemButtons,
  localized,
  number,
  select,
  text,
  textarea,
  yesNo,
} from './field-specs';
import { optionsToLines, timelineToLines } from './form-paths';
import type { EditorSection } from './sections';

/** One section of the editor: its groups of controls and its "add" buttons. */
export type SectionSpec = { section: EditorSection; groups: FieldGroup[]; buttons: IntentButton[] };

function questionIdsOf(definition: ClaimDefinition): string[] {
  return definition.steps.flatMap((step) => step.questions.map((question) => question.id));
}

function generalSection(t: Translate, definition: ClaimDefinition): SectionSpec {
  return {
    section: 'general',
    buttons: [],
    groups: [
      group('general', t('sections.general'), [
        text('key', t('fields.key'), definition.key, t('fields.keyHint')),
        ...localized(t, 'title', t('fields.title'), definition.title),
        text('currency', t('fields.currency'), definition.currency, t('fields.currencyHint')),
        select('jurisdiction', t('fields.jurisdiction'), definition.jurisdiction, [
          { value: 'KR', label: t('jurisdictions.KR') },
          { value: 'US', label: t('jurisdictions.US') },
        ]),
        text('timeZone', t('fields.timeZone'), definition.timeZone),
        textarea('timeline', t('fields.timeline'), timelineToLines(definition.timeline), t('fields.timelineHint'), 4),
        number('minEvidenceTotal', t('fields.minEvidenceTotal'), definition.minEvidenceTotal),
      ]),
    ],
  };
}

function categoriesSection(t: Translate, definition: ClaimDefinition): SectionSpec {
  const count = definition.categories.length;
  return {
    section: 'categories',
    buttons: [{ intent: 'add:categories', label: t('add.category') }],
    groups: definition.categories.map((category, index) => {
      const path = `categories.${index}`;
      return group(
        path,
        t('items.category', { number: index + 1, id: category.id }),
        [
          text(`${path}.id`, t('fields.id'), category.id, t('fields.idHint')),
          ...localized(t, `${path}.label`, t('fields.label'), category.label),
          ...localized(t, `${path}.description`, t('fields.description'), category.description),
          yesNo(t, `${path}.isBusiness`, t('fields.isBusiness'), category.isBusiness),
          yesNo(t, `${path}.businessOptional`, t('fields.businessOptional'), category.businessOptional),
          yesNo(t, `${path}.allowsMinorWithGuardian`, t('fields.allowsMinorWithGuardian'), category.allowsMinorWithGuardian),
        ],
        [],
        itemButtons(t, path, index, count),
      );
    }),
  };
}

function questionGroup(
  t: Translate,
  definition: ClaimDefinition,
  question: Question,
  path: string,
  index: number,
  count: number,
): FieldGroup {
  const questionIds = questionIdsOf(definition);
  const events = definition.timeline.map((event) => event.id);
  const fields = [
    text(`${path}.id`, t('fields.id'), question.id, t('fields.idHint')),
    select(
      `${path}.type`,
      t('fields.type'),
      question.type,
      QUESTION_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) })),
      t('fields.typeHint'),
    ),
    ...localized(t, `${path}.label`, t('fields.label'), question.label),
    ...localized(t, `${path}.help`, t('fields.help'), question.help),
    yesNo(t, `${path}.required`, t('fields.required'), question.required),
  ];
  const groups: FieldGroup[] = [conditionFields(t, `${path}.showIf`, question.showIf, questionIds, t('condition.title'))];
  switch (question.type) {
    case 'short_text':
    case 'long_text':
      fields.push(
        number(`${path}.minLength`, t('fields.minLength'), question.minLength),
        number(`${path}.maxLength`, t('fields.maxLength'), question.maxLength),
      );
      break;
    case 'number':
      fields.push(
        number(`${path}.min`, t('fields.min'), question.min),
        number(`${path}.max`, t('fields.max'), question.max),
        yesNo(t, `${path}.integer`, t('fields.integer'), question.integer),
        ...localized(t, `${path}.unit`, t('fields.unit'), question.unit),
      );
      break;
    case 'money':
      fields.push(
        number(`${path}.min`, t('fields.moneyMin'), question.min, t('fields.minorUnitsHint')),
        number(`${path}.max`, t('fields.moneyMax'), question.max, t('fields.minorUnitsHint')),
      );
      break;
    case 'date':
    case 'datetime':
      groups.push(
        boundFields(t, `${path}.notBefore`, question.notBefore, events, questionIds, t('bound.notBefore')),
        boundFields(t, `${path}.notAfter`, question.notAfter, events, questionIds, t('bound.notAfter')),
      );
      break;
    case 'single_choice':
    case 'multiple_choice':
      fields.push(
        textarea(`${path}.options`, t('fields.options'), optionsToLines(question.options), t('fields.optionsHint'), 4),
        yesNo(t, `${path}.allowOther`, t('fields.allowOther'), question.allowOther),
      );
      if (question.type === 'multiple_choice')
        fields.push(
          number(`${path}.minSelected`, t('fields.minSelected'), question.minSelected),
          number(`${path}.maxSelected`, t('fields.maxSelected'), question.maxSelected),
        );
      break;
    default:
      break;
  }
  return group(path, t('items.question', { number: index + 1, id: question.id }), fields, groups, itemButtons(t, path, index, count));
}

function stepsSection(t: Translate, definition: ClaimDefinition): SectionSpec {
  const questionIds = questionIdsOf(definition);
  return {
    section: 'steps',
    buttons: [{ intent: 'add:steps', label: t('add.step') }],
    groups: definition.steps.map((step, index) => {
      const path = `steps.${index}`;
      return group(
        path,
        t('items.step', { number: index + 1, id: step.id }),
        [
          text(`${path}.id`, t('fields.id'), step.id, t('fields.idHint')),
          ...localized(t, `${path}.title`, t('fields.title'), step.title),
          ...localized(t, `${path}.lead`, t('fields.lead'), step.lead),
        ],
        [
          conditionFields(t, `${path}.showIf`, step.showIf, questionIds, t('condition.stepTitle')),
          ...step.questions.map((question, questionIndex) =>
            questionGroup(t, definition, question, `${path}.questions.${questionIndex}`, questionIndex, step.questions.length),
          ),
        ],
        [{ intent: `add:${path}.questions`, label: t('add.question') }, ...itemButtons(t, path, index, definition.steps.length)],
      );
    }),
  };
}

function statementSection(t: Translate, definition: ClaimDefinition): SectionSpec {
  const { statement } = definition;
  const questionIds = questionIdsOf(definition);
  return {
    section: 'statement',
    buttons: [{ intent: 'add:statement.blocks', label: t('add.block') }],
    groups: [
      group('statement', t('sections.statement'), [
        ...localized(t, 'statement.title', t('fields.title'), statement.title),
        ...localized(t, 'statement.preamble', t('fields.preamble'), statement.preamble, { long: true, hint: t('fields.placeholdersHint') }),
        ...localized(t, 'statement.affirmation', t('fields.affirmation'), statement.affirmation, { long: true }),
      ]),
      ...statement.blocks.map((block, index) => {
        const path = `statement.blocks.${index}`;
        return group(
          path,
          t('items.block', { number: index + 1, id: block.id }),
          [
            text(`${path}.id`, t('fields.id'), block.id),
            ...localized(t, `${path}.heading`, t('fields.heading'), block.heading),
            ...localized(t, `${path}.text`, t('fields.text'), block.text, { long: true, hint: t('fields.placeholdersHint') }),
            yesNo(t, `${path}.inline`, t('fields.inline'), block.inline),
          ],
          [conditionFields(t, `${path}.showIf`, block.showIf, questionIds, t('condition.blockTitle'))],
          itemButtons(t, path, index, statement.blocks.length),
        );
      }),
    ],
  };
}

function evidenceSection(t: Translate, definition: ClaimDefinition): SectionSpec {
  const questionIds = questionIdsOf(definition);
  return {
    section: 'evidence',
    buttons: [{ intent: 'add:evidenceKinds', label: t('add.evidenceKind') }],
    groups: definition.evidenceKinds.map((kind, index) => {
      const path = `evidenceKinds.${index}`;
      return group(
        path,
        t('items.evidenceKind', { number: index + 1, id: kind.id }),
        [
          text(`${path}.id`, t('fields.id'), kind.id, t('fields.idHint')),
          ...localized(t, `${path}.label`, t('fields.label'), kind.label),
          ...localized(t, `${path}.help`, t('fields.help'), kind.help),
        ],
        kind.requirements.map((requirement, requirementIndex) => {
          const requirementPath = `${path}.requirements.${requirementIndex}`;
          return group(
            requirementPath,
            t('items.requirement', { number: requirementIndex + 1 }),
            [
              yesNo(t, `${requirementPath}.required`, t('fields.required'), requirement.required),
              number(`${requirementPath}.min`, t('fields.minFiles'), requirement.min),
              number(`${requirementPath}.max`, t('fields.maxFiles'), requirement.max),
            ],
            [conditionFields(t, `${requirementPath}.when`, requirement.when, questionIds, t('condition.requirementTitle'))],
            itemButtons(t, requirementPath, requirementIndex, kind.requirements.length),
          );
        }),
        [
          { intent: `add:${path}.requirements`, label: t('add.requirement') },
          ...itemButtons(t, path, index, definition.evidenceKinds.length),
        ],
      );
    }),
  };
}

function damagesSection(t: Translate, definition: ClaimDefinition): SectionSpec {
  const { damages } = definition;
  const questionIds = questionIdsOf(definition);
  return {
    section: 'damages',
    buttons: [
      { intent: 'add:damages.categories', label: t('add.damageCategory') },
      { intent: 'add:damages.helpers', label: t('add.helper') },
    ],
    groups: [
      group('damages', t('sections.damages'), [
        yesNo(t, 'damages.requireAmount', t('fields.requireAmount'), damages.requireAmount),
        number('damages.maxItems', t('fields.maxItems'), damages.maxItems),
        number('damages.maxItemAmount', t('fields.maxItemAmount'), damages.maxItemAmount, t('fields.minorUnitsHint')),
      ]),
      ...damages.categories.map((category, index) => {
        const path = `damages.categories.${index}`;
        return group(
          path,
          t('items.damageCategory', { number: index + 1, id: category.id }),
          [
            text(`${path}.id`, t('fields.id'), category.id, t('fields.idHint')),
            ...localized(t, `${path}.label`, t('fields.label'), category.label),
            ...localized(t, `${path}.help`, t('fields.help'), category.help),
            select(`${path}.mode`, t('fields.mode'), category.mode, [
              { value: 'fixed', label: t('modes.fixed') },
              { value: 'itemised', label: t('modes.itemised') },
            ]),
            number(`${path}.fixedAmount`, t('fields.fixedAmount'), category.fixedAmount, t('fields.minorUnitsHint')),
          ],
          [conditionFields(t, `${path}.when`, category.when, questionIds, t('condition.damagesTitle'))],
          itemButtons(t, path, index, damages.categories.length),
        );
      }),
      ...damages.helpers.map((helper, index) => {
        const path = `damages.helpers.${index}`;
        return group(
          path,
          t('items.helper', { number: index + 1, id: helper.id }),
          [
            text(`${path}.id`, t('fields.id'), helper.id, t('fields.idHint')),
            ...localized(t, `${path}.label`, t('fields.label'), helper.label),
            ...localized(t, `${path}.explain`, t('fields.explain'), helper.explain),
            text(`${path}.category`, t('fields.helperCategory'), helper.category),
            textarea(`${path}.inputs`, t('fields.inputs'), JSON.stringify(helper.inputs, null, 2), t('fields.inputsHint'), 6),
            text(`${path}.formula`, t('fields.formula'), helper.formula, t('fields.formulaHint')),
            select(
              `${path}.rounding`,
              t('fields.rounding'),
              helper.rounding,
              ['round', 'floor', 'ceil'].map((value) => ({ value, label: t(`roundings.${value}`) })),
            ),
          ],
          [],
          itemButtons(t, path, index, damages.helpers.length),
        );
      }),
    ],
  };
}

function dimensionsSection(t: Translate, definition: ClaimDefinition): SectionSpec {
  const questionIds = questionIdsOf(definition);
  return {
    section: 'dimensions',
    buttons: [{ intent: 'add:dimensions', label: t('add.dimension') }],
    groups: definition.dimensions.map((dimension, index) => {
      const path = `dimensions.${index}`;
      return group(
        path,
        t('items.dimension', { number: index + 1, id: dimension.id }),
        [
          text(`${path}.id`, t('fields.id'), dimension.id, t('fields.idHint')),
          select(`${path}.source.kind`, t('fields.sourceKind'), dimension.source.kind, [
            { value: 'category', label: t('sources.category') },
            { value: 'question', label: t('sources.question') },
          ]),
          select(
            `${path}.source.question`,
            t('fields.sourceQuestion'),
            dimension.source.kind === 'question' ? dimension.source.question : '',
            [{ value: '', label: t('choose') }, ...questionIds.map((id) => ({ value: id, label: id }))],
          ),
          ...localized(t, `${path}.label`, t('fields.dimensionLabel'), dimension.label),
          ...DIMENSION_USES.map((use) => ({
            kind: 'checkbox' as const,
            name: `${path}.uses.${use}`,
            label: t(`uses.${use}`),
            checked: dimension.uses.includes(use),
          })),
        ],
        [],
        itemButtons(t, path, index, definition.dimensions.length),
      );
    }),
  };
}

const BUILDERS: Record<EditorSection, (t: Translate, definition: ClaimDefinition) => SectionSpec> = {
  general: generalSection,
  categories: categoriesSection,
  steps: stepsSection,
  statement: statementSection,
  evidence: evidenceSection,
  damages: damagesSection,
  dimensions: dimensionsSection,
};

export function buildSectionSpec(t: Translate, definition: ClaimDefinition, section: EditorSection): SectionSpec {
  return BUILDERS[section](t, definition);
}
