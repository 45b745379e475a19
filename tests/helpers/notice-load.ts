import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { sendJobOver } from './pg-boss-send';

/**
 * An SMTP server on loopback that only counts: each accepted message's Message-ID (the delivery's
 * idempotency key) and recipient, and the distinct Message-IDs each recipient got (a message sent
 * again after a crash carries the same one, and mail clients show it once). Parsing 100,000 mails with mailparser would cost the two cores
 * more than the app under test, so the headers are read with a regex from the raw stream.
 */
export async function startCountingSmtp() {
  const perRecipient = new Map<string, number>();
  const messageIds = new Set<string>();
  const messageIdsOf = new Map<string, Set<string>>();
  let duplicates = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4_096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '';
        if (messageIds.has(id)) duplicates++;
        messageIds.add(id);
        for (const { address } of session.envelope.rcptTo) {
          perRecipient.set(address, (perRecipient.get(address) ?? 0) + 1);
          messageIdsOf.set(address, (messageIdsOf.get(address) ?? new Set()).add(id));
        }
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    perRecipient,
    messageIdsOf,
    get duplicates() {
      return duplicates;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `count` supporters of slammer-2003 who agreed to updates, and one notice to them, queued to send now. */
export async function prepareNotice(databaseUrl: string, prefix: string, count: number): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ id: caseId }] = (await client.query<{ id: string }>("select id from cases where slug = 'slammer-2003'")).rows;
    await client.query(
      `insert into supporters (case_id, name, email, locale, consent_version, confirmed_at, source)
       select $1, '서명자 ' || n, $2 || n || '@bench.test', case when n % 5 = 0 then 'en' else 'ko' end, 1, now(), 'notice-bench'
       from generate_series(1, $3::int) as n`,
      [caseId, prefix, count],
    );
    await client.query(
      `insert into comm_consents (case_id, supporter_id, consent_text)
       select case_id, id, 'petition.updates@1' from supporters where case_id = $1 and source = 'notice-bench'`,
      [caseId],
    );
    await client.query(
      `insert into comm_case_settings (case_id, approval_threshold) values ($1, 10000000) on conflict (case_id) do nothing`,
      [caseId],
    );
    const [{ id: messageId }] = (
      await client.query<{ id: string }>(
        `insert into comm_messages (case_id, audience, channel, kind, segment, subject_ko, subject_en, body_ko, body_en, status, send_at)
         values ($1, 'supporters', 'email', 'update', $2, '{name}님께: 소장이 접수되었습니다', '{name}: the complaint is filed',
           '{name}님, 소장을 법원에 제출했습니다. 자세한 내용: {homeLink}', 'Dear {name}, the complaint was filed today. More: {homeLink}', 'scheduled', now())
         returning id`,
        [caseId, JSON.stringify({ audience: 'supporters', source: 'notice-bench' })],
      )
    ).rows;
    // Queued through pg-boss itself, over this connection, as requestSend does in its transaction.
    await sendJobOver(async (text, values) => (await client.query(text, values)).rows, 'communications.deliver', { messageId });
    return messageId;
  } finally {
    await client.end();
  }
}
