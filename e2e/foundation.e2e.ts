import type { Browser } from 'playwright-core';
import { Agent, request } from 'undici';
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

describe('the public case page', () => {
  it('shows the demo case in Korean by default, with live counts and no accessibility violations', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    const response = await page.goto('/cases/slammer-2003');
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toContain('인터넷 대란');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko');
    await expect(page.getByText('마이크로소프트 코퍼레이션').first().isVisible()).resolves.toBe(true);
    expect(Number((await page.getByTestId('count-supporters').locator('dd').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await screenshot(page, 'case-page-ko-phone');
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('switches to English with ?lang=en and keeps the choice', async () => {
    const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
    const page = await context.newPage();
    await page.goto('/cases/slammer-2003?lang=en');
    await expect(page.locator('h1').textContent()).resolves.toContain('Internet Outage');
    await page.goto('/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await screenshot(page, 'home-en-desktop');
    await page.goto('/cases/slammer-2003');
    await screenshot(page, 'case-page-en-desktop');
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('demo accounts', () => {
  const landings = [
    ['admin@joinder.test', '/admin'],
    // A lawyer of both demo cases lands on the list of their cases.
    ['lawyer@joinder.test', '/staff'],
    ['organizer@joinder.test', '/staff'],
    ['claimant@joinder.test', '/my'],
  ] as const;

  for (const [email, landing] of landings) {
    it(`${email} signs in and lands on ${landing}`, async () => {
      const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
      const page = await context.newPage();
      await signIn(page, email);
      await page.waitForURL((url) => url.pathname === landing, { timeout: 20_000 });
      await screenshot(page, `landing-${email.split('@')[0]}`);
      expect(await findAxeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('refuses a wrong password with a translated message and keeps the email typed', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.locator('input[name="email"]').fill('lawyer@joinder.test');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('main form button[type="submit"]').click();
    await expect(page.locator('main [role="alert"]').textContent()).resolves.toContain('이메일 또는 비밀번호가 맞지 않습니다');
    await expect(page.locator('input[name="email"]').inputValue()).resolves.toBe('lawyer@joinder.test');
    await screenshot(page, 'sign-in-error-ko');
    await context.close();
  });

  it('serves robots.txt from public/, keeping crawlers out of accounts, staff areas and the API', async () => {
    const context = await newContext(browser, { baseUrl });
    const answer = await context.request.get('/robots.txt');
    expect(answer.status()).toBe(200);
    const text = await answer.text();
    expect(text).toContain('Allow: /cases/');
    for (const area of ['/my', '/staff', '/admin', '/api/', '/cases/*/review']) expect(text).toContain(`Disallow: ${area}`);
    await context.close();
  });

  it("keeps an idle connection open for a reverse proxy to reuse (65 s, not Node's 5 s)", async () => {
    const agent = new Agent({ connections: 1 });
    let connects = 0;
    agent.on('connect', () => connects++);
    const first = await request(`${baseUrl}/api/health`, { dispatcher: agent });
    await first.body.dump();
    expect(first.headers['keep-alive']).toBe('timeout=65');
    // Past Node's default idle timeout, the same connection still answers.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const second = await request(`${baseUrl}/api/health`, { dispatcher: agent });
    await second.body.dump();
    expect(second.statusCode).toBe(200);
    expect(connects).toBe(1);
    await agent.close();
  }, 20_000);
});
