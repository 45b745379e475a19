'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import type { ClaimantStatus } from '@/db/schema';
import { type ActionResult, formValues, parseInput, runAction } from '@/lib/forms/action';
import { updateExhibitFields } from '@/lib/evidence/exhibit-fields';
import { currentAppUrl } from '@/lib/http/app-url';
import { currentRequestInfo } from '@/lib/http/request-info';
import { requireReviewer } from './access';
import { type BulkResult, assignClaimant, assignClaimants, decideInBulk } from './bulk';
import { decideClaimant } from './decisions';
import { dismissFlag, rejectAsDuplicate } from './duplicate-review';
import { addReviewNote } from './notes';
import {
  assignSchema,
  bulkSchema,
  decisionSchema,
  exhibitFieldsFormSchema,
  flagSchema,
  noteSchema,
  rejectDuplicateSchema,
} from './schemas';

/**
 * Review actions. Each: parse → the reviewer role in THIS case (slug from the form, re-checked)
 * → the domain function, which scopes every id to the case → revalidate the review pages.
 */
const revalidateReview = (slug: string) => revalidatePath(`/cases/${slug}/review`, 'layout');

export async function decideAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ status: ClaimantStatus; version: number }>> {
  return runAction(formValues(formData), async () => {
    const input = parseInput(decisionSchema, Object.fromEntries(formData));
    const { user, case: found } = await requireReviewer(input.slug);
    const request = await currentRequestInfo();
    const result = await decideClaimant(await getDb(), {
      caseId: found.id,
      claimantId: input.claimantId,
      expectedVersion: input.version,
      decision: input.decision,
      text: input.text,
      actorId: user.id,
      ip: request.ip,
      appUrl: await currentAppUrl(),
    });
    revalidateReview(input.slug);
    return { status: result.status, version: result.version };
  });
}

export type BulkActionData =
  { kind: 'decision'; result: { done: number; stale: number; skipped: number } } | { kind: 'assign'; assigned: number };

export async function bulkAction(_previous: unknown, formData: FormData): Promise<ActionResult<BulkActionData>> {
  return runAction(formValues(formData), async () => {
    const input = parseInput(bulkSchema, { ...Object.fromEntries(formData), items: formData.getAll('items') });
    const { user, case: found } = await requireReviewer(input.slug);
    const db = await getDb();
    const request = await currentRequestInfo();
    let data: BulkActionData;
    if (input.action === 'assign') {
      const { assigned } = await assignClaimants(db, {
        caseId: found.id,
        claimantIds: input.items.map((item) => item.claimantId),
        lawyerId: input.lawyerId || null,
        actorId: user.id,
        ip: request.ip,
      });
      data = { kind: 'assign', assigned };
    } else {
      const result: BulkResult = await decideInBulk(db, {
        caseId: found.id,
        decision: input.action,
        items: input.items,
        text: input.text,
        actorId: user.id,
        ip: request.ip,
        appUrl: await currentAppUrl(),
      });
      data = { kind: 'decision', result: { done: result.done.length, stale: result.stale.length, skipped: result.skipped.length } };
    }
    revalidateReview(input.slug);
    return data;
  });
}

export async function addNoteAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const input = parseInput(noteSchema, Object.fromEntries(formData));
      const { user, case: found } = await requireReviewer(input.slug);
      await addReviewNote(await getDb(), {
        caseId: found.id,
        claimantId: input.claimantId,
        body: input.body,
        actorId: user.id,
        ip: (await currentRequestInfo()).ip,
      });
      revalidateReview(input.slug);
      return undefined;
    },
    'review.file.noteSaved',
  );
}

export async function assignAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const input = parseInput(assignSchema, Object.fromEntries(formData));
      const { user, case: found } = await requireReviewer(input.slug);
      await assignClaimant(await getDb(), {
        caseId: found.id,
        claimantId: input.claimantId,
        lawyerId: input.lawyerId || null,
        actorId: user.id,
        ip: (await currentRequestInfo()).ip,
      });
      revalidateReview(input.slug);
      return undefined;
    },
    'review.file.assignedSaved',
  );
}

export async function dismissFlagAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const input = parseInput(flagSchema, Object.fromEntries(formData));
      const { user, case: found } = await requireReviewer(input.slug);
      await dismissFlag(await getDb(), { caseId: found.id, flagId: input.flagId, actorId: user.id, ip: (await currentRequestInfo()).ip });
      revalidateReview(input.slug);
      return undefined;
    },
    'review.duplicates.dismissed',
  );
}

export async function rejectDuplicateAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(formValues(formData), async () => {
    const input = parseInput(rejectDuplicateSchema, Object.fromEntries(formData));
    const { user, case: found } = await requireReviewer(input.slug);
    await rejectAsDuplicate(await getDb(), {
      caseId: found.id,
      flagId: input.flagId,
      claimantId: input.claimantId,
      expectedVersion: input.version,
      text: input.text,
      actorId: user.id,
      ip: (await currentRequestInfo()).ip,
      appUrl: await currentAppUrl(),
    });
    revalidateReview(input.slug);
    return undefined;
  });
}

/** Counsel's title, 작성자, 작성일 and 입증취지 of one file, for the exhibit list of the next packet. */
export async function setExhibitFieldsAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(
    formValues(formData),
    async () => {
      const { slug, claimantId, evidenceId, ...fields } = parseInput(exhibitFieldsFormSchema, Object.fromEntries(formData));
      const { user, case: found } = await requireReviewer(slug);
      await updateExhibitFields(await getDb(), {
        caseId: found.id,
        claimantId,
        evidenceId,
        fields,
        actorId: user.id,
        ip: (await currentRequestInfo()).ip,
      });
      revalidateReview(slug);
      return undefined;
    },
    'review.file.exhibitSaved',
  );
}
