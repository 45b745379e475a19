import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackSmtp, startLoopbackSmtp } from '@/tests/helpers/smtp-server';
import { DESKTOP_VIEWPORT, findAxeViolations, launchBrowser, newContext, screenshot, signIn } from './support/browser';
import { type TestServer, startTestServer } from './support/server';

/**
 * An organizer's notice end to end, on a server of its own that sends over SMTP to a real server
 * on loopback (the shared e2e server has no SMTP): segment, ko/en text, test send, approval by a
 * second staff member, delivery by the job runner, one-click unsubscribe, and the next send
 * skipping who left.
 */
const SLUG = 'slammer-2003';
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SOURCE = `e2e-notice-${randomBytes(3).toString('hex')}`;
const SUPPORTERS = [
  { email: `${SOURCE}-ko@example.com`, name: '김지지', lang: 'ko' },
  { email: `${SOURCE}-en@example.com`, name: 'Jamie Support', lang: 'en' },
];

let smtp: LoopbackSmtp;
let server: TestServer;
let browser: Browser;
let databaseName: string;

async function admin(statement: string) {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function query(statement: string, params: unknown[] = []) {
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    return (await client.query(statement, params)).rows;
  } finally {
    await client.end();
  }
}

const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
const notices = (address: string) => mailsTo(address).filter((mail) => mail.headers['list-unsubscribe']);

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  smtp = await startLoopbackSmtp();
  databaseName = `joinder_e2e_comms_${randomBytes(4).toString('hex')}`;
  await admin(`create database "${databaseName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${databaseName}`;
  server = await startTestServer({ databaseUrl: url.toString(), env: { SMTP_URL: smtp.url } });
  browser = await launchBrowser();
  // Two new, unconfirmed signatures through the petition, each in its language, who agreed to updates.
  for (const supporter of SUPPORTERS) {
    const response = await fetch(`${server.baseUrl}/api/cases/${SLUG}/support`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': supporter.lang },
      body: JSON.stringify({ name: supporter.name, email: supporter.email, privacyConsent: true, updatesConsent: true, source: SOURCE }),
    });
    expect(response.status).toBe(201);
  }
  const consents = await query(
    `select c.consent_text from comm_consents c join supporters s on s.id = c.supporter_id where s.source = $1 and c.withdrawn_at is null`,
    [SOURCE],
  );
  expect(consents.map((row) => row.consent_text)).toEqual(SUPPORTERS.map(() => 'petition.updates@1'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
  if (databaseName) await admin(`drop database if exists "${databaseName}" with (force)`).catch(() => {});
});

async function compose(page: Page, subjectKo: string) {
  await page.goto(`/cases/${SLUG}/communications`);
  await page.locator('#field-confirmed').selectOption('no');
  await page.locator('#field-source').fill(SOURCE);
  await page.getByRole('button', { name: '인원 세기' }).click();
  await expect.poll(() => page.getByTestId('segment-count').textContent()).toMatch(/^2명에게/);
  await page.locator('#field-subjectKo').fill(subjectKo);
  await page.locator('#field-subjectEn').fill('{name}, please confirm your signature');
  await page.locator('#field-bodyKo').fill('{name}님, 서명 확인 메일의 링크를 눌러 주세요.');
  await page.locator('#field-bodyEn').fill('Dear {name}, please click the link in the confirmation mail.');
  await page.getByRole('button', { name: '초안 저장' }).click();
  await page.waitForURL(/message=/);
}

describe('an organizer notice to supporters', () => {
  it('is refused with an unknown placeholder, keeping what was typed', async () => {
    const context = await newContext(browser, { baseUrl: server.baseUrl });
    const page = await context.newPage();
    await signIn(page, 'organizer@joinder.test');
    await page.goto(`/cases/${SLUG}/communications`);
    await page.locator('#field-subjectKo').fill('안내');
    await page.locator('#field-subjectEn').fill('Notice');
    await page.locator('#field-bodyKo').fill('{name}님 안녕하세요');
    await page.locator('#field-bodyEn').fill('Hello {nmae}');
    await page.getByRole('button', { name: '초안 저장' }).click();
    await expect.poll(() => page.locator('#field-bodyEn-error').textContent()).toContain('{nmae}');
    await expect(page.locator('#field-bodyKo').inputValue()).resolves.toBe('{name}님 안녕하세요');
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('is tested, approved by a second staff member, and arrives once per supporter in their language with unsubscribe headers', async () => {
    const adminContext = await newContext(browser, { baseUrl: server.baseUrl, viewport: DESKTOP_VIEWPORT });
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, 'admin@joinder.test');
    await adminPage.goto(`/cases/${SLUG}/communications`);
    await adminPage.locator('#field-approvalThreshold').fill('1');
    await adminPage.getByTestId('communication-settings').getByRole('button').click();
    await expect.poll(() => adminPage.getByTestId('communication-settings').getByRole('status').textContent()).toBeTruthy();

    const context = await newContext(browser, { baseUrl: server.baseUrl, viewport: DESKTOP_VIEWPORT });
    const page = await context.newPage();
    await signIn(page, 'organizer@joinder.test');
    await compose(page, '{name}님, 서명을 확인해 주세요');
    await expect(page.getByTestId('message').textContent()).resolves.toContain('홍길동님, 서명을 확인해 주세요');
    await page.getByTestId('test-send').getByRole('button').click();
    await waitFor(() => mailsTo('organizer@joinder.test').length === 2);
    expect(
      mailsTo('organizer@joinder.test')
        .map((mail) => mail.subject)
        .sort(),
    ).toEqual(['[TEST] Gildong Hong, please confirm your signature', '[TEST] 홍길동님, 서명을 확인해 주세요']);
    await page.getByTestId('send').getByRole('button').click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('승인 대기');
    await screenshot(page, 'communications-awaiting-approval');
    expect(await findAxeViolations(page)).toEqual([]);
    expect(notices(SUPPORTERS[0].email)).toHaveLength(0);

    const messageUrl = page.url().replace(server.baseUrl, '');
    await adminPage.goto(messageUrl);
    await adminPage.getByTestId('approve').getByRole('button').click();
    await waitFor(() => SUPPORTERS.every((supporter) => notices(supporter.email).length === 1));
    const [ko] = notices(SUPPORTERS[0].email);
    const [en] = notices(SUPPORTERS[1].email);
    expect(ko.subject).toBe('김지지님, 서명을 확인해 주세요');
    expect(en.subject).toBe('Jamie Support, please confirm your signature');
    expect(ko.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // The mail client's one-click unsubscribe (RFC 8058): a POST to the header's URL.
    const unsubscribeUrl = en.headers['list-unsubscribe'].slice(1, -1).replace(/^https?:\/\/[^/]+/, server.baseUrl);
    const unsubscribed = await fetch(unsubscribeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);

    await page.reload();
    await expect.poll(() => page.getByTestId('delivery-summary').textContent(), { timeout: 20_000 }).toMatch(/보냄2/);
    const report = await page.request.get(`/cases/${SLUG}/communications/report.csv?${messageUrl.split('?')[1]}`);
    expect(report.status()).toBe(200);
    expect((await report.text()).match(/,sent,/g)).toHaveLength(2);

    // The next notice skips who left: the count says so, and only the Korean supporter gets it.
    await page.goto(`/cases/${SLUG}/communications`);
    await page.locator('#field-confirmed').selectOption('no');
    await page.locator('#field-source').fill(SOURCE);
    await page.getByRole('button', { name: '인원 세기' }).click();
    await expect.poll(() => page.getByTestId('segment-count').textContent()).toMatch(/^1명에게.*수신거부·반송 1명/);
    await page.locator('#field-subjectKo').fill('두 번째 안내');
    await page.locator('#field-subjectEn').fill('Second notice');
    await page.locator('#field-bodyKo').fill('{name}님, 두 번째 안내입니다.');
    await page.locator('#field-bodyEn').fill('Dear {name}, a second notice.');
    await page.getByRole('button', { name: '초안 저장' }).click();
    await page.waitForURL(/message=/);
    await page.getByTestId('send').getByRole('button').click();
    await waitFor(() => notices(SUPPORTERS[0].email).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(notices(SUPPORTERS[1].email)).toHaveLength(1);
    await context.close();
    await adminContext.close();
  });
});
