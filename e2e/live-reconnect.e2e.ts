import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './support/browser';
import { type TestServer, startTestServer } from './support/server';

const SLUG = 'slammer-2003';
let browser: Browser;
const servers: TestServer[] = [];
let dataDir: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

/** On PostgreSQL, a database both runs serve and neither drops (the test server drops its own fresh one). */
async function keptDatabase(): Promise<string | undefined> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return undefined;
  const name = `joinder_e2e_reconnect_${randomBytes(4).toString('hex')}`;
  const { Client } = await import('pg');
  const admin = async (statement: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`create database "${name}"`);
  dropDatabase = () => admin(`drop database if exists "${name}" with (force)`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.stop().catch(() => {});
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase?.().catch(() => {});
});

const supportersOn = async (page: Page) =>
  Number(((await page.getByTestId('count-supporters').locator('dd').textContent()) ?? '').replace(/\D/g, ''));

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return Date.now() - started;
}

async function sign(baseUrl: string, email: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/cases/${SLUG}/support`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: '재연결 확인', email, privacyConsent: true }),
  });
  expect(response.status).toBe(201);
}

// Issue 14, "Bad input and faults": the server behind an open page goes away and comes back (a
// deploy, a crash, the database restarted under it). The page's event stream must come back by
// itself and catch up, and the fallback polling must stop once it has.
describe('the live counter on an open case page', () => {
  it('reconnects its event stream to a restarted server, catches up, and stops polling', async () => {
    // The same secrets and data folder for both runs, as a restarted deployment has.
    const env = {
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      JOINDER_ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
      JOINDER_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
      JOINDER_AUDIT_KEYS: `a1:${randomBytes(32).toString('base64')}`,
    };
    const databaseUrl = await keptDatabase();
    dataDir = databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-reconnect-'));
    const first = await startTestServer({ env, dataDir, databaseUrl });
    servers.push(first);
    const port = Number(new URL(first.baseUrl).port);

    const context = await newContext(browser, { baseUrl: first.baseUrl });
    const page = await context.newPage();
    let streams = 0;
    let polls = 0;
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname === `/api/cases/${SLUG}/stats/events`) streams++;
      if (pathname === `/api/cases/${SLUG}/stats`) polls++;
    });
    await page.goto(`/cases/${SLUG}`);
    await waitFor(async () => streams >= 1, 10_000);
    const before = await supportersOn(page);

    await first.stop();
    servers.splice(servers.indexOf(first), 1);
    const second = await startTestServer({ env, dataDir, databaseUrl, port });
    servers.push(second);
    expect(second.baseUrl).toBe(first.baseUrl);

    await sign(second.baseUrl, `reconnect-1-${Date.now()}@example.test`);
    // Caught up without a reload, by the stream or by the polling that covers for it meanwhile.
    await waitFor(async () => (await supportersOn(page)) === before + 1, 15_000);
    // The stream is back: a new one was opened, and the polling has stopped.
    await waitFor(async () => streams >= 2, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const pollsAfterReconnect = polls;
    await sign(second.baseUrl, `reconnect-2-${Date.now()}@example.test`);
    const elapsedMs = await waitFor(async () => (await supportersOn(page)) === before + 2, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(polls, 'no polling once the stream is back').toBe(pollsAfterReconnect);
    expect(elapsedMs).toBeLessThanOrEqual(5_000);
    await context.close();
  });
});
