import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP_VIEWPORT, findAxeViolations, launchBrowser, newContext, screenshot, signIn } from './support/browser';

const baseUrl = inject('baseUrl');
const SLUG = 'slammer-2003';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const numberIn = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).locator('dd').textContent()) ?? '').replace(/\D/g, ''));

/** Waits until `read` returns something other than `before`; returns the elapsed milliseconds. */
async function waitForChange<T>(read: () => Promise<T>, before: T, timeoutMs: number): Promise<{ value: T; elapsedMs: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value !== before) return { value, elapsedMs: Date.now() - started };
    if (Date.now() - started > timeoutMs) return { value, elapsedMs: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the organizer dashboard', () => {
  it('shows the funnel, goals, growth charts and breakdowns on a phone, in Korean, without accessibility violations', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await signIn(page, 'organizer@joinder.test');
    await page.goto('/staff');
    await expect(page.locator(`main a[href="/cases/${SLUG}/dashboard"]`).count()).resolves.toBe(1);
    await expect(page.locator(`main a[href="/cases/${SLUG}/campaigns"]`).count()).resolves.toBe(1);
    await page.goto(`/cases/${SLUG}/dashboard`);
    await expect(page.locator('main h1').textContent()).resolves.toBe('지지·참여 현황');
    expect(await numberIn(page, 'headline-signed')).toBeGreaterThan(2_000);
    await expect(page.getByTestId('funnel-supporters-count').textContent()).resolves.toMatch(/\d/);
    await page.locator('main .recharts-surface').first().waitFor({ timeout: 10_000 });
    await expect(page.locator('main [data-testid="growth-supporters"] .recharts-bar-rectangle').count()).resolves.toBeGreaterThan(5);
    await expect(page.getByTestId('breakdown-region').locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(17);
    await expect(page.getByTestId('goal-supporters').textContent()).resolves.toMatch(/3,000명/);
    await screenshot(page, 'organizer-dashboard-ko-phone');
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('changes the growth range and interval in English on a desktop, with the numbers as a table', async () => {
    const context = await newContext(browser, { baseUrl, locale: 'en', viewport: DESKTOP_VIEWPORT });
    const page = await context.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.goto(`/cases/${SLUG}/dashboard`);
    await expect(page.locator('main h1').textContent()).resolves.toBe('Support dashboard');
    await page.locator('main .recharts-surface').first().waitFor({ timeout: 10_000 });
    await screenshot(page, 'organizer-dashboard-en-desktop');
    const growth = page.waitForResponse((response) => response.url().includes('/metrics/growth?range=7d&interval=hour'));
    await page.locator('#growth-range').selectOption('7d');
    await page.locator('#growth-interval').selectOption('hour');
    expect((await growth).status()).toBe(200);
    // The chart re-renders after the response: wait for the new summary rather than read it mid-update.
    await expect.poll(() => page.getByTestId('growth-supporters-summary').textContent(), { timeout: 10_000 }).toMatch(/Over 7 days/);
    await page.getByTestId('growth-claimants').locator('summary').click();
    await expect(page.getByTestId('growth-claimants').locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(24 * 7);
    await screenshot(page, 'organizer-dashboard-en-7d-hourly');
    expect(await findAxeViolations(page)).toEqual([]);
    // Lawyers see the dashboard but not the campaign tools.
    expect((await page.goto(`/cases/${SLUG}/campaigns`))?.status()).toBe(404);
    await context.close();
  });

  it('is not there for a claimant', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await signIn(page, 'claimant@joinder.test');
    expect((await page.goto(`/cases/${SLUG}/dashboard`))?.status()).toBe(404);
    expect((await page.request.get(`/api/cases/${SLUG}/metrics`)).status()).toBe(404);
    expect((await page.request.get(`/api/cases/${SLUG}/exports/supporters`)).status()).toBe(404);
    await context.close();
  });

  it('moves by itself, and the public case page with it, when someone signs up through a campaign link, within 5 seconds', async () => {
    const organizer = await newContext(browser, { baseUrl });
    const dashboard = await organizer.newPage();
    await signIn(dashboard, 'organizer@joinder.test');
    await dashboard.goto(`/cases/${SLUG}/dashboard`);
    const before = await numberIn(dashboard, 'headline-registered');
    const onlooker = await newContext(browser, { baseUrl });
    const casePage = await onlooker.newPage();
    await casePage.goto(`/cases/${SLUG}`);
    const publicBefore = await numberIn(casePage, 'count-claimants');

    const visitor = await newContext(browser, { baseUrl });
    const signUp = await visitor.newPage();
    await signUp.goto(`/sign-up?case=${SLUG}&src=e2e-live`);
    await signUp.locator('input[name="name"]').fill('김실시간');
    await signUp.locator('input[name="email"]').fill(`live-${Date.now()}@example.test`);
    await signUp.locator('input[name="password"]').fill(`Udp1434-${Date.now()}-slammer`);
    await signUp.locator('input[name="acceptTerms"]').check();
    await signUp.locator('main form button[type="submit"]').click();
    await signUp.locator('main [role="status"]').first().waitFor({ timeout: 20_000 });
    const { value, elapsedMs } = await waitForChange(() => numberIn(dashboard, 'headline-registered'), before, 5_000);
    expect(value).toBe(before + 1);
    expect(elapsedMs).toBeLessThanOrEqual(5_000);
    const publicCounter = await waitForChange(() => numberIn(casePage, 'count-claimants'), publicBefore, 5_000);
    expect(publicCounter.value).toBe(publicBefore + 1);
    expect(elapsedMs + publicCounter.elapsedMs).toBeLessThanOrEqual(5_000);
    await organizer.close();
    await visitor.close();
    await onlooker.close();
  });
});

describe('campaign links', () => {
  it('creates a code, shows its link, QR code and sign-ups, and refuses a duplicate or a malformed code', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await signIn(page, 'organizer@joinder.test');
    await page.goto(`/cases/${SLUG}/campaigns`);
    const form = page.getByTestId('create-campaign');
    await form.locator('input[name="code"]').fill('Naver-Cafe');
    await form.locator('input[name="label"]').fill('네이버 카페 공지글');
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('campaign-naver-cafe').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('campaign-naver-cafe-link').textContent()).resolves.toMatch(
      new RegExp(`/cases/${SLUG}\\?src=naver-cafe$`),
    );
    // The demo seed's signatures carry the naver-cafe source already.
    await expect(page.getByTestId('campaign-naver-cafe-signups').textContent()).resolves.toMatch(/지지 서명 [1-9][\d,]*명/);
    const qr = page.getByTestId('campaign-naver-cafe').locator('img');
    // The QR code is a separate request: wait for it to arrive rather than read it mid-load.
    await expect
      .poll(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);

    await page.getByTestId('create-campaign').locator('input[name="code"]').fill('naver-cafe');
    await page.getByTestId('create-campaign').locator('button[type="submit"]').click();
    await page.locator('#field-code-error', { hasText: '이 사건에 이미 있는 코드입니다.' }).waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('create-campaign').locator('input[name="code"]').inputValue()).resolves.toBe('naver-cafe');
    await page.getByTestId('create-campaign').locator('input[name="code"]').fill('news 0127');
    await page.getByTestId('create-campaign').locator('button[type="submit"]').click();
    await page.locator('#field-code-error', { hasText: '형식이 올바르지 않습니다.' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'organizer-campaigns-ko-phone');
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('exports and the public counter', () => {
  it('downloads the supporters CSV with a BOM and Korean headers', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await signIn(page, 'organizer@joinder.test');
    const response = await page.request.get(`/api/cases/${SLUG}/exports/supporters`);
    expect(response.status()).toBe(200);
    const body = await response.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8').split('\r\n')[0]).toContain('서명 시각,이름,이메일');
    await context.close();
  });

  it('draws the badge in Hangul and in English, embeddable anywhere', async () => {
    const context = await newContext(browser, { baseUrl, viewport: { width: 400, height: 120 } });
    const page = await context.newPage();
    const korean = await page.goto(`/api/cases/${SLUG}/badge.svg`);
    expect(korean?.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(await korean?.text()).toMatch(/참여 [\d,]+명/);
    await page.screenshot({ path: 'e2e/screenshots/badge-ko.png' });
    const english = await page.goto(`/api/cases/${SLUG}/badge.svg?lang=en`);
    expect(await english?.text()).toMatch(/[\d,]+ supporters/);
    // An image embedded on a partner's page sets no cookie of ours, so every copy can be shared from cache.
    expect(english?.headers()['set-cookie']).toBeUndefined();
    expect((await context.request.get(`/api/cases/${SLUG}/badge.svg?lang=en`)).headers()['x-joinder-cache']).toBe('hit');
    await page.screenshot({ path: 'e2e/screenshots/badge-en.png' });
    await context.close();
  });

  // The whole path: a person signs the petition on the public page; the organizer's dashboard
  // (polling) and the embeddable badge (micro-cached for 2 s) both show it within 5 seconds.
  it('moves the organizer funnel and the badge within 5 seconds of a signature on the public page', async () => {
    const visitor = await newContext(browser, { baseUrl });
    const organizer = await newContext(browser, { baseUrl });
    const dashboard = await organizer.newPage();
    await signIn(dashboard, 'organizer@joinder.test');
    await dashboard.goto(`/cases/${SLUG}/dashboard`);
    const before = await numberIn(dashboard, 'headline-signed');
    const badgeCount = async () =>
      Number(
        ((await (await visitor.request.get(`/api/cases/${SLUG}/badge.svg`)).text()).match(/참여 ([\d,]+)명/)?.[1] ?? '').replace(/,/g, ''),
      );
    const badgeBefore = await badgeCount();

    const publicPage = await visitor.newPage();
    await publicPage.goto(`/cases/${SLUG}`);
    await publicPage.locator('#petition-name').fill('박서명');
    await publicPage.locator('#petition-email').fill(`petition-${Date.now()}@example.test`);
    await publicPage.locator('#petition-region').selectOption('seoul');
    await publicPage.locator('#petition-consent').check();
    await publicPage.locator('#petition-consent').locator('xpath=ancestor::form').locator('button[type="submit"]').click();
    await publicPage
      .getByTestId('petition-result')
      .waitFor({ timeout: 10_000 })
      .catch(async (error) => {
        await screenshot(publicPage, 'organizer-petition-debug');
        console.log(await publicPage.locator('main').innerText());
        throw error;
      });
    const moved = await waitForChange(() => numberIn(dashboard, 'headline-signed'), before, 5_000);
    expect(moved.value).toBe(before + 1);
    const badgeMoved = await waitForChange(badgeCount, badgeBefore, 5_000);
    expect(badgeMoved.value).toBe(badgeBefore + 1);
    await organizer.close();
    await visitor.close();
  });
});
