import { describe, expect, it } from 'vitest';
import { type ClaimDefinition, claimDefinitionSchema } from '../definition-schema';
import { CLAIM_TEMPLATES, COUPANG_2025, SLAMMER_2003 } from '../definitions';
import { type FieldGroup, controlNames } from './field-specs';
import { readDefinitionForm } from './form-paths';
import { buildSectionSpec } from './section-specs';
import { EDITOR_SECTIONS, mergeSection } from './sections';

const translate = (key: string) => key;

/** What a browser posts for a form nobody touched: every control's value, checked boxes only. */
function untouchedForm(groups: FieldGroup[]): [string, string][] {
  return groups.flatMap((group) => [
    ...group.fields.flatMap((field): [string, string][] =>
      field.kind === 'checkbox' ? (field.checked ? [[field.name, 'on']] : []) : [[field.name, field.value]],
    ),
    ...untouchedForm(group.groups),
  ]);
}

const DEFINITIONS: [string, ClaimDefinition][] = [
  ['slammer-2003', SLAMMER_2003],
  ['coupang-2025', COUPANG_2025],
  ...CLAIM_TEMPLATES.map((template): [string, ClaimDefinition] => [template.id, template.definition]),
];

describe('the editor shows every part of a definition', () => {
  it.each(DEFINITIONS)('%s: saving each section untouched gives back the same definition', (_name, definition) => {
    for (const section of EDITOR_SECTIONS) {
      const spec = buildSectionSpec(translate, definition, section);
      const posted = readDefinitionForm(untouchedForm(spec.groups));
      expect(posted.problems, section).toEqual([]);
      const merged = claimDefinitionSchema.parse(mergeSection(definition as unknown as Record<string, unknown>, section, posted.value));
      expect(merged, section).toEqual(definition);
    }
  });

  it('names each control once', () => {
    for (const section of EDITOR_SECTIONS) {
      const names = controlNames(buildSectionSpec(translate, COUPANG_2025, section).groups);
      expect(new Set(names).size, section).toBe(names.length);
    }
  });
});
