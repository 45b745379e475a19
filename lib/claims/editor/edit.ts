import type { Database } from '@/db/client';
import { AppError } from '@/lib/errors';
import { localizedMessageKey } from '@/lib/forms/zod-errors';
import { claimDefinitionSchema, type ClaimDefinition } from '../definition-schema';
import { blankClaimDefinition, findClaimTemplate } from '../definitions';
import type { ClaimIssue } from '../types';
import { checkPublishable } from '../store/definitions';
import { validateClaimDefinition } from '../validate-definition';
import { type EditorDraft, loadEditableDefinition, saveDraft } from './draft-store';
import { controlForPath, type FormParseProblem, readDefinitionForm } from './form-paths';
import { type EditorIntent, type EditorSection, applyIntent, isPathInSection, mergeSection } from './sections';

export type EditorCase = {
  id: string;
  slug: string;
  titleKo: string;
  titleEn: string;
  jurisdiction: 'KR' | 'US';
  claimDefinitionVersion: number | null;
};

const PROBLEM_MESSAGES: Record<FormParseProblem['code'], { ko: string; en: string }> = {
  json: { ko: 'JSON으로 읽을 수 없습니다. 괄호와 따옴표를 확인해 주세요.', en: 'This is not valid JSON. Check the brackets and quotes.' },
  lines: {
    ko: '한 줄에 하나씩, 빠진 칸 없이 "ID | 한국어 | English" 형식으로 적어 주세요.',
    en: 'Write one per line, every part filled in: "id | 한국어 | English".',
  },
};

/** Each issue at the control that shows it (or at its own path when no control does), in both languages. */
export function issuesAtControls(issues: readonly ClaimIssue[], controls: readonly string[]): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const control = controlForPath(issue.path, controls) ?? (issue.path || 'definition');
    fieldErrors[control] ??= localizedMessageKey(issue.message);
  }
  return fieldErrors;
}

async function editableBase(db: Database, caseRow: EditorCase): Promise<ClaimDefinition> {
  const { draft, current } = await loadEditableDefinition(db, caseRow);
  const base = draft?.definition ?? current?.definition;
  if (!base) throw new AppError('not_found', { messageKey: 'admin.claimEditor.errors.startFirst' });
  return base;
}

/**
 * Saves one section's form into the draft. Refused, with every fault at its control and nothing
 * stored, when the result does not parse, or (for a plain save) when the engine finds a fault
 * this section can fix; faults elsewhere are left for their own sections and the publish step.
 * Adding and removing items is never refused for a reference that is still to be fixed.
 */
export async function saveEditorSection(
  db: Database,
  caseRow: EditorCase,
  section: EditorSection,
  entries: [string, FormDataEntryValue][],
  intent: EditorIntent,
): Promise<EditorDraft> {
  const controls = entries.map(([name]) => name);
  const posted = readDefinitionForm(entries);
  if (posted.problems.length > 0) {
    const issues = posted.problems.map((problem) => ({ path: problem.path, code: problem.code, message: PROBLEM_MESSAGES[problem.code] }));
    throw new AppError('invalid_input', { fieldErrors: issuesAtControls(issues, controls) });
  }
  const base = await editableBase(db, caseRow);
  const typed = mergeSection(base as unknown as Record<string, unknown>, section, posted.value);
  const parsedTyped = claimDefinitionSchema.safeParse(typed);
  if (!parsedTyped.success) {
    const result = validateClaimDefinition(typed);
    const issues = result.ok ? [] : result.issues.filter((issue) => isPathInSection(issue.path, section) || !issue.path);
    throw new AppError('invalid_input', {
      fieldErrors: issuesAtControls(issues.length ? issues : result.ok ? [] : result.issues, controls),
    });
  }
  if (intent.kind === 'save') {
    const checked = checkPublishable(parsedTyped.data);
    const here = checked.ok ? [] : checked.issues.filter((issue) => isPathInSection(issue.path, section));
    if (here.length > 0) throw new AppError('invalid_input', { fieldErrors: issuesAtControls(here, controls) });
    return saveDraft(db, caseRow.id, parsedTyped.data);
  }
  const changed = claimDefinitionSchema.safeParse(applyIntent(typed, intent));
  return saveDraft(db, caseRow.id, changed.success ? changed.data : parsedTyped.data);
}

export type DraftSource = 'blank' | 'current' | string;

/** A new draft from a starting template, a blank page or the current published version (replacing any draft). */
export async function startEditorDraft(db: Database, caseRow: EditorCase, source: DraftSource): Promise<EditorDraft> {
  const title = { ko: caseRow.titleKo, en: caseRow.titleEn };
  let definition: ClaimDefinition | null;
  if (source === 'blank') definition = blankClaimDefinition({ key: caseRow.slug, title, jurisdiction: caseRow.jurisdiction });
  else if (source === 'current') definition = (await loadEditableDefinition(db, caseRow)).current?.definition ?? null;
  else {
    const template = findClaimTemplate(source);
    definition = template ? { ...structuredClone(template), key: caseRow.slug, title, jurisdiction: caseRow.jurisdiction } : null;
  }
  if (!definition) throw new AppError('invalid_input', { fieldErrors: { source: 'validation.choose' } });
  // A template keeps its currency and amounts; its regions follow the case's jurisdiction.
  const parsed = claimDefinitionSchema.parse(definition);
  return saveDraft(db, caseRow.id, parsed);
}

/** Refusals name the place in the file and what is wrong with it, in both languages. */
function importIssues(issues: readonly ClaimIssue[]): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues.slice(0, 20)) {
    const where = issue.path || 'definition';
    fieldErrors[`file:${where}`] = localizedMessageKey({ ko: `${where}: ${issue.message.ko}`, en: `${where}: ${issue.message.en}` });
  }
  return fieldErrors;
}

export const IMPORT_MAX_BYTES = 1_000_000;

/**
 * A definition exported from this or another case, read into the draft. The file must be JSON of
 * the definition's shape (checked as a publication would check it; faults of reference are kept
 * for the editor to fix, shown before publishing). Its key becomes this case's.
 */
export async function importEditorDraft(db: Database, caseRow: EditorCase, text: string): Promise<EditorDraft> {
  if (text.length > IMPORT_MAX_BYTES) throw new AppError('payload_too_large');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', { fieldErrors: { file: localizedMessageKey(PROBLEM_MESSAGES.json) } });
  }
  const withKey = json && typeof json === 'object' && !Array.isArray(json) ? { ...json, key: caseRow.slug, version: 1 } : json;
  const parsed = claimDefinitionSchema.safeParse(withKey);
  if (!parsed.success) {
    const result = validateClaimDefinition(withKey);
    throw new AppError('invalid_input', { fieldErrors: result.ok ? { file: 'validation.invalid' } : importIssues(result.issues) });
  }
  return saveDraft(db, caseRow.id, parsed.data);
}
