import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { hashPassword } from '@/lib/auth/password';
import { mergeLoads, runLoad } from '../lib/load';
import { awaitConfirmations, startLoopbackSmtp } from '../lib/mail';
import { benchServer } from '../lib/server';
import { summarize } from '../lib/stats';
import type { BenchResult, BenchScenario } from '../lib/types';

/** Sign-up is bound by argon2id (19 MiB, t = 2): the same parallelism on every side. */
const CONCURRENCY = 8;
const RATIO_TARGET = 0.8;
/** Hashing and sign-ups alternate in short rounds, so a busy neighbour on the machine slows both alike. */
const ROUNDS = 5;

/**
 * Raw hashing: argon2id with the app's parameters, CONCURRENCY at a time, in this process with
 * no HTTP around it — what the machine can hash at all. Reported beside the route ceiling.
 */
async function measureRawHashing(durationMs: number): Promise<ReturnType<typeof summarize>> {
  const durations: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const at = performance.now();
        await hashPassword(randomBytes(12).toString('hex'));
        durations.push(performance.now() - at);
      }
    }),
  );
  return summarize(durations, performance.now() - started);
}

async function countAccounts(databaseUrl: string, prefix: string): Promise<{ users: number; claimants: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ users: string; claimants: string }>(
      'select count(distinct u.id) as users, count(c.id) as claimants from users u left join claimants c on c.user_id = u.id where u.email like $1',
      [`${prefix}%`],
    );
    return { users: Number(rows[0].users), claimants: Number(rows[0].claimants) };
  } finally {
    await client.end();
  }
}

/**
 * Claimant registrations through the whole stack (POST /api/auth/register, the sign-up form's
 * domain functions: argon2id, the account, its verification mail, the draft claim in the case)
 * held against the argon2 ceiling through the same stack — a bare route that does nothing but the
 * hash (/api/bench/hash), as the petition is held against a bare insert — measured in the same run
 * with the same parallelism. Raw in-process hashing is reported beside it: on a small machine the
 * app, PostgreSQL and the load share the cores that raw figure had to itself.
 */
export const scenarios: BenchScenario[] = [
  {
    name: 'claimant-register',
    description: `Sign-ups with a claim (POST /api/auth/register) at ${CONCURRENCY} concurrent vs a bare argon2id hashing route at the same parallelism.`,
    run: async ({ scale, log }): Promise<BenchResult> => {
      // Verification mails go out over SMTP to a server on loopback, as in a deployment.
      const smtp = await startLoopbackSmtp();
      const server = await benchServer('base', { fresh: true, env: { SMTP_URL: smtp.url } });
      const roundMs = Math.max(2_000, Math.round((10_000 * scale) / ROUNDS));
      const run = randomBytes(4).toString('hex');
      const request = (prefix: string) => (index: number) => ({
        method: 'POST' as const,
        path: '/api/auth/register',
        body: JSON.stringify({
          name: `원고 ${index}`,
          email: `${prefix}${index}@bench.test`,
          password: `bench passphrase ${run} ${index}`,
          acceptTerms: true,
          caseSlug: 'slammer-2003',
          source: 'bench',
          locale: 'ko',
        }),
      });
      // The ceiling gets the same request (headers and JSON body, unread), as in support-surge:
      // carrying a body through Next.js costs every route the same.
      const hashRoute = (index: number) => ({ ...request(`ceiling-${run}-`)(index), path: '/api/bench/hash' });
      await measureRawHashing(1_000);
      await runLoad({ baseUrl: server.baseUrl, concurrency: CONCURRENCY, durationMs: 1_500, makeRequest: hashRoute });
      await runLoad({ baseUrl: server.baseUrl, concurrency: CONCURRENCY, durationMs: 1_500, makeRequest: request(`warm-${run}-`) });
      const prefix = `reg-${run}-`;
      const rawRounds: ReturnType<typeof summarize>[] = [];
      const routeRounds: Awaited<ReturnType<typeof runLoad>>[] = [];
      const loadRounds: Awaited<ReturnType<typeof runLoad>>[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        rawRounds.push(await measureRawHashing(roundMs));
        routeRounds.push(await runLoad({ baseUrl: server.baseUrl, concurrency: CONCURRENCY, durationMs: roundMs, makeRequest: hashRoute }));
        loadRounds.push(
          await runLoad({
            baseUrl: server.baseUrl,
            concurrency: CONCURRENCY,
            durationMs: roundMs,
            makeRequest: (index) => request(`${prefix}${round}-`)(index),
          }),
        );
      }
      const raw = rawRounds.reduce((total, item) => total + item.throughput, 0) / rawRounds.length;
      const ceiling = mergeLoads(routeRounds);
      const load = mergeLoads(loadRounds);
      log(
        `argon2 ceiling: bare hashing route ${ceiling.throughput.toFixed(1)}/s (raw in-process hashing ${raw.toFixed(1)}/s); sign-ups ${load.throughput.toFixed(1)}/s over ${ROUNDS} alternating rounds`,
      );
      const created = load.statuses[201] ?? 0;
      const stored = await countAccounts(server.databaseUrl!, prefix);
      const mail = await awaitConfirmations(server.databaseUrl!, smtp, prefix, stored.users);
      await smtp.stop();
      const ratio = load.throughput / ceiling.throughput;
      const rawRatio = load.throughput / raw;
      log(`statuses ${JSON.stringify(load.statuses)}, accounts ${stored.users}, claims ${stored.claimants}`);
      log(
        `mail: ${mail.received} verification mails received for ${stored.users} accounts (${mail.duplicates} twice, ${mail.missing} missing)`,
      );
      return {
        name: 'claimant-register',
        n: load.n,
        medianMs: load.medianMs,
        p95Ms: load.p95Ms,
        p99Ms: load.p99Ms,
        throughput: load.throughput,
        peakRssMb: load.peakRssMb,
        value: Math.round(load.throughput * 10) / 10,
        unit: 'sign-ups/s',
        ceiling: Math.round(ceiling.throughput * 10) / 10,
        ratio,
        target: `≥ ${RATIO_TARGET}× argon2 route ceiling, accounts = claims = 201s = mails received once`,
        pass:
          load.errors === 0 &&
          created === load.n &&
          stored.users === created &&
          stored.claimants === created &&
          ceiling.errors === 0 &&
          ratio >= RATIO_TARGET &&
          mail.exactlyOnce,
        notes:
          `${CONCURRENCY} concurrent; bare hashing route ${ceiling.throughput.toFixed(1)}/s, raw in-process hashing ${raw.toFixed(1)}/s (sign-ups ${rawRatio.toFixed(2)}× of it); ` +
          `${created} × 201, ${stored.users} accounts, ${stored.claimants} claims, ${mail.received} mails received (${mail.duplicates} twice, ${mail.missing} missing)`,
      };
    },
  },
];
