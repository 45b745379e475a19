import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  to: string[];
  subject: string;
  text: string;
  /** Header name (lower case) → its raw value, e.g. `list-unsubscribe`. */
  headers: Record<string, string>;
};

export type LoopbackSmtp = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Stops accepting connections (the server is "down"); `start` brings it back on the same port. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
};

/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps every message it accepts,
 * parsed: what tests and benches count deliveries against. Recipients in `refuse` get a
 * permanent 550, as a real server answers for an unknown mailbox.
 */
export async function startLoopbackSmtp(options: { refuse?: string[] } = {}): Promise<LoopbackSmtp> {
  const received: ReceivedMail[] = [];
  let port = 0;
  let server: SMTPServer | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const created = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        size: 1024 * 1024,
        // Pooled clients keep idle connections: a stop ends them at once, as a crashed server would.
        closeTimeout: 50,
        onRcptTo(address, _session, callback) {
          if (options.refuse?.includes(address.address)) {
            const error = Object.assign(new Error('No such mailbox'), { responseCode: 550 });
            callback(error);
            return;
          }
          callback();
        },
        onData(stream, session, callback) {
          simpleParser(stream)
            .then((parsed) => {
              received.push({
                to: session.envelope.rcptTo.map((recipient) => recipient.address),
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                headers: Object.fromEntries(
                  parsed.headerLines.map((header) => [header.key, header.line.slice(header.line.indexOf(':') + 1).trim()]),
                ),
              });
              callback();
            })
            .catch(callback);
        },
      });
      created.on('error', () => {});
      created.server.once('error', reject);
      created.listen(port, '127.0.0.1', () => {
        port = (created.server.address() as AddressInfo).port;
        server = created;
        resolve();
      });
    });
  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        const current = server;
        server = undefined;
        if (!current) return resolve();
        current.close(() => resolve());
      }),
    start: listen,
  };
}
