import { z } from 'zod';
import { SWEEP_BATCH, sweepOutbox } from '@/lib/mail/sweeper';
import { onMailQueued } from '@/lib/mail/wake';
import { getJobQueue } from './boss';
import { defineCron, defineJobKind } from './define';

/**
 * Mail delivery as a job: each `mail.sweep` run sends one or more batches from the outbox
 * (lib/mail/sweeper.ts keeps each mail's own attempts and backoff). pg-boss runs it every minute
 * as a floor, and the runner nudges it the moment a mail is queued. The queue is `stately`, so
 * however many nudges arrive, one sweep runs and at most one waits.
 */
export const MAIL_SWEEP_JOB = 'mail.sweep';

export const mailSweepKind = defineJobKind({
  id: MAIL_SWEEP_JOB,
  payload: z.object({}),
  maxAttempts: 3,
  retryDelaySeconds: 5,
  expireInSeconds: 15 * 60,
  policy: 'stately',
});

export const mailSweepCron = defineCron(mailSweepKind, { cron: '* * * * *', payload: {} }, async (_payload, _job, { db, signal }) => {
  // Full batches mean more is waiting: keep going in this run rather than wait for the next.
  while (!signal.aborted && (await sweepOutbox(db)).claimed >= SWEEP_BATCH);
});

/** In the runner's process: a queued mail sends a sweep job at once (dropped when one is already waiting). */
export function nudgeMailSweepOnQueue(): void {
  onMailQueued(() => {
    void getJobQueue()
      .then((boss) => boss.send(MAIL_SWEEP_JOB, {}))
      .catch((error: unknown) => console.warn('[joinder] mail sweep nudge:', (error as Error).message));
  });
}
