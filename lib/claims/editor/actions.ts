'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { CASE_ADMIN_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { type ActionResult, formValues, runAction } from '@/lib/forms/action';
import { currentRequestInfo } from '@/lib/http/request-info';
import { DefinitionRefusedError } from '../store/definitions';
import { discardDraft, publishDraft } from './draft-store';
import { IMPORT_MAX_BYTES, importEditorDraft, issuesAtControls, saveEditorSection, startEditorDraft } from './edit';
import { isEditorSection, readIntent } from './sections';

/** Case admins only: the definition decides what every claimant of the case is asked and signs. */
const editorPath = (slug: string) => `/cases/${slug}/settings/claim`;

export async function saveClaimSectionAction(slug: string, section: string, _previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      if (!isEditorSection(section)) throw new AppError('not_found');
      const entries = [...formData.entries()].filter(([name]) => !name.startsWith('$'));
      await saveEditorSection(await getDb(), access.case, section, entries, readIntent(formData.get('intent')));
      revalidatePath(editorPath(slug));
    },
    'admin.claimEditor.saved',
  );
}

export async function startClaimDraftAction(slug: string, _previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      await startEditorDraft(await getDb(), access.case, String(formData.get('source') ?? ''));
      revalidatePath(editorPath(slug));
    },
    'admin.claimEditor.started',
  );
}

export async function importClaimDraftAction(slug: string, _previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      const file = formData.get('file');
      if (!(file instanceof Blob) || file.size === 0) throw new AppError('invalid_input', { fieldErrors: { file: 'validation.required' } });
      if (file.size > IMPORT_MAX_BYTES) throw new AppError('payload_too_large');
      await importEditorDraft(await getDb(), access.case, await file.text());
      revalidatePath(editorPath(slug));
    },
    'admin.claimEditor.imported',
  );
}

export async function discardClaimDraftAction(slug: string, _previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      await discardDraft(await getDb(), access.case.id);
      revalidatePath(editorPath(slug));
    },
    'admin.claimEditor.discarded',
  );
}

export async function publishClaimDraftAction(slug: string, _previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const access = await requireCaseRole(slug, CASE_ADMIN_ROLES);
      try {
        await publishDraft(await getDb(), { caseId: access.case.id, actorUserId: access.user.id, ip: (await currentRequestInfo()).ip });
      } catch (error) {
        // Every fault, named where it is, in the reader's language (the summary lists them all).
        if (error instanceof DefinitionRefusedError)
          throw new AppError('invalid_input', {
            messageKey: 'errors.claimDefinitionRefused',
            fieldErrors: Object.fromEntries(
              Object.entries(issuesAtControls(error.issues, [])).map(([path, message]) => [`publish:${path}`, message]),
            ),
          });
        throw error;
      }
      revalidatePath(editorPath(slug));
      revalidatePath(`/cases/${slug}/settings`);
    },
    'admin.claimEditor.published',
  );
}
