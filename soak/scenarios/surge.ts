import { countBy, sendAll } from '../lib/load';
import { countMails } from '../lib/mail';
import { signUpClient } from '../lib/sign-up';
import { type SoakStack, startSoakStack } from '../lib/stack';
import type { SoakContext, SoakResult, SoakScenario } from '../lib/types';

/** Every n-th signature repeats an earlier email: it must be answered alike and add nothing. */
const REPEAT_EVERY = 20;

type SurgeTarget = {
  label: string;
  request: (index: number) => { method: 'POST'; path: string; body: string; headers: Record<string, string> };
  countRows: (stack: SoakStack) => Promise<number>;
  /** The idempotency key of a request (its email), or null when the target has none. */
  keyOf: (index: number) => string | null;
};

function petitionTarget(): SurgeTarget {
  const emailFor = (index: number) =>
    `soak-sign-${index % REPEAT_EVERY === REPEAT_EVERY - 1 ? index - REPEAT_EVERY + 1 : index}@joinder.test`;
  return {
    label: 'POST /api/cases/slammer-2003/support',
    request: (index) => ({
      method: 'POST',
      path: '/api/cases/slammer-2003/support',
      body: JSON.stringify({ name: `서명자 ${index}`, email: emailFor(index), privacyConsent: true, region: 'seoul', source: 'soak' }),
      // Distinct client addresses, as a real surge has (the server trusts no proxy hop in tests).
      headers: { 'x-forwarded-for': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` },
    }),
    countRows: async (stack) =>
      Number(
        (
          await stack.query<{ n: string }>(
            `select count(*) as n from supporters s join cases c on c.id = s.case_id where c.slug = 'slammer-2003' and s.email like 'soak-sign-%'`,
          )
        )[0].n,
      ),
    keyOf: emailFor,
  };
}

async function runPetitionSurge(context: SoakContext): Promise<SoakResult> {
  const target = petitionTarget();
  const stack = await startSoakStack(context);
  try {
    const { petitionSignatures: total, petitionConcurrency: concurrency } = context.sizes;
    context.log(`${total} requests at ${concurrency} concurrent → ${target.label}`);
    const started = Date.now();
    const responses = await sendAll({ baseUrl: stack.server.baseUrl, total, concurrency, makeRequest: target.request });
    const seconds = (Date.now() - started) / 1000;
    const statuses = countBy(responses, (response) => response.status);
    const created = responses.filter((response) => response.status === 201).length;
    // A repeated address is answered exactly like a new one (issue 17, item 12: nobody learns who
    // signed), so the proof is in the data: one row per address, and the owner of a repeated
    // address told once by mail.
    const addresses = new Map<string, number>();
    for (const response of responses) {
      const key = target.keyOf(response.index);
      if (key) addresses.set(key, (addresses.get(key) ?? 0) + 1);
    }
    const repeatedAddresses = [...addresses.values()].filter((count) => count > 1).length;
    const repeats = [...addresses.values()].reduce((sum, count) => sum + count - 1, 0);
    const answeredAlike = responses.filter((response) => response.status === 201 && /"signed"/.test(response.body)).length;
    const rows = await target.countRows(stack);
    const notices = await countMails(stack, 'petitionAlreadySigned', 'soak-sign-%');
    const serverErrors = responses.filter((response) => response.status >= 500 || response.status === 0).length;
    const notes: string[] = [];
    if (serverErrors) notes.push(`${serverErrors} responses were 5xx or no answer at all`);
    if (rows !== addresses.size) notes.push(`${rows} rows for ${addresses.size} addresses`);
    if (answeredAlike !== total) notes.push(`${total - answeredAlike} answers differed from "signed"`);
    if (notices !== repeatedAddresses) notes.push(`${notices} "already signed" mails for ${repeatedAddresses} repeated addresses`);
    return {
      name: 'surge-petition',
      pass: serverErrors === 0 && rows === addresses.size && answeredAlike === total && notices === repeatedAddresses,
      figures: {
        requests: total,
        concurrency,
        created,
        rows,
        repeats,
        ownersToldByMail: notices,
        serverErrors,
        statuses: JSON.stringify(statuses),
        perSecond: Math.round(total / seconds),
      },
      notes,
    };
  } finally {
    await stack.stop();
  }
}

async function runRegistrations(context: SoakContext): Promise<SoakResult> {
  const stack = await startSoakStack(context);
  try {
    const { registrations: total, registrationConcurrency: concurrency } = context.sizes;
    const signUp = signUpClient(stack.server.baseUrl);
    // Every tenth registration is sent again after its first answer: the same form submitted twice.
    const emails = Array.from({ length: total }, (_, index) => `soak-reg-${index}@joinder.test`);
    const queue = [...emails, ...emails.filter((_, index) => index % 10 === 0)];
    context.log(`${queue.length} sign-ups (${total} people, ${queue.length - total} sent twice) at ${concurrency} concurrent`);
    const started = Date.now();
    const outcomes: Awaited<ReturnType<typeof signUp>>[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < queue.length) outcomes.push(await signUp(queue[next++]));
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const created = outcomes.filter((outcome) => outcome.outcome === 'created').length;
    const [{ users, claimants }] = await stack.query<{ users: string; claimants: string }>(
      `select (select count(*) from users where email like 'soak-reg-%') as users,
              (select count(*) from claimants cl join users u on u.id = cl.user_id where u.email like 'soak-reg-%') as claimants`,
    );
    // A taken address is answered like a new one (issue 17, item 12); its owner is told by mail.
    const notices = await countMails(stack, 'signUpExisting', 'soak-reg-%');
    const repeats = queue.length - total;
    const serverErrors = outcomes.filter((outcome) => outcome.outcome === 'error').length;
    const notes: string[] = [];
    if (serverErrors) notes.push(`${serverErrors} errors, e.g. ${outcomes.find((outcome) => outcome.outcome === 'error')?.message}`);
    if (Number(users) !== total || Number(claimants) !== total)
      notes.push(`${users} accounts and ${claimants} claimant records for ${total} people`);
    if (created !== queue.length) notes.push(`${created} of ${queue.length} submissions answered "check your mail"`);
    if (notices !== repeats) notes.push(`${notices} "you have an account" mails for ${repeats} repeated sign-ups`);
    return {
      name: 'surge-registrations',
      pass: serverErrors === 0 && created === queue.length && Number(users) === total && Number(claimants) === total && notices === repeats,
      figures: {
        submissions: queue.length,
        people: total,
        concurrency,
        answeredAlike: created,
        accounts: Number(users),
        claimantRecords: Number(claimants),
        ownersToldByMail: notices,
        serverErrors,
        perSecond: Number((queue.length / seconds).toFixed(1)),
      },
      notes,
    };
  } finally {
    await stack.stop();
  }
}

export const scenarios: SoakScenario[] = [
  {
    name: 'surge-petition',
    description: 'Petition signatures at 200 concurrent: one row per address, zero 5xx, a repeat answered alike and its owner mailed once',
    needsPostgres: true,
    run: runPetitionSurge,
  },
  {
    name: 'surge-registrations',
    description: 'Claimant registrations through the sign-up form action, some submitted twice',
    needsPostgres: true,
    run: runRegistrations,
  },
];
