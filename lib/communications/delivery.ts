import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type CommMessage, cases, commMessages } from '@/db/schema';
import { configuredAppOrigin, getEnv } from '@/lib/env';
import { toLocale } from '@/lib/i18n/config';
import { defineJob, enqueue } from '@/lib/jobs/define';
import { claimantNoticeLink } from './claimant-notices';
import { type ChannelProvider, getChannelProvider } from './channels';
import { deliverMessageKind } from './delivery-kind';
import { freezeRecipients } from './freeze';
import { renderForRecipient } from './render';
import { isQuietHourKst, nextQuietHoursEnd } from './sms';
import { unsubscribeUrl } from './unsubscribe';

/**
 * A claimed recipient belongs to one worker this long, renewed every third of it while its chunk is
 * in flight; past it (a killed process) it is sent again. Shorter than pg-boss's heartbeat (30 s),
 * so the retry of a dead run finds its recipients free.
 */
const LEASE_MS = 25_000;
/** One job run sends for this long, then queues the next run: other jobs get their turn. */
const SLICE_MS = 30_000;
/** When a slice found nothing due, the next looks this much later. */
const IDLE_RECHECK_MS = 10_000;
/** 4xx answers are retried this many times (about a day with the backoff below), then `failed`. */
export const MAX_RECIPIENT_ATTEMPTS = 12;

export function recipientRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 60 * 60_000);
}

type ClaimedRecipient = {
  id: string;
  address: string;
  locale: string;
  params: Record<string, string>;
  idempotency_key: string;
  attempts: number;
};
type Outcome = { id: string; status: 'sent' | 'deferred' | 'bounced' | 'failed'; error: string | null; retryAt: string | null };

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Claims due recipients of one message (FOR UPDATE SKIP LOCKED with a lease: any number of workers
 * share a send, and no row is claimed twice while its lease runs).
 */
async function claimRecipients(db: Database, messageId: string, now: Date, limit: number): Promise<ClaimedRecipient[]> {
  const at = now.toISOString();
  // As in lib/mail/sweeper.ts: a row made by now() within this same millisecond is due.
  const dueBy = new Date(now.getTime() + 1).toISOString();
  return rowsOf<ClaimedRecipient>(
    await db.execute(sql`
      update comm_recipients as r
      set status = 'sending', attempts = r.attempts + 1, locked_until = ${at}::timestamptz + ${`${LEASE_MS} milliseconds`}::interval, updated_at = now()
      where r.id in (
        select id from comm_recipients
        where message_id = ${messageId}::uuid
          and ((status in ('queued', 'deferred') and next_attempt_at < ${dueBy}::timestamptz) or (status = 'sending' and locked_until < ${at}::timestamptz))
        order by next_attempt_at
        limit ${limit}
        for update skip locked
      )
      returning r.id, r.address, r.locale, r.params, r.idempotency_key, r.attempts`),
  );
}

function classify(error: unknown, attempts: number, now: Date): Omit<Outcome, 'id'> {
  const code = (error as { responseCode?: unknown }).responseCode;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  if (typeof code === 'number' && code >= 500) return { status: 'bounced', error: message, retryAt: null };
  if (attempts >= MAX_RECIPIENT_ATTEMPTS) return { status: 'failed', error: message, retryAt: null };
  return { status: 'deferred', error: message, retryAt: new Date(now.getTime() + recipientRetryDelayMs(attempts)).toISOString() };
}

/**
 * Records outcomes in one statement. Only rows still `sending` change, so a late worker whose
 * lease ran out cannot overwrite what another recorded. A bounce suppresses the address for this
 * case's later updates (DAWSON flags bounced service the same way).
 */
async function recordOutcomes(db: Database, message: CommMessage, outcomes: Outcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  const input = JSON.stringify(outcomes.map((o) => ({ id: o.id, status: o.status, error: o.error, retry_at: o.retryAt })));
  await db.execute(sql`
    update comm_recipients as r
    set status = o.status::comm_recipient_status, error = o.error, locked_until = null, updated_at = now(),
        next_attempt_at = coalesce(o.retry_at, r.next_attempt_at),
        sent_at = case when o.status = 'sent' then ${now.toISOString()}::timestamptz else r.sent_at end,
        params = case when o.status in ('sent', 'bounced', 'failed') then '{}'::jsonb else r.params end
    from jsonb_to_recordset(${input}::jsonb) as o(id uuid, status text, error text, retry_at timestamptz)
    where r.id = o.id and r.status = 'sending'`);
  const bounced = outcomes.filter((o) => o.status === 'bounced').map((o) => o.id);
  if (bounced.length > 0 && message.channel === 'email') {
    await db.execute(sql`
      insert into comm_suppressions (case_id, address, reason)
      select case_id, lower(address), 'bounced' from comm_recipients where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(bounced)}::jsonb))
      on conflict do nothing`);
  }
}

export type SliceResult = {
  sent: number;
  deferred: number;
  bounced: number;
  failed: number;
  remaining: number;
  nextAttemptAt: Date | null;
};

/**
 * Sends due recipients of a frozen message at the provider's rate until `budgetMs` runs out or none
 * are due, a chunk at a time. Each outcome is written as it comes (outcomeRecorder), so a kill
 * leaves only the messages accepted in the last round trip unrecorded; those recipients stay leased
 * and go out again once the lease ends, with the same Message-ID.
 */
export async function deliverSlice(
  db: Database,
  messageId: string,
  options: { provider?: ChannelProvider; budgetMs?: number; signal?: AbortSignal; now?: () => Date } = {},
): Promise<SliceResult> {
  const clock = options.now ?? (() => new Date());
  const result: SliceResult = { sent: 0, deferred: 0, bounced: 0, failed: 0, remaining: 0, nextAttemptAt: null };
  const [row] = await db
    .select({ message: commMessages, slug: cases.slug })
    .from(commMessages)
    .innerJoin(cases, eq(cases.id, commMessages.caseId))
    .where(eq(commMessages.id, messageId));
  if (!row || row.message.status !== 'sending') return result;
  const { message, slug } = row;
  const provider = options.provider ?? getChannelProvider(db, message.channel);
  if (!provider) throw new Error(`no provider for ${message.channel}`);
  const appUrl = configuredAppOrigin();
  const mailDomain = /@([^>\s]+)/.exec(getEnv().MAIL_FROM)?.[1] ?? 'joinder.local';
  // A claimant's reply link opens their home with this notice and any open request in view (item 7).
  const homeLink = message.audience === 'claimants' ? claimantNoticeLink(appUrl, slug, message.id) : `${appUrl}/cases/${slug}`;
  const started = Date.now();
  const budget = options.budgetMs ?? SLICE_MS;
  const chunkSize = Math.max(1, Math.min(provider.concurrency * 4, provider.ratePerSecond));

  while (Date.now() - started < budget && !options.signal?.aborted) {
    const chunk = await claimRecipients(db, message.id, clock(), chunkSize);
    if (chunk.length === 0) break;
    const chunkStarted = Date.now();
    const recorder = outcomeRecorder(db, message, clock);
    const lease = keepLeased(db, chunk);
    try {
      await sendChunk(
        provider,
        chunk,
        (recipient) =>
          renderForRecipient(
            message,
            {
              idempotencyKey: recipient.idempotency_key,
              address: recipient.address,
              locale: toLocale(recipient.locale),
              params: recipient.params,
              links: { homeLink, unsubscribeLink: unsubscribeUrl(appUrl, recipient.id) },
            },
            mailDomain,
          ),
        (outcome) => {
          result[outcome.status]++;
          recorder.add(outcome);
        },
      );
      await recorder.flush();
    } finally {
      lease.stop();
    }
    // Pace to the channel's rate: a chunk of n may take no less than n / rate seconds.
    const minimumMs = (chunk.length / provider.ratePerSecond) * 1000;
    const elapsed = Date.now() - chunkStarted;
    if (elapsed < minimumMs) await new Promise((resolve) => setTimeout(resolve, minimumMs - elapsed));
  }
  return finishIfDone(db, message.id, result);
}

/**
 * Writes each outcome as soon as it is known, grouped while a write is in flight: a kill loses
 * the record of only the few messages accepted in the last round trip, and those are the only
 * ones ever sent twice (with the same Message-ID). A chunk recorded at its end lost a whole
 * chunk's records, up to 128 resent mails per kill.
 */
function outcomeRecorder(db: Database, message: CommMessage, clock: () => Date) {
  let pending: Outcome[] = [];
  let writing: Promise<void> = Promise.resolve();
  let isWriting = false;
  let failure: unknown = null;
  const writeWaiting = () => {
    if (isWriting || pending.length === 0) return;
    isWriting = true;
    const batch = pending;
    pending = [];
    const now = clock();
    writing = recordOutcomes(
      db,
      message,
      batch.map((o) => (o.status === 'deferred' && !o.retryAt ? { ...o, retryAt: now.toISOString() } : o)),
      now,
    )
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        isWriting = false;
        writeWaiting();
      });
  };
  return {
    add(outcome: Outcome) {
      pending.push(outcome);
      writeWaiting();
    },
    async flush() {
      while (isWriting || pending.length > 0) {
        writeWaiting();
        await writing;
      }
      // Unrecorded outcomes leave their rows leased: they go out again once the lease ends.
      if (failure) throw failure;
    },
  };
}

/** Renews the lease of a chunk's recipients while they are being sent (a slow server, a big chunk). */
function keepLeased(db: Database, chunk: ClaimedRecipient[]): { stop: () => void } {
  const ids = JSON.stringify(chunk.map((recipient) => recipient.id));
  const timer = setInterval(() => {
    void db
      .execute(
        sql`update comm_recipients set locked_until = now() + ${`${LEASE_MS} milliseconds`}::interval
            where id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb)) and status = 'sending'`,
      )
      .catch(() => {});
  }, LEASE_MS / 3);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * Sends a chunk with at most the provider's concurrency in flight. Starting the whole chunk at once
 * made the transport compile hundreds of messages in one event-loop turn, and the web requests
 * served by the same process waited behind it (notice-100k's /api/health tail).
 */
async function sendChunk(
  provider: ChannelProvider,
  chunk: ClaimedRecipient[],
  render: (recipient: ClaimedRecipient) => ReturnType<typeof renderForRecipient>,
  onOutcome: (outcome: Outcome) => void,
): Promise<void> {
  const now = new Date();
  let next = 0;
  const sendNext = async () => {
    while (next < chunk.length) {
      const recipient = chunk[next++];
      try {
        await provider.send(render(recipient));
        onOutcome({ id: recipient.id, status: 'sent', error: null, retryAt: null });
      } catch (error) {
        onOutcome({ id: recipient.id, ...classify(error, recipient.attempts, now) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(provider.concurrency, chunk.length)) }, sendNext));
}

async function finishIfDone(db: Database, messageId: string, result: SliceResult): Promise<SliceResult> {
  const [pending] = rowsOf<{ remaining: number; next: string | null }>(
    await db.execute(sql`
      select count(*)::int as remaining, min(next_attempt_at) as next from comm_recipients
      where message_id = ${messageId}::uuid and status in ('queued', 'deferred', 'sending')`),
  );
  result.remaining = pending.remaining;
  result.nextAttemptAt = pending.next ? new Date(pending.next) : null;
  if (pending.remaining === 0) {
    await db.update(commMessages).set({ status: 'sent' }).where(eq(commMessages.id, messageId));
  }
  return result;
}

/**
 * The delivery job: freezes the list on its first run, keeps update texts out of quiet hours, sends
 * one slice, and queues the next run (now, or when the earliest deferred recipient is due).
 */
export const deliverMessageJob = defineJob(deliverMessageKind, async ({ messageId }, _job, { db, signal }) => {
  const [message] = await db.select().from(commMessages).where(eq(commMessages.id, messageId));
  if (!message || !['scheduled', 'sending'].includes(message.status)) return;
  if (message.status === 'scheduled') {
    const frozen = await freezeRecipients(db, messageId);
    if (frozen.status === 'held') return;
  }
  const isText = message.channel !== 'email';
  const now = new Date();
  if (isText && message.kind === 'update' && isQuietHourKst(now)) {
    await enqueue(db, deliverMessageKind, { messageId }, { runAt: nextQuietHoursEnd(now) });
    return;
  }
  const slice = await deliverSlice(db, messageId, { signal });
  if (slice.remaining > 0 && !signal.aborted) {
    // Nothing was due (recipients leased by a worker that died, or all deferred): look again later
    // instead of spinning through the queue until their lease or backoff ends.
    const processed = slice.sent + slice.deferred + slice.bounced + slice.failed;
    const earliest = processed === 0 ? new Date(Date.now() + IDLE_RECHECK_MS) : new Date();
    const runAt = slice.nextAttemptAt && slice.nextAttemptAt > earliest ? slice.nextAttemptAt : earliest;
    await enqueue(db, deliverMessageKind, { messageId }, { runAt });
  }
});
