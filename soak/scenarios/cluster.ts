import { randomBytes } from 'node:crypto';
import { HttpSession } from '@/tests/support/http-session';
import { type AppInstance, startAppInstance } from '../lib/app-instance';
import { freePort } from '../lib/cluster';
import { readSoakJob, sendSoakJob, soakStepsRun } from '../lib/jobs';
import { type SoakResponse, countBy, sendAll } from '../lib/load';
import { nginxBinary, startNginx } from '../lib/proxy';
import type { SoakContext, SoakResult, SoakScenario } from '../lib/types';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CASE = 'slammer-2003';
const DEMO_CLAIMANT = 'claimant@joinder.test';
/** The job the killed server holds: long enough to outlive the kill (20 s), resumed from its saved progress. */
const JOB_STEPS = 40;
const JOB_STEP_MS = 500;

async function withClient<T>(url: string, work: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function signature(prefix: string, index: number) {
  return {
    method: 'POST' as const,
    path: `/api/cases/${CASE}/support`,
    body: JSON.stringify({ name: `서명자 ${index}`, email: `${prefix}-${index}@joinder.test`, privacyConsent: true, region: 'seoul' }),
  };
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** Whoever sends a signature and gets no 2xx sends it again (a phone retrying); the route is idempotent by email. */
async function resendFailed(baseUrl: string, prefix: string, failed: number[]): Promise<SoakResponse[]> {
  let pending = failed;
  const answers: SoakResponse[] = [];
  for (let round = 0; round < 5 && pending.length; round++) {
    const batch = await sendAll({
      baseUrl,
      total: pending.length,
      concurrency: Math.min(20, pending.length),
      makeRequest: (index) => signature(prefix, pending[index]),
    });
    const mapped = batch.map((answer) => ({ ...answer, index: pending[answer.index] }));
    answers.push(...mapped);
    pending = mapped.filter((answer) => !isSuccess(answer.status)).map((answer) => answer.index);
    if (pending.length) await sleep(1_000);
  }
  return answers;
}

/**
 * Two app servers behind nginx on one PostgreSQL with shared secrets. A signature surge goes
 * through nginx and the server holding a background job is SIGKILLed in the middle of it: every
 * 2xx has its row and nothing is written twice (failed requests are sent again, as a client
 * would), the session made before stays valid on the survivor, and the survivor finishes the dead
 * server's job. Then both servers are down: nginx answers 502, and once they are back the
 * signatures refused meanwhile go through with nothing lost.
 */
async function runClusterFailover(context: SoakContext): Promise<SoakResult> {
  if (!nginxBinary()) {
    return {
      name: 'cluster-failover',
      pass: false,
      figures: {},
      notes: ['nginx is not installed: apt-get install -y nginx (.ci/run does)'],
    };
  }
  const adminUrl = context.adminDatabaseUrl!;
  const databaseName = `joinder_soak_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`create database "${databaseName}"`));
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString();
  const query = <T = Record<string, unknown>>(statement: string, values?: unknown[]) =>
    withClient(databaseUrl, async (client) => (await client.query(statement, values)).rows as T[]);

  const [proxyPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
  // One set of secrets for every instance: a session or an encrypted field made by one is read by the other.
  const env = {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '20',
    APP_URL: `http://127.0.0.1:${proxyPort}`,
    TRUSTED_PROXY_HOPS: '1',
    JOINDER_SEED_DEMO: 'always',
    JOINDER_SOAK_JOBS: '1',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    JOINDER_ENCRYPTION_KEYS: `soak:${randomBytes(32).toString('base64')}`,
    JOINDER_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    JOINDER_AUDIT_KEYS: `a1:${randomBytes(32).toString('base64')}`,
  };
  const instances: AppInstance[] = [];
  let proxy: Awaited<ReturnType<typeof startNginx>> | null = null;
  const notes: string[] = [];
  const figures: SoakResult['figures'] = {};
  let isWatchingJob = true;
  let jobDoneAt = Number.POSITIVE_INFINITY;
  try {
    // The first migrates and seeds; the second starts on the migrated database.
    instances.push(await startAppInstance({ port: portA, env }));
    instances.push(await startAppInstance({ port: portB, env }));
    proxy = await startNginx({ port: proxyPort, upstreamPorts: [portA, portB] });
    const viaProxy = proxy.baseUrl;
    context.log(`nginx on ${viaProxy} → app servers on ${portA} (pid ${instances[0].pid}) and ${portB} (pid ${instances[1].pid})`);

    // A session made through nginx, good on both servers.
    const session = new HttpSession(viaProxy, { 'accept-language': 'en' });
    await session.signIn(DEMO_CLAIMANT, 'joinder-demo');
    const sessionIsValid = async (baseUrl: string) => {
      const answer = await session.request(`${baseUrl}/api/auth/session`);
      const body = (await answer.json().catch(() => ({}))) as { user?: { email?: string } };
      const page = await session.request(`${baseUrl}/my`);
      await page.arrayBuffer();
      return body.user?.email === DEMO_CLAIMANT && page.status === 200;
    };
    const sessionBefore = (await sessionIsValid(instances[0].baseUrl)) && (await sessionIsValid(instances[1].baseUrl));

    // A job, queued through pg-boss and taken by one of the two: that one is killed. pg-boss records
    // no worker, so who ran a step is read from the line the soak job prints with its pid.
    const jobId = await sendSoakJob({ query }, { steps: JOB_STEPS, stepMs: JOB_STEP_MS });
    const job = () => readSoakJob({ query }, jobId);
    const stepsRunBy = (instance: AppInstance) => soakStepsRun(instance.logs(), jobId).filter((step) => step.pid === instance.pid);
    const runner = () => instances.find((instance) => stepsRunBy(instance).length > 0);
    let held = await job();
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && !(held.status === 'active' && runner()); await sleep(200))
      held = await job();
    const victim = runner();
    if (!victim) throw new Error(`no app server ran the soak job (it is ${held.status} at ${held.progress_done}/${JOB_STEPS})`);
    const survivor = instances.find((instance) => instance !== victim)!;
    // Watched in the background while the surge runs: pg-boss retries the job on the survivor once
    // the dead server's heartbeat lapses, and the job resumes from its saved progress.
    const jobWatch = (async () => {
      let current = held;
      for (
        const deadline = Date.now() + 300_000;
        isWatchingJob && current.status !== 'completed' && Date.now() < deadline;
        await sleep(500)
      )
        current = await job().catch(() => current);
      if (current.status === 'completed') jobDoneAt = Date.now();
      return current;
    })();

    // The surge, with the job holder SIGKILLed once a third of the answers are in.
    const { petitionSignatures: total, petitionConcurrency: concurrency } = context.sizes;
    context.log(`${total} signatures at ${concurrency} concurrent through nginx; the job holder (port ${victim.port}) dies at a third`);
    let killedAt = Number.POSITIVE_INFINITY;
    let victimStepAtKill = 0;
    let killing: Promise<void> | null = null;
    const started = Date.now();
    const surge = await sendAll({
      baseUrl: viaProxy,
      total,
      concurrency,
      makeRequest: (index) => signature('soak-surge', index),
      onResponse: (answered) => {
        if (!killing && answered >= total / 3) {
          killedAt = Date.now();
          victimStepAtKill = Math.max(0, ...stepsRunBy(victim).map((step) => step.done));
          killing = victim.kill();
        }
      },
    });
    const surgeSeconds = (Date.now() - started) / 1000;
    await killing;
    const surgeLog = proxy.accessLog().filter((line) => line.includes('POST /api/cases/'));
    const spread = countBy(surgeLog, (line) => line.split(/[ ,]/)[0]);
    // A request the dead server had taken may have no answer: those (and only those) are 502.
    const failed = surge.filter((answer) => !isSuccess(answer.status));
    const failedNotInFlight = failed.filter((answer) => answer.startedAt > killedAt + 1_000 || answer.endedAt < killedAt).length;
    const resent = await resendFailed(
      viaProxy,
      'soak-surge',
      failed.map((answer) => answer.index),
    );
    const finalStatus = new Map(surge.map((answer) => [answer.index, answer.status]));
    for (const answer of resent) finalStatus.set(answer.index, answer.status);
    const stillFailing = [...finalStatus.values()].filter((status) => !isSuccess(status)).length;

    // Confirmation mails only: a signature sent again after its row was written gets the "already
    // signed" notice instead (lib/petition/sign.ts), which is the answer, not a duplicate.
    const rowsFor = async (prefix: string) =>
      (
        await query<{ rows: string; emails: string; duplicates: string; mails: string; mailDuplicates: string }>(
          `select (select count(*) from supporters s join cases c on c.id = s.case_id where c.slug = $1 and s.email like $2) as rows,
                  (select count(distinct s.email) from supporters s join cases c on c.id = s.case_id where c.slug = $1 and s.email like $2) as emails,
                  (select count(*) from (select s.email from supporters s group by s.case_id, s.email having count(*) > 1) d where d.email like $2) as duplicates,
                  (select count(*) from mail_outbox where to_address like $2 and template = 'petitionConfirm') as mails,
                  (select count(*) from (select to_address from mail_outbox where to_address like $2 and template = 'petitionConfirm'
                     group by to_address having count(*) > 1) m) as "mailDuplicates"`,
          [CASE, `${prefix}-%`],
        )
      )[0];
    const surgeRows = await rowsFor('soak-surge');
    const sessionOnSurvivor = (await sessionIsValid(viaProxy)) && (await sessionIsValid(survivor.baseUrl));
    Object.assign(figures, {
      requests: total,
      concurrency,
      perSecond: Math.round(total / surgeSeconds),
      spreadOverSurge: JSON.stringify(spread),
      statuses: JSON.stringify(countBy(surge, (answer) => answer.status)),
      failedInFlightAtKill: failed.length - failedNotInFlight,
      failedAfterKill: failedNotInFlight,
      resent: failed.length,
      stillFailing,
      rows: Number(surgeRows.rows),
      duplicates: Number(surgeRows.duplicates),
      confirmationMails: Number(surgeRows.mails),
      mailDuplicates: Number(surgeRows.mailDuplicates),
      sessionBefore: String(sessionBefore),
      sessionOnSurvivor: String(sessionOnSurvivor),
    });
    if (Object.keys(spread).length < 2) notes.push(`nginx sent the surge to ${Object.keys(spread).length} server(s) only`);
    if (failedNotInFlight) notes.push(`${failedNotInFlight} requests failed that were not in flight on the killed server`);
    if (stillFailing) notes.push(`${stillFailing} signatures never got a 2xx, even sent again`);
    if (Number(surgeRows.rows) !== total || Number(surgeRows.emails) !== total)
      notes.push(`${surgeRows.rows} rows (${surgeRows.emails} emails) for ${total} signatures that all got a 2xx`);
    if (Number(surgeRows.mails) !== total) notes.push(`${surgeRows.mails} confirmation mails for ${total} signatures`);
    if (Number(surgeRows.duplicates) || Number(surgeRows.mailDuplicates))
      notes.push(`written twice: ${surgeRows.duplicates} signatures, ${surgeRows.mailDuplicates} confirmation mails`);
    if (!sessionBefore || !sessionOnSurvivor) notes.push(`session valid before: ${sessionBefore}, on the survivor: ${sessionOnSurvivor}`);

    // The dead server's job: retried on the survivor once its heartbeat is stale, finished there
    // from the step the dead server had saved, and no step after the kill ran on the dead server.
    const finished = await jobWatch;
    const survivorSteps = stepsRunBy(survivor).map((step) => step.done);
    const victimSteps = stepsRunBy(victim).map((step) => step.done);
    const finishedBySurvivor =
      survivorSteps.includes(JOB_STEPS) && !victimSteps.includes(JOB_STEPS) && Math.max(0, ...victimSteps) === victimStepAtKill;
    Object.assign(figures, {
      jobHeldBy: victim.port,
      jobStepAtKill: victimStepAtKill,
      jobStepsOnSurvivor: survivorSteps.length ? `${Math.min(...survivorSteps)}–${Math.max(...survivorSteps)}` : 'none',
      jobFinal: `${finished.status} ${finished.progress_done}/${JOB_STEPS}, attempt ${finished.attempts}`,
      jobFinishedBySurvivor: String(finishedBySurvivor),
      jobSecondsAfterKill: Number(((jobDoneAt - killedAt) / 1000).toFixed(1)),
    });
    if (victimStepAtKill >= JOB_STEPS)
      notes.push(`the job had finished on port ${victim.port} before it was killed; nothing was taken over`);
    if (finished.status !== 'completed' || finished.progress_done !== JOB_STEPS || !finishedBySurvivor)
      notes.push(
        `the killed server's job ended ${finished.status} at ${finished.progress_done}/${JOB_STEPS} (attempt ${finished.attempts}); steps on the survivor: ${survivorSteps.join(',') || 'none'}`,
      );

    // Both down: nginx answers 502 (nothing can be written), then both come back and nothing is lost.
    await survivor.kill();
    instances.length = 0;
    const downGets = await sendAll({ baseUrl: viaProxy, total: 10, concurrency: 5, makeRequest: () => ({ path: '/api/health' }) });
    const downPosts = await sendAll({
      baseUrl: viaProxy,
      total: 20,
      concurrency: 5,
      makeRequest: (index) => signature('soak-down', index),
    });
    const down502 = [...downGets, ...downPosts].filter((answer) => answer.status === 502).length;
    const restartedAt = Date.now();
    instances.push(...(await Promise.all([startAppInstance({ port: portA, env }), startAppInstance({ port: portB, env })])));
    let recoveredAt = Number.POSITIVE_INFINITY;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(200)) {
      const health = await fetch(`${viaProxy}/api/health`).catch(() => null);
      if (health?.ok) {
        recoveredAt = Date.now();
        break;
      }
    }
    const afterDown = await resendFailed(
      viaProxy,
      'soak-down',
      Array.from({ length: 20 }, (_, index) => index),
    );
    const downRows = await rowsFor('soak-down');
    const surgeRowsAfter = await rowsFor('soak-surge');
    const sessionAfterRestart = await sessionIsValid(viaProxy);
    Object.assign(figures, {
      bothDown502: `${down502}/${downGets.length + downPosts.length}`,
      recoverySeconds: Number(((recoveredAt - restartedAt) / 1000).toFixed(1)),
      refusedThenSent: `${afterDown.filter((answer) => answer.status === 201).length}/20 created`,
      rowsAfterRecovery: Number(surgeRowsAfter.rows) + Number(downRows.rows),
      sessionAfterRestart: String(sessionAfterRestart),
    });
    if (down502 !== downGets.length + downPosts.length)
      notes.push(
        `with both servers down nginx answered ${JSON.stringify(countBy([...downGets, ...downPosts], (answer) => answer.status))}, not 502`,
      );
    if (Number(downRows.rows) !== 20 || Number(downRows.duplicates))
      notes.push(`${downRows.rows} rows for the 20 signatures refused while down`);
    if (Number(surgeRowsAfter.rows) !== total) notes.push(`${surgeRowsAfter.rows} surge rows after the restart, ${total} before`);
    if (!sessionAfterRestart) notes.push('the session was not valid after both servers restarted');
    return { name: 'cluster-failover', pass: notes.length === 0, figures, notes };
  } finally {
    isWatchingJob = false;
    for (const instance of instances) await instance.stop().catch(() => {});
    await proxy?.stop();
    await withClient(adminUrl, (client) => client.query(`drop database if exists "${databaseName}" with (force)`)).catch(() => {});
  }
}

export const scenarios: SoakScenario[] = [
  {
    name: 'cluster-failover',
    description:
      'Two app servers behind nginx, one killed mid-surge: every 2xx has its row, nothing twice, sessions and jobs survive; both down → 502, then recovery',
    needsPostgres: true,
    run: runClusterFailover,
  },
];
