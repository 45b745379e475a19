import { z } from 'zod';
import { defineJobKind } from '@/lib/jobs/define';

/**
 * One message's delivery. The job freezes the recipient list on its first run, then sends one
 * slice and queues itself again for the next, so a 100,000-person notice never holds the queue and
 * resumes where it stopped after a crash. Kept apart from the handler so actions load no SMTP code.
 */
export const DELIVER_MESSAGE_JOB = 'communications.deliver';

export const deliverMessageKind = defineJobKind({
  id: DELIVER_MESSAGE_JOB,
  payload: z.object({ messageId: z.uuid() }),
  maxAttempts: 20,
});
