import { countBy, sendAll } from '../lib/load';
import { signUpClient } from '../lib/sign-up';
import { type SoakStack, startSoakStack } from '../lib/stack';
import type { SoakContext, SoakResult, SoakScenario } from '../lib/types';

/** Every n-th signature repeats an earlier email: the second must answer "already signed" and add nothing. */
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
    // Per email: exactly one 201, every other submission 200 "already signed" — whichever came first.
    const byKey = new Map<string, typeof responses>();
    for (const response of responses) {
      const key = target.keyOf(response.index);
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), response]);
    }
    const repeated = [...byKey.values()].filter((group) => group.length > 1);
    const repeats = repeated.flatMap((group) => group.slice(1));
    const repeatsAnsweredAsSigned = repeated
      .filter(
        (group) =>
          group.filter((response) => response.status === 201).length === 1 &&
          group.filter((response) => response.status === 200 && /already_signed/.test(response.body)).length === group.length - 1,
      )
      .flatMap((group) => group.slice(1)).length;
    const rows = await target.countRows(stack);
    const serverErrors = responses.filter((response) => response.status >= 500 || response.status === 0).length;
    const notes: string[] = [];
    if (serverErrors) notes.push(`${serverErrors} responses were 5xx or no answer at all`);
    if (rows !== created) notes.push(`${rows} rows for ${created} successful responses`);
    if (repeatsAnsweredAsSigned !== repeats.length)
      notes.push(`${repeats.length - repeatsAnsweredAsSigned} repeated signatures were not answered "already signed"`);
    return {
      name: 'surge-petition',
      pass: serverErrors === 0 && rows === created && repeatsAnsweredAsSigned === repeats.length,
      figures: {
        requests: total,
        concurrency,
        created,
        rows,
        repeats: repeats.length,
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
    const byOutcome = countBy(outcomes, (outcome) => outcome.outcome);
    const serverErrors = outcomes.filter((outcome) => outcome.outcome === 'error').length;
    const notes: string[] = [];
    if (serverErrors) notes.push(`${serverErrors} errors, e.g. ${outcomes.find((outcome) => outcome.outcome === 'error')?.message}`);
    if (Number(users) !== created || Number(claimants) !== created)
      notes.push(`${users} accounts and ${claimants} claimant records for ${created} successful sign-ups`);
    if (created !== total) notes.push(`${created} of ${total} people registered`);
    return {
      name: 'surge-registrations',
      pass:
        serverErrors === 0 &&
        created === total &&
        Number(users) === created &&
        Number(claimants) === created &&
        (byOutcome.taken ?? 0) === queue.length - total,
      figures: {
        submissions: queue.length,
        people: total,
        concurrency,
        created,
        accounts: Number(users),
        claimantRecords: Number(claimants),
        repeatsRefused: byOutcome.taken ?? 0,
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
    description: 'Petition signatures at 200 concurrent: rows = successful responses, zero 5xx, repeats idempotent',
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
