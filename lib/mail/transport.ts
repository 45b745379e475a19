import type { Transporter } from 'nodemailer';
import { getEnv, isLocalDemo } from '@/lib/env';

export type OutgoingMail = { to: string; subject: string; text: string };

/**
 * Where the sweeper delivers: `smtp` over SMTP_URL; `mailbox` keeps the rendered mail in the
 * outbox row for /admin/outbox (no SMTP, on a local demo or in development only: that mailbox
 * holds live links); `none` holds every mail queued — a deployment without SMTP has nowhere
 * safe to put them, and they go out once SMTP_URL is set.
 */
export type MailTransport =
  { kind: 'smtp'; send: (mail: OutgoingMail) => Promise<void>; close: () => void } | { kind: 'mailbox' } | { kind: 'none' };

/**
 * A local demo (no APP_URL: the server binds loopback only) or development. Only there may
 * rendered mails, with their live links, be kept and shown.
 */
export function isMailPreviewAllowed(): boolean {
  return getEnv().NODE_ENV !== 'production' || isLocalDemo();
}

/** Seconds nodemailer waits on a dead or silent server; well inside the sweeper's lease. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export async function createSmtpTransport(url: string, from = getEnv().MAIL_FROM): Promise<MailTransport & { kind: 'smtp' }> {
  const nodemailer = await import('nodemailer');
  // Pooled: a surge's confirmations reuse a few connections instead of one handshake per mail.
  const transporter: Transporter = nodemailer.createTransport({ url, pool: true, maxConnections: 4, maxMessages: 1_000, ...SMTP_TIMEOUTS });
  return {
    kind: 'smtp',
    send: async (mail) => {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transporter.close(),
  };
}

let configured: Promise<MailTransport> | undefined;

/** The transport this configuration calls for, made once per process. */
export function getMailTransport(): Promise<MailTransport> {
  configured ??= (async (): Promise<MailTransport> => {
    const url = getEnv().SMTP_URL;
    if (url) return createSmtpTransport(url);
    return isMailPreviewAllowed() ? { kind: 'mailbox' } : { kind: 'none' };
  })();
  return configured;
}

/** A refusal that retrying cannot change: SMTP 5xx (no such mailbox, policy). */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
