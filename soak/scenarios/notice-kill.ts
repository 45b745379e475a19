import { randomBytes } from 'node:crypto';
import { prepareNotice, startCountingSmtp } from '@/tests/helpers/notice-load';
import { startSoakStack } from '../lib/stack';
import type { SoakContext, SoakResult, SoakScenario } from '../lib/types';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SMTP_CONNECTIONS = 4;

/**
 * A notice going out over SMTP, the app SIGKILLed a third of the way through and started again:
 * pg-boss hands the dead run's job to the new process once its heartbeat lapses, the recipients the
 * dead run had leased come free, and the send finishes. Every recipient must have exactly one
 * message (one Message-ID); a mail the server accepted in the last round trip before the kill,
 * before its outcome was written, is the only kind sent again — with the same Message-ID, so it is
 * one message in the recipient's mailbox — and there may be no more of those than were in flight.
 */
async function runNoticeKill(context: SoakContext): Promise<SoakResult> {
  const smtp = await startCountingSmtp();
  const stack = await startSoakStack(context, {
    SMTP_URL: smtp.url,
    JOINDER_EMAIL_RATE: '300',
    JOINDER_SMTP_CONNECTIONS: String(SMTP_CONNECTIONS),
  });
  try {
    const count = context.sizes.noticeRecipients;
    const prefix = `soak-notice-${randomBytes(3).toString('hex')}-`;
    const messageId = await prepareNotice(stack.databaseUrl, prefix, count);
    const arrived = () => [...smtp.perRecipient.keys()].filter((address) => address.startsWith(prefix)).length;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline && arrived() < count / 3;) await sleep(20);
    const arrivedAtKill = arrived();
    context.log(`killing the app with ${arrivedAtKill} of ${count} mails delivered`);
    const killedAt = Date.now();
    await stack.killAndRestart();
    const state = async () =>
      (
        await stack.query<{ sent: number; pending: number; other: number; message: string }>(
          `select count(*) filter (where r.status = 'sent')::int as sent,
                  count(*) filter (where r.status in ('queued', 'sending', 'deferred'))::int as pending,
                  count(*) filter (where r.status not in ('sent', 'queued', 'sending', 'deferred'))::int as other,
                  (select status from comm_messages where id = $1) as message
           from comm_recipients r where r.message_id = $1`,
          [messageId],
        )
      )[0];
    let final = await state();
    for (const deadline = Date.now() + 180_000; Date.now() < deadline && final.message !== 'sent'; await sleep(500)) final = await state();
    const seconds = Number(((Date.now() - killedAt) / 1000).toFixed(1));
    await sleep(500);
    const received = [...smtp.messageIdsOf.entries()].filter(([address]) => address.startsWith(prefix));
    const withTwoMessages = received.filter(([, ids]) => ids.size !== 1).length;
    const redeliveries = received.reduce((sum, [address]) => sum + (smtp.perRecipient.get(address) ?? 0) - 1, 0);
    const inFlightBound = SMTP_CONNECTIONS * 4;
    const notes: string[] = [];
    if (arrivedAtKill >= count) notes.push('every mail was out before the kill: nothing was interrupted');
    if (final.message !== 'sent' || final.sent !== count)
      notes.push(`after ${seconds} s the message is ${final.message}: ${final.sent} sent, ${final.pending} pending, ${final.other} other`);
    if (received.length !== count) notes.push(`${received.length} of ${count} recipients got the notice`);
    if (withTwoMessages) notes.push(`${withTwoMessages} recipients got two different messages`);
    if (redeliveries > inFlightBound) notes.push(`${redeliveries} mails sent again, more than the ${inFlightBound} that can be in flight`);
    return {
      name: 'notice-kill',
      pass: notes.length === 0,
      figures: {
        recipients: count,
        deliveredAtKill: arrivedAtKill,
        recipientsReached: received.length,
        messagesPerRecipient: withTwoMessages ? 'not 1 for some' : 1,
        sentAgainSameMessageId: redeliveries,
        secondsFromKillToDone: seconds,
      },
      notes,
    };
  } finally {
    await stack.stop();
    await smtp.stop();
  }
}

export const scenarios: SoakScenario[] = [
  {
    name: 'notice-kill',
    description: 'A notice over SMTP, the app killed mid-send and restarted: every recipient one message, resent only what was in flight',
    needsPostgres: true,
    run: runNoticeKill,
  },
];
