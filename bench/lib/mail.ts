import { Client } from 'pg';
import { type LoopbackSmtp, startLoopbackSmtp } from '@/tests/helpers/smtp-server';

export { startLoopbackSmtp, type LoopbackSmtp };

/**
 * Waits until the server's sweeper has sent every mail to addresses starting with `prefix` (or
 * `timeoutMs` passes), then counts what the SMTP server received for each of those addresses.
 * `exactlyOnce` holds when every address with a row got exactly one mail and nothing else came.
 */
export async function awaitConfirmations(
  databaseUrl: string,
  smtp: LoopbackSmtp,
  prefix: string,
  expected: number,
  timeoutMs = 120_000,
): Promise<{ sent: number; received: number; duplicates: number; missing: number; exactlyOnce: boolean; drainMs: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    let sent = 0;
    while (Date.now() - started < timeoutMs) {
      const { rows } = await client.query<{ n: string }>(
        "select count(*) as n from mail_outbox where to_address like $1 and status = 'sent'",
        [`${prefix}%`],
      );
      sent = Number(rows[0].n);
      if (sent >= expected) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const drainMs = Date.now() - started;
    // Give a late duplicate the chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const perAddress = new Map<string, number>();
    for (const mail of smtp.received)
      for (const to of mail.to) if (to.startsWith(prefix)) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    const received = [...perAddress.values()].reduce((sum, n) => sum + n, 0);
    const duplicates = [...perAddress.values()].filter((n) => n > 1).length;
    const missing = Math.max(0, expected - perAddress.size);
    return { sent, received, duplicates, missing, exactlyOnce: received === expected && duplicates === 0 && missing === 0, drainMs };
  } finally {
    await client.end();
  }
}
