'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requirePlatformAdmin } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { type ActionState, formValues, parseInput, runAction } from '@/lib/forms/action';
import { retryDeadLetter } from './dead-letters';

const retryDeadLetterSchema = z.object({ jobId: z.uuid() });

/** The retry button of the dead-letter page: platform admins only, checked here, not by the page alone. */
export async function retryDeadLetterAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(
    formValues(formData),
    async () => {
      const admin = await requirePlatformAdmin();
      const { jobId } = parseInput(retryDeadLetterSchema, formValues(formData));
      // Already retried (a second click, another admin): say so rather than pretend it worked.
      if (!(await retryDeadLetter(await getDb(), jobId, admin.id))) throw new AppError('conflict', { messageKey: 'admin.jobs.notDead' });
      revalidatePath('/admin/jobs');
    },
    'admin.jobs.retried',
  );
}
