import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP_VIEWPORT, findAxeViolations, launchBrowser, newContext, screenshot, signIn } from './support/browser';

/**
 * Issue 17 in a browser: forms that carry a secret post and work before any JavaScript (item 17),
 * and a role reaches an invitee only through the mailed link and two-step sign-in (item 3).
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
const stamp = Date.now();

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The newest mail to an address, from the admin's dev outbox (the sweeper delivers it moments after the commit). */
async function readMail(to: string, containing: RegExp): Promise<string> {
  const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
  const page = await context.newPage();
  await signIn(page, 'admin@joinder.test');
  let body = '';
  for (let attempt = 0; attempt < 20 && !containing.test(body); attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    await page.goto('/admin/outbox');
    const newest = page.locator('main li', { hasText: to }).first().locator('pre');
    body = (await newest.count()) > 0 ? ((await newest.textContent()) ?? '') : '';
  }
  await context.close();
  return body;
}

async function methodsOfSecretForms(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('form')]
      .filter((form) => form.querySelector('input[type="password"], input[name="code"], input[name="totp"]'))
      .map((form) => form.method),
  );
}

describe('forms that carry a secret', () => {
  it('post, and sign in with JavaScript switched off, never putting the password in the address', async () => {
    const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false, locale: 'ko-KR' });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    for (const path of ['/sign-in', '/sign-up', `/reset-password?token=${'x'.repeat(43)}`]) {
      await page.goto(path);
      const methods = await methodsOfSecretForms(page);
      expect(methods.length, path).toBeGreaterThan(0);
      expect(methods, path).toEqual(methods.map(() => 'post'));
    }
    await page.goto('/sign-in?callbackUrl=%2Fmy');
    await page.locator('main input[name="email"]').fill('claimant@joinder.test');
    await page.locator('main input[name="password"]').fill('joinder-demo');
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/my', { timeout: 20_000 });
    expect(requested.filter((url) => url.includes('joinder-demo'))).toEqual([]);
    // A wrong password without JavaScript: the page comes back with the message and the email kept.
    const stranger = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false, locale: 'ko-KR' });
    const retry = await stranger.newPage();
    await retry.goto('/sign-in');
    await retry.locator('main input[name="email"]').fill('claimant@joinder.test');
    await retry.locator('main input[name="password"]').fill('not the password');
    await retry.locator('main form button[type="submit"]').click();
    await retry.locator('main [role="alert"], main #error-summary').first().waitFor({ timeout: 20_000 });
    await expect(retry.locator('main').textContent()).resolves.toContain('이메일 또는 비밀번호가 맞지 않습니다');
    await expect(retry.locator('main input[name="email"]').inputValue()).resolves.toBe('claimant@joinder.test');
    await stranger.close();
    await context.close();
  });
});

describe('an invitation to a case role', () => {
  it('reaches the invitee by mail; the role opens only after the link and two-step sign-in', async () => {
    const invitee = `invitee-${stamp}@example.kr`;
    const admin = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT, locale: 'en' });
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin@joinder.test');
    await adminPage.goto('/cases/slammer-2003/settings');
    const memberForm = adminPage.locator('section[aria-labelledby="members"] form').last();
    await memberForm.locator('input[name="email"]').fill(invitee);
    await memberForm.locator('button[type="submit"]').click();
    await adminPage.locator('section[aria-labelledby="members"] ul li').getByText(invitee).waitFor();
    await expect(adminPage.locator('section[aria-labelledby="members"]').textContent()).resolves.toContain('not yet accepted');
    await admin.close();

    const link = /https?:\/\/\S+\/invitations\/accept\?token=\S+/.exec(await readMail(invitee, /invitations\/accept/))?.[0];
    expect(link).toBeTruthy();
    const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT, locale: 'en' });
    const page = await context.newPage();
    await page.goto(link!.replace(/^https?:\/\/[^/]+/, ''));
    await screenshot(page, 'invitation-accept');
    expect(await findAxeViolations(page)).toEqual([]);
    await page.locator('main input[name="name"]').fill('Invited Lawyer');
    await page.locator('main input[name="password"]').fill('invited lawyer passphrase');
    await page.locator('main input[name="passwordConfirm"]').fill('invited lawyer passphrase');
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 20_000 });
    await page.locator('main input[name="email"]').fill(invitee);
    await page.locator('main input[name="password"]').fill('invited lawyer passphrase');
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL('**/account/security', { timeout: 20_000 });
    await expect(page.locator('main').textContent()).resolves.toContain('Set up two-step sign-in to open the case');
    // No role yet: the review queue is not there for this account.
    const before = await page.goto('/cases/slammer-2003/review');
    expect(before?.status()).toBe(404);

    await page.goto('/account/security');
    await page.locator('main input[name="password"]').fill('invited lawyer passphrase');
    await page.locator('main form button[type="submit"]').first().click();
    await page.getByTestId('totp-secret').waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
    await page.locator('main input[name="code"]').fill(await generate({ secret }));
    await page.locator('main input[name="code"]').press('Enter');
    await page.locator('main').getByText('On since').waitFor({ timeout: 20_000 });
    const after = await page.goto('/cases/slammer-2003/review');
    expect(after?.status()).toBe(200);
    await context.close();
  });
});
