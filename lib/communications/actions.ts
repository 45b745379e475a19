'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { DASHBOARD_ROLES, requireCaseRole } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { type ActionState, formValues, parseInput, runAction } from '@/lib/forms/action';
import { messageIdSchema, messageInputSchema, sendRequestSchema } from './message-schema';
import { type Author, approveMessage, createMessage, requestSend } from './messages';
import { type SegmentCount, countSegment, segmentSchema } from './segments';
import { canChangeSettings, communicationSettingsSchema, updateCommunicationSettings } from './settings';
import { sendTestToSelf } from './test-send';

/**
 * The composer's actions, each bound to the case slug by the page. Role and case membership are
 * checked first, on every call; who may write to which audience is checked again in the domain
 * functions (organizers: supporters; lawyers: claimants; case admins: both).
 */
async function authorFor(caseSlug: string): Promise<Author & { slug: string; email: string; locale: 'ko' | 'en' }> {
  const access = await requireCaseRole(caseSlug, DASHBOARD_ROLES);
  return {
    userId: access.user.id,
    caseId: access.case.id,
    role: access.role,
    slug: access.case.slug,
    email: access.user.email,
    locale: access.user.locale,
  };
}

/** The composer's form as a message: one field per filter, lists as repeated fields. */
function messageFormInput(formData: FormData) {
  const values = formValues(formData);
  return {
    ...values,
    segment: {
      audience: values.audience,
      confirmed: values.confirmed || undefined,
      source: values.source,
      region: values.region,
      signedAfter: values.signedAfter || undefined,
      signedBefore: values.signedBefore || undefined,
      statuses: formData.getAll('statuses').map(String),
      category: values.category,
      dimensionQuestion: values.dimensionQuestion,
      dimensionValue: values.dimensionValue,
      missing: formData.getAll('missing').map(String),
      locale: values.segmentLocale || undefined,
    },
  };
}

const flattenSegmentErrors = (error: unknown) => {
  const fieldErrors = (error as { fieldErrors?: Record<string, string> }).fieldErrors;
  if (fieldErrors) for (const key of Object.keys(fieldErrors)) if (key.startsWith('segment.')) fieldErrors[key.slice(8)] = fieldErrors[key];
  return error;
};

export async function countSegmentAction(
  caseSlug: string,
  _previous: ActionState<SegmentCount>,
  formData: FormData,
): Promise<ActionState<SegmentCount>> {
  return runAction(formValues(formData), async () => {
    const author = await authorFor(caseSlug);
    const input = parseInput(messageInputSchema.pick({ channel: true, kind: true }), formValues(formData));
    let segment;
    try {
      segment = parseInput(segmentSchema, messageFormInput(formData).segment);
    } catch (error) {
      throw flattenSegmentErrors(error);
    }
    return countSegment(await getDb(), segment, { caseId: author.caseId, channel: input.channel, kind: input.kind });
  });
}

export async function createMessageAction(caseSlug: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  let messageId: string | undefined;
  const result = await runAction(formValues(formData), async () => {
    const author = await authorFor(caseSlug);
    let input;
    try {
      input = parseInput(messageInputSchema, messageFormInput(formData));
    } catch (error) {
      throw flattenSegmentErrors(error);
    }
    messageId = (await createMessage(await getDb(), author, input)).id;
  });
  if (result.ok && messageId) redirect(`/cases/${caseSlug}/communications?message=${messageId}`);
  return result;
}

export async function testSendAction(caseSlug: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(
    formValues(formData),
    async () => {
      const author = await authorFor(caseSlug);
      const { messageId } = parseInput(messageIdSchema, formValues(formData));
      await sendTestToSelf(await getDb(), author, messageId);
    },
    'communications.testSent',
  );
}

export async function requestSendAction(caseSlug: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formValues(formData), async () => {
    const author = await authorFor(caseSlug);
    const input = parseInput(sendRequestSchema, formValues(formData));
    await requestSend(await getDb(), author, input);
    revalidatePath(`/cases/${author.slug}/communications`);
  });
}

export async function approveMessageAction(caseSlug: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formValues(formData), async () => {
    const author = await authorFor(caseSlug);
    const { messageId } = parseInput(messageIdSchema, formValues(formData));
    await approveMessage(await getDb(), author, messageId);
    revalidatePath(`/cases/${author.slug}/communications`);
  });
}

/** Case admins only (checked in updateCommunicationSettings): the approval threshold and reminders. */
export async function updateCommunicationSettingsAction(
  caseSlug: string,
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(
    formValues(formData),
    async () => {
      const author = await authorFor(caseSlug);
      if (!canChangeSettings(author.role)) throw new AppError('forbidden');
      const input = parseInput(communicationSettingsSchema, formValues(formData));
      await updateCommunicationSettings(await getDb(), author, input);
      revalidatePath(`/cases/${author.slug}/communications`);
    },
    'communications.settings.saved',
  );
}
