import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { type MailTemplate, renderMail } from './templates';
import { mintMailTokens, withToken } from './tokens';
import { type MailTransport, type OutgoingMail, getMailTransport, isPermanentSmtpError } from './transport';
import { onMailQueued } from './wake';

/** Mails claimed per round: a surge's confirmations go out in a few statements, not one each. */
export const SWEEP_BATCH = 100;
/** How long a claimed mail belongs to one sweeper; past it (a killed process) another sends it. */
const LEASE_MS = 2 * 60_000;
/** Attempts before a mail is given up: with the backoff below, about a day of SMTP outage. */
export const MAX_MAIL_ATTEMPTS = 300;
const IDLE_POLL_MS = 500;

/** 5 s, 10 s, 20 s … capped at 5 minutes: a server that is down a minute costs a minute's wait. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
}

type ClaimedRow = {
  id: string;
  to_address: string;
  locale: string;
  template: string;
  params: Record<string, string | number>;
  token_kind: 'auth_token' | 'supporter' | 'invitation' | null;
  token_ref: string | null;
  token_links: Record<string, string>;
  subject: string | null;
  text_body: string | null;
  attempts: number;
};

export type SweepResult = { claimed: number; sent: number; stored: number; retried: number; failed: number; cancelled: number };

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * One round of delivery: claims due mails (FOR UPDATE SKIP LOCKED, so several app instances
 * share the outbox and no mail is claimed twice), mints their tokens, renders and sends them, and
 * records each outcome. A mail that fails is retried with backoff; nothing is lost while SMTP is
 * down. With no transport configured (a deployment without SMTP) mails simply wait.
 */
export async function sweepOutbox(
  db: Database,
  options: { now?: Date; limit?: number; transport?: MailTransport } = {},
): Promise<SweepResult> {
  const result: SweepResult = { claimed: 0, sent: 0, stored: 0, retried: 0, failed: 0, cancelled: 0 };
  const transport = options.transport ?? (await getMailTransport());
  if (transport.kind === 'none') return result;
  const now = options.now ?? new Date();
  const at = now.toISOString();
  // A JavaScript time is a whole millisecond; the database's now() (a queued mail's
  // next_attempt_at) has microseconds. A mail queued within this same millisecond is due.
  const dueBy = new Date(now.getTime() + 1).toISOString();
  const claimed = rowsOf<ClaimedRow>(
    await db.execute(sql`
      update ${mailOutbox} as m
      set status = 'sending', attempts = m.attempts + 1, locked_until = ${at}::timestamptz + ${`${LEASE_MS} milliseconds`}::interval, updated_at = now()
      where m.id in (
        select id from ${mailOutbox}
        where status not in ('sent', 'stored')
          and ((status = 'queued' and next_attempt_at < ${dueBy}::timestamptz) or (status = 'sending' and locked_until < ${at}::timestamptz))
        order by next_attempt_at
        limit ${options.limit ?? SWEEP_BATCH}
        for update skip locked
      )
      returning m.id, m.to_address, m.locale, m.template, m.params, m.token_kind, m.token_ref, m.token_links, m.subject, m.text_body, m.attempts`),
  );
  result.claimed = claimed.length;
  if (claimed.length === 0) return result;

  const tokens = await mintMailTokens(
    db,
    claimed.filter((row) => row.token_kind && row.token_ref).map((row) => ({ mailId: row.id, kind: row.token_kind!, ref: row.token_ref! })),
    now,
  );
  const delivered: { id: string; subject: string | null; text: string | null }[] = [];
  const cancelled: string[] = [];
  const failures: { id: string; attempts: number; error: string; isPermanent: boolean }[] = [];
  await Promise.all(
    claimed.map(async (row) => {
      if (row.token_ref && !tokens.has(row.id)) {
        cancelled.push(row.id);
        return;
      }
      const mail = renderRow(row, tokens.get(row.id));
      try {
        if (transport.kind === 'smtp') await transport.send(mail);
        delivered.push({
          id: row.id,
          subject: transport.kind === 'mailbox' ? mail.subject : null,
          text: transport.kind === 'mailbox' ? mail.text : null,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures.push({ id: row.id, attempts: row.attempts, error: message.slice(0, 500), isPermanent: isPermanentSmtpError(error) });
      }
    }),
  );

  if (delivered.length > 0) {
    // Sent: parameters and links are dropped (the mail is in the recipient's mailbox now). The dev
    // mailbox keeps the rendered mail, since it is the recipient.
    await db.execute(sql`
      update ${mailOutbox} as m
      set status = ${transport.kind === 'mailbox' ? 'stored' : 'sent'}::mail_status, sent_at = ${at}::timestamptz, params = '{}'::jsonb,
          token_links = '{}'::jsonb, subject = d.subject, text_body = d.text, locked_until = null, error = null, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(delivered)}::jsonb) as d(id uuid, subject text, text text)
      where m.id = d.id`);
    if (transport.kind === 'mailbox') result.stored = delivered.length;
    else result.sent = delivered.length;
  }
  if (cancelled.length > 0) {
    await db.execute(sql`
      update ${mailOutbox} set status = 'cancelled', params = '{}'::jsonb, token_links = '{}'::jsonb, subject = null, text_body = null,
        locked_until = null, error = 'token no longer valid', updated_at = now()
      where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(cancelled)}::jsonb))`);
    result.cancelled = cancelled.length;
  }
  for (const failure of failures) {
    const isFinal = failure.isPermanent || failure.attempts >= MAX_MAIL_ATTEMPTS;
    const retryAt = new Date(now.getTime() + retryDelayMs(failure.attempts)).toISOString();
    await db.execute(sql`
      update ${mailOutbox}
      set status = ${isFinal ? 'failed' : 'queued'}::mail_status, next_attempt_at = ${retryAt}::timestamptz, locked_until = null,
          error = ${failure.error}, updated_at = now()
      where id = ${failure.id}::uuid`);
    if (isFinal) result.failed++;
    else result.retried++;
  }
  return result;
}

/**
 * The mail as the recipient sees it, rendered now from template and parameters, its links
 * carrying the token just minted. A mail queued before templates were stored (an upgrade) still
 * has its rendered body, and goes out as it is.
 */
function renderRow(row: ClaimedRow, token: string | undefined): OutgoingMail {
  if (Object.keys(row.params).length === 0 && !row.token_ref && row.text_body !== null && row.subject !== null) {
    return { to: row.to_address, subject: row.subject, text: row.text_body };
  }
  const params = { ...row.params };
  if (token) for (const [name, url] of Object.entries(row.token_links)) params[name] = withToken(url, token);
  const rendered = renderMail(row.template as MailTemplate, row.locale as Locale, params);
  return { to: row.to_address, subject: rendered.subject, text: rendered.text };
}

const SWEEPER_KEY = Symbol.for('joinder.mailSweeper');
type GlobalWithSweeper = typeof globalThis & { [SWEEPER_KEY]?: { stop: () => Promise<void> } };

/**
 * Sweeps in this process until stopped: at once while there is more to send, every IDLE_POLL_MS
 * otherwise, and moments after this process queues a mail. Every app instance runs one.
 */
export function startMailSweeper(getDatabase: () => Promise<Database>): { stop: () => Promise<void> } {
  const g = globalThis as GlobalWithSweeper;
  if (g[SWEEPER_KEY]) return g[SWEEPER_KEY];
  let isStopping = false;
  let wakeUp: (() => void) | undefined;
  const nap = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, IDLE_POLL_MS);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  onMailQueued(() => wakeUp?.());
  const loop = (async () => {
    let lastWarning = 0;
    while (!isStopping) {
      try {
        const round = await sweepOutbox(await getDatabase());
        if (round.claimed >= SWEEP_BATCH) continue;
      } catch (error) {
        // The database or the transport is away: say so at most once a minute, and keep trying.
        if (Date.now() - lastWarning > 60_000) console.warn('[joinder] mail sweeper:', (error as Error).message);
        lastWarning = Date.now();
      }
      await nap();
    }
  })();
  const sweeper = {
    stop: async () => {
      isStopping = true;
      wakeUp?.();
      onMailQueued(undefined);
      await loop;
      g[SWEEPER_KEY] = undefined;
    },
  };
  g[SWEEPER_KEY] = sweeper;
  return sweeper;
}
