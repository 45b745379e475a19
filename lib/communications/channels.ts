import { type Socket, connect } from 'node:net';
import type { Transporter } from 'nodemailer';
import type { Database } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { decryptField } from '@/lib/crypto/field-encryption';
import { getEnv } from '@/lib/env';
import { isMailPreviewAllowed } from '@/lib/mail/transport';

/** One message to one recipient, rendered. `headers` carry List-Unsubscribe and the Message-ID. */
export type OutgoingMessage = {
  channel: 'email' | 'sms' | 'lms' | 'alimtalk';
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
};

/**
 * Every channel behind one interface: e-mail over SMTP, SMS/LMS/알림톡 through a provider. The dev
 * outbox (mail_outbox rows with status `stored`, shown on /admin/outbox) is the local
 * implementation of both, used only where previews are allowed. A provider throws an error with
 * `responseCode` (SMTP-style: 4xx retry, 5xx refused for good).
 */
export type ChannelProvider = {
  /** Messages per second this channel may carry (the provider's contract, or SMTP's politeness). */
  ratePerSecond: number;
  /** Sends at most this many at once. */
  concurrency: number;
  send: (message: OutgoingMessage) => Promise<void>;
  close: () => void;
};

function noDelaySocket(
  options: { host?: string; port?: number },
  callback: (error: Error | null, socketOptions?: { connection: Socket }) => void,
): void {
  const socket = connect({ host: options.host, port: options.port ?? 25, noDelay: true });
  const onError = (error: Error) => callback(error);
  socket.once('error', onError);
  socket.once('connect', () => {
    socket.removeListener('error', onError);
    callback(null, { connection: socket });
  });
}

export function createSmtpProvider(url: string, options: { from?: string; ratePerSecond?: number } = {}): ChannelProvider {
  // Required lazily so a page that only counts a segment loads no SMTP code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nodemailer = require('nodemailer') as typeof import('nodemailer');
  // Latency, not CPU, bounds a sender (each mail is ~6 round trips): throughput is connections ÷ latency.
  const connections = Number(process.env.JOINDER_SMTP_CONNECTIONS ?? 16);
  const transporter: Transporter = nodemailer.createTransport({
    url,
    // Nagle's algorithm holds the DATA phase's later writes until the first is acknowledged, and
    // the server delays that ACK (40 ms on Linux): each mail then costs ~200 ms of idle wire time.
    // Plain connections get TCP_NODELAY; a TLS URL (smtps://) keeps nodemailer's own socket.
    ...(url.startsWith('smtp://') ? { getSocket: noDelaySocket } : {}),
    pool: true,
    maxConnections: connections,
    maxMessages: 10_000,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const from = options.from ?? getEnv().MAIL_FROM;
  return {
    ratePerSecond: options.ratePerSecond ?? Number(process.env.JOINDER_EMAIL_RATE ?? 500),
    // Four sends queued per connection keep every connection busy between round trips.
    concurrency: connections * 4,
    send: async (message) => {
      const { 'Message-ID': messageId, ...headers } = message.headers;
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text, messageId, headers });
    },
    close: () => transporter.close(),
  };
}

/** The dev outbox: what would have been sent, kept for /admin/outbox. Phone numbers are decrypted for it. */
export function createDevOutboxProvider(db: Database): ChannelProvider {
  return {
    ratePerSecond: 1_000,
    concurrency: 4,
    send: async (message) => {
      const to = message.channel === 'email' ? message.to : `sms:${decryptField(message.to)}`;
      await db.insert(mailOutbox).values({
        toAddress: to,
        locale: 'ko',
        template: `communication.${message.channel}`,
        subject: message.subject,
        textBody: message.text,
        status: 'stored',
        sentAt: new Date(),
      });
    },
    close: () => {},
  };
}

let smtpProvider: ChannelProvider | undefined;

/**
 * The provider this configuration calls for. E-mail goes over SMTP_URL; SMS channels have no
 * production provider wired yet, so they reach only the dev outbox. Null: nowhere safe to send
 * (production without the provider), and the job waits.
 */
export function getChannelProvider(db: Database, channel: OutgoingMessage['channel']): ChannelProvider | null {
  const url = getEnv().SMTP_URL;
  if (channel === 'email' && url) {
    smtpProvider ??= createSmtpProvider(url);
    return smtpProvider;
  }
  return isMailPreviewAllowed() ? createDevOutboxProvider(db) : null;
}
