import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP_VIEWPORT, findAxeViolations, launchBrowser, newContext, screenshot, signIn } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STEP_SECONDS = 30;
let lastStep = 0;

/** A code for a time step after the last one used (each code works once); waits for the clock when it must. */
async function freshCode(secret: string): Promise<string> {
  for (;;) {
    const current = Math.floor(Date.now() / 1000 / STEP_SECONDS);
    // The server accepts one step either side of its clock.
    const step = Math.max(lastStep + 1, current - 1);
    if (step <= current + 1) {
      lastStep = step;
      return generate({ secret, epoch: step * STEP_SECONDS + 1 });
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function signInWithCode(page: Page, email: string, secret: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('main input[name="email"]').fill(email);
  await page.locator('main input[name="password"]').fill('joinder-demo');
  await page.locator('main form button[type="submit"]').click();
  await page.locator('main input[name="totp"]').waitFor();
  await page.locator('main input[name="totp"]').fill(await freshCode(secret));
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 20_000 });
}

describe('two-step sign-in for staff', () => {
  it('prompts a lawyer without it, enrols with the QR code, asks for a code at the next sign-in, and turns off with a code', async () => {
    const context = await newContext(browser, { baseUrl, locale: 'en' });
    const page = await context.newPage();
    await signIn(page, 'organizer@joinder.test');
    await page.goto('/staff');
    await expect(page.getByTestId('two-factor-prompt').isVisible()).resolves.toBe(true);
    await screenshot(page, 'trust-staff-two-factor-prompt');
    await page.getByTestId('two-factor-prompt').getByRole('link').click();
    await page.waitForURL('**/account/security');
    await screenshot(page, 'trust-security-off');
    expect(await findAxeViolations(page)).toEqual([]);

    // Set-up asks for the password again: a wrong one is refused next to the field.
    await page.locator('main input[name="password"]').fill('not the password');
    await page.locator('main form button[type="submit"]').first().click();
    await page.locator('main').getByText('The password is not correct.').first().waitFor();
    await page.locator('main input[name="password"]').fill('joinder-demo');
    await page.locator('main form button[type="submit"]').first().click();
    await page.getByTestId('totp-secret').waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
    await expect(page.locator('main img[alt]').getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/);
    await screenshot(page, 'trust-security-scan');
    expect(await findAxeViolations(page)).toEqual([]);

    await page.locator('main input[name="code"]').fill('000000');
    await page.locator('main input[name="code"]').press('Enter');
    await page.locator('#field-code-error').waitFor();
    await expect(page.locator('#field-code-error').textContent()).resolves.toContain('not right');
    await screenshot(page, 'trust-security-wrong-code');
    await page.locator('main input[name="code"]').fill(await freshCode(secret));
    await page.locator('main input[name="code"]').press('Enter');
    await page.locator('main').getByText('On since').waitFor();
    await screenshot(page, 'trust-security-on');
    await context.close();

    const second = await newContext(browser, { baseUrl, locale: 'en', viewport: DESKTOP_VIEWPORT });
    const again = await second.newPage();
    await signInWithCode(again, 'organizer@joinder.test', secret);
    await again.goto('/staff');
    await expect(again.getByTestId('two-factor-prompt').count()).resolves.toBe(0);

    // Recovery codes: made with a current code, shown once, each signs in once in place of the app.
    await again.goto('/account/security');
    const recovery = again.locator('main section[aria-labelledby="recovery-codes"]');
    await expect(recovery.textContent()).resolves.toContain('no recovery codes yet');
    await recovery.locator('input[name="code"]').fill(await freshCode(secret));
    await recovery.locator('input[name="code"]').press('Enter');
    await again.getByTestId('recovery-codes').waitFor();
    const codes = await again.getByTestId('recovery-codes').locator('li').allTextContents();
    expect(codes).toHaveLength(10);
    await again.getByTestId('recovery-codes-left').waitFor();
    await expect(again.getByTestId('recovery-codes-left').textContent()).resolves.toContain('10');
    await screenshot(again, 'trust-security-recovery-codes');
    expect(await findAxeViolations(again)).toEqual([]);
    await second.close();

    const third = await newContext(browser, { baseUrl, locale: 'en' });
    const lostPhone = await third.newPage();
    await lostPhone.goto('/sign-in');
    await lostPhone.locator('main input[name="email"]').fill('organizer@joinder.test');
    await lostPhone.locator('main input[name="password"]').fill('joinder-demo');
    await lostPhone.locator('main form button[type="submit"]').click();
    await lostPhone.locator('main input[name="totp"]').waitFor();
    await lostPhone.getByRole('button', { name: 'Sign in with a recovery code' }).click();
    await expect(lostPhone.locator('main input[name="totp"]').getAttribute('inputmode')).resolves.toBeNull();
    await lostPhone.locator('main input[name="totp"]').fill(codes[0].toUpperCase());
    await screenshot(lostPhone, 'trust-sign-in-recovery-code');
    expect(await findAxeViolations(lostPhone)).toEqual([]);
    await lostPhone.locator('main form button[type="submit"]').click();
    await lostPhone.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 20_000 });
    await lostPhone.goto('/account/security');
    await expect(lostPhone.getByTestId('recovery-codes-left').textContent()).resolves.toContain('9');

    await lostPhone.locator('main section[aria-labelledby="two-factor"] input[name="code"]').fill(await freshCode(secret));
    await lostPhone.locator('main section[aria-labelledby="two-factor"] input[name="code"]').press('Enter');
    await lostPhone.locator('main').getByText('Set up two-step sign-in').waitFor({ timeout: 20_000 });
    await third.close();
  }, 150_000);
});

describe('the audit trail for admins', () => {
  it('lists the two-step sign-in entries with ids only, filters by action, and checks the chain', async () => {
    const context = await newContext(browser, { baseUrl, locale: 'ko', viewport: DESKTOP_VIEWPORT });
    const page = await context.newPage();
    await signIn(page, 'admin@joinder.test');
    await page.goto('/admin');
    await page.locator('main a[href="/admin/audit"]').click();
    await page.waitForURL('**/admin/audit');
    await page.locator('main select[name="action"]').selectOption('auth.totp_enabled');
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL(/action=auth.totp_enabled/);
    const entries = page.getByTestId('audit-entries').locator('li');
    await expect(entries.count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('audit-entries').textContent()).resolves.not.toContain('organizer@joinder.test');
    await page.getByRole('button', { name: '해시 사슬 검사' }).click();
    await expect(page.getByTestId('chain-result').textContent()).resolves.toContain('이상 없음');
    await screenshot(page, 'trust-audit-ko');
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
