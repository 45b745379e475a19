import { PgBoss } from 'pg-boss';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { proxyPool, runLoad, runOpenLoad, trackProcessRss } from '../lib/load';
import { benchServer } from '../lib/server';
import type { BenchResult, BenchScenario } from '../lib/types';

const RECIPIENTS = 100_000;
const TARGET_PER_SECOND = 300;
const HEALTH_P99_MS = 100;
/** /api/health arrivals while the notice goes out: a monitor and a few dashboards, not a surge. */
const HEALTH_RATE = 20;
const HEALTH_WINDOW_MS = 2_000;

/**
 * An SMTP server on loopback that only counts: each accepted message's Message-ID (the delivery's
 * idempotency key) and recipient. Parsing 100,000 mails with mailparser would cost the two cores
 * more than the app under test, so the headers are read with a regex from the raw stream.
 */
async function startCountingSmtp() {
  const perRecipient = new Map<string, number>();
  const messageIds = new Set<string>();
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
        for (const recipient of session.envelope.rcptTo)
          perRecipient.set(recipient.address, (perRecipient.get(recipient.address) ?? 0) + 1);
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
    get duplicates() {
      return duplicates;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** 100,000 supporters who agreed to updates, and one notice to them, scheduled for now. */
async function prepareNotice(databaseUrl: string, prefix: string, count: number): Promise<string> {
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
    const boss = new PgBoss({
      db: { executeSql: async (text: string, values?: unknown[]) => ({ rows: (await client.query(text, values)).rows }) },
      schema: 'pgboss',
      supervise: false,
      schedule: false,
      migrate: false,
    });
    await boss.start();
    try {
      if (!(await boss.send('communications.deliver', { messageId }))) throw new Error('communications.deliver was not queued');
    } finally {
      await boss.stop({ graceful: false, close: false });
    }
    return messageId;
  } finally {
    await client.end();
  }
}

async function deliveryState(client: Client, messageId: string) {
  const { rows } = await client.query<{ sent: number; pending: number; first: Date | null; last: Date | null }>(
    `select count(*) filter (where status = 'sent')::int as sent,
            count(*) filter (where status in ('queued', 'sending', 'deferred'))::int as pending,
            min(sent_at) as first, max(sent_at) as last
     from comm_recipients where message_id = $1`,
    [messageId],
  );
  return rows[0];
}

/**
 * A notice to 100,000 supporters, sent by the server's own job runner over SMTP to a loopback
 * server, with /api/health probed the whole time. Throughput is recipients over the span between
 * the first and the last mail the database records as sent; every address must arrive exactly once.
 */
export const scenarios: BenchScenario[] = [
  {
    name: 'notice-100k',
    description: `A notice to ${RECIPIENTS.toLocaleString('en')} supporters over SMTP (≥ ${TARGET_PER_SECOND}/s) with /api/health p99 ≤ ${HEALTH_P99_MS} ms meanwhile.`,
    run: async ({ scale, log }): Promise<BenchResult> => {
      const count = Math.max(2_000, Math.round(RECIPIENTS * scale));
      const smtp = await startCountingSmtp();
      const server = await benchServer('notice', {
        fresh: true,
        env: { SMTP_URL: smtp.url, JOINDER_EMAIL_RATE: '2000', JOINDER_SMTP_CONNECTIONS: '32' },
      });
      const prefix = `notice-${randomBytes(3).toString('hex')}-`;
      const pool = proxyPool(server.baseUrl);
      await runLoad({ baseUrl: server.baseUrl, pool, concurrency: 4, durationMs: 1_000, makeRequest: () => ({ path: '/api/health' }) });
      const rss = trackProcessRss(server.pid);
      const messageId = await prepareNotice(server.databaseUrl!, prefix, count);
      const started = Date.now();
      const client = new Client({ connectionString: server.databaseUrl });
      await client.connect();
      const healthWindows: { n: number; medianMs: number; p95Ms: number; p99Ms: number }[] = [];
      let healthErrors = 0;
      let state = await deliveryState(client, messageId);
      const deadline = started + Math.max(120_000, (count / 100) * 1_000);
      while (Date.now() < deadline) {
        const window = await runOpenLoad({
          baseUrl: server.baseUrl,
          pool,
          ratePerSecond: HEALTH_RATE,
          durationMs: HEALTH_WINDOW_MS,
          makeRequest: () => ({ path: '/api/health' }),
        });
        // Only windows while mail was going out count: the list is frozen first, then the sends.
        state = await deliveryState(client, messageId);
        if (state.first) {
          healthErrors +=
            window.errors +
            Object.entries(window.statuses)
              .filter(([status]) => Number(status) !== 200)
              .reduce((sum, [, n]) => sum + n, 0);
          healthWindows.push(window);
        }
        if (state.sent >= count && state.pending === 0) break;
      }
      await client.end();
      await pool.close();
      const peakRssMb = rss.stop();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await smtp.stop();
      const spanSeconds = state.first && state.last ? Math.max(0.001, (state.last.getTime() - state.first.getTime()) / 1000) : Infinity;
      const throughput = state.sent / spanSeconds;
      const received = [...smtp.perRecipient.entries()].filter(([address]) => address.startsWith(prefix));
      const twice = received.filter(([, n]) => n > 1).length;
      const exactlyOnce = received.length === count && twice === 0 && smtp.duplicates === 0;
      // As mergeLoads does: the percentiles are the worst window's, so no stall hides in an average.
      const probes = healthWindows.reduce((sum, window) => sum + window.n, 0);
      const worst = (key: 'medianMs' | 'p95Ms' | 'p99Ms') =>
        healthWindows.length ? Math.max(...healthWindows.map((window) => window[key])) : Infinity;
      const p99 = worst('p99Ms');
      log(
        `sent ${state.sent}/${count} in ${spanSeconds.toFixed(1)} s: ${throughput.toFixed(0)} mails/s; ${received.length} addresses received, ${twice} twice`,
      );
      log(
        `/api/health while sending: ${probes} requests, worst window median ${worst('medianMs').toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${healthErrors} not 200`,
      );
      return {
        name: 'notice-100k',
        n: state.sent,
        medianMs: worst('medianMs'),
        p95Ms: worst('p95Ms'),
        p99Ms: p99,
        throughput,
        peakRssMb,
        value: Math.round(throughput),
        unit: 'mails/s',
        ceiling: null,
        ratio: null,
        target: `≥ ${TARGET_PER_SECOND} mails/s, health p99 ≤ ${HEALTH_P99_MS} ms, each once`,
        pass: throughput >= TARGET_PER_SECOND && p99 <= HEALTH_P99_MS && healthErrors === 0 && exactlyOnce,
        notes: `${count} recipients; health p99 ${p99.toFixed(1)} ms over ${probes} probes; ${received.length} received, ${twice} twice`,
      };
    },
  },
];
