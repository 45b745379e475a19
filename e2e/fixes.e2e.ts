import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT, findAxeViolations, launchBrowser, newContext, screenshot, signIn } from './support/browser';

/**
 * What using the app end to end turned up (issue 16): the language of a first visit, the favicon,
 * focus after a refused save, colour contrast axe could not judge, and partner sites embedding
 * the petition from another origin.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
let partner: http.Server;
let partnerOrigin = '';
let strangerOrigin = '';

function partnerPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head><body>
<h1>Partner organisation</h1>
<iframe id="petition" title="Petition" src="${baseUrl}/embed/cases/slammer-2003/petition?lang=en&src=partner-embed" width="420" height="720"></iframe>
<form id="plain" method="post" action="${baseUrl}/api/cases/slammer-2003/support">
  <input type="hidden" name="locale" value="en"><input type="hidden" name="return" value="ORIGIN/thanks">
  <input name="name" aria-label="Name"><input name="email" aria-label="Email"><input type="checkbox" name="privacyConsent" value="on" aria-label="Agree">
  <button type="submit">Sign</button>
</form></body></html>`;
}

beforeAll(async () => {
  browser = await launchBrowser();
  partner = http.createServer((request, response) => {
    const origin = `http://${request.headers.host}`;
    if (request.url?.startsWith('/thanks')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>Thanks</title><p id="partner-thanks">Back on the partner site</p>');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(partnerPage().replace('ORIGIN', origin));
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  const { port } = partner.address() as AddressInfo;
  // Two origins of one test server: 127.0.0.1 is the listed partner, localhost a site that is not.
  partnerOrigin = `http://127.0.0.1:${port}`;
  strangerOrigin = `http://localhost:${port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => partner?.close(resolve));
});

describe('the language of a first visit', () => {
  it('follows Accept-Language until the switcher or a cookie says otherwise', async () => {
    const english = await browser.newContext({ baseURL: baseUrl, locale: 'en-US', viewport: PHONE_VIEWPORT });
    const page = await english.newPage();
    await page.goto('/cases/slammer-2003');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await screenshot(page, 'fixes-first-visit-en');
    await page.locator('header form button[value="ko"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    await page.goto('/cases/slammer-2003');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko');
    await english.close();

    const korean = await browser.newContext({ baseURL: baseUrl, locale: 'ko-KR' });
    const koPage = await korean.newPage();
    await koPage.goto('/cases/slammer-2003');
    await expect(koPage.locator('html').getAttribute('lang')).resolves.toBe('ko');
    await korean.close();
  });
});

describe('small things', () => {
  it('serves a real favicon', async () => {
    const response = await fetch(`${baseUrl}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/icon/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  it('says 0 KB used when the claimant has stored no file', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await signIn(page, 'claimant@joinder.test');
    await page.goto('/my/cases/slammer-2003/intake/evidence');
    await expect(page.locator('main').textContent()).resolves.toMatch(/사용량 0KB \/ 200MB/);
    await context.close();
  });
});

async function expectFocusOnErrorSummary(page: Page): Promise<void> {
  await page.getByTestId('error-summary').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'error-summary');
}

describe('after a refused save', () => {
  it('moves the focus to an error summary whose links lead to each wrong field (petition, ko)', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await page.goto('/cases/slammer-2003');
    const form = page.locator('main form', { has: page.locator('#petition-name') });
    await form.locator('#petition-name').fill('지지자');
    await form.locator('#petition-email').fill('not-an-email');
    await form.locator('button[type="submit"]').click();
    await expectFocusOnErrorSummary(page);
    const link = page.getByTestId('error-summary').locator('a', { hasText: '이메일 주소 형식이 아닙니다' });
    await expect(link.getAttribute('href')).resolves.toBe('#petition-email');
    await screenshot(page, 'fixes-error-summary-ko');
    await link.click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('petition-email');
    // A second refusal takes the focus again.
    await form.locator('button[type="submit"]').click();
    await expectFocusOnErrorSummary(page);
    await context.close();
  });

  it('does the same on a staff form (case settings, en)', async () => {
    const context = await newContext(browser, { baseUrl, locale: 'en', viewport: DESKTOP_VIEWPORT });
    const page = await context.newPage();
    await signIn(page, 'admin@joinder.test');
    await page.goto('/cases/slammer-2003/settings');
    const form = page.locator('section[aria-labelledby="partners"] form');
    await form.locator('textarea[name="partnerOrigins"]').fill('https://partner.example/with/a/path');
    await form.locator('button[type="submit"]').click();
    await expectFocusOnErrorSummary(page);
    await expect(form.locator('textarea[name="partnerOrigins"]').inputValue()).resolves.toBe('https://partner.example/with/a/path');
    await page.getByTestId('error-summary').locator('a').first().click();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('partnerOrigins');
    await screenshot(page, 'fixes-error-summary-en');
    await context.close();
  });
});

/** Contrast of one colour on another (WCAG 2.x relative luminance). */
function contrast(a: number[], b: number[]): number {
  const luminance = ([r, g, b2]: number[]) =>
    [r, g, b2]
      .map((value) => (value / 255 <= 0.03928 ? value / 255 / 12.92 : ((value / 255 + 0.055) / 1.055) ** 2.4))
      .reduce((sum, value, index) => sum + value * [0.2126, 0.7152, 0.0722][index], 0);
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * axe's "needs review" colour-contrast nodes: their text colour and the first opaque background
 * behind them, as the browser computes them (for SVG text, its fill).
 */
async function incompleteContrast(page: Page): Promise<{ target: string; text: string; fg: number[]; bg: number[] }[]> {
  await page.waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 5_000 }).catch(() => undefined);
  await page.evaluate(await import('node:fs').then((fs) => fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ incomplete: { nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: ['color-contrast'], resultTypes: ['incomplete'] });
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
    return result.incomplete.flatMap((rule) =>
      rule.nodes.map((node) => {
        const element = document.querySelector(node.target.join(' ')) as Element;
        const style = getComputedStyle(element);
        const fg = rgb(element instanceof SVGElement ? style.fill : style.color);
        let bg = [255, 255, 255];
        for (let at: Element | null = element; at; at = at.parentElement) {
          const color = rgb(getComputedStyle(at).backgroundColor);
          if (color.length === 3 || (color.length === 4 && color[3] === 1)) {
            bg = color.slice(0, 3);
            break;
          }
        }
        return { target: node.target.join(' '), text: (element.textContent ?? '').trim(), fg: fg.slice(0, 3), bg };
      }),
    );
  });
}

describe('colour contrast axe could not judge', () => {
  it('is gone from the review queue and computes to WCAG AA on the dashboard', async () => {
    const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
    const page = await context.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.goto('/cases/slammer-2003/review');
    await expect(incompleteContrast(page)).resolves.toEqual([]);
    await page.goto('/cases/slammer-2003/dashboard');
    await page.locator('figure[data-testid="growth-supporters"] svg').first().waitFor();
    const nodes = await incompleteContrast(page);
    for (const node of nodes) expect(contrast(node.fg, node.bg), `${node.target} "${node.text}"`).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });
});

describe('partner sites', () => {
  it('embed the petition from another origin, and a plain form there sends the signer back', async () => {
    const admin = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
    const adminPage = await admin.newPage();
    await signIn(adminPage, 'admin@joinder.test');
    await adminPage.goto('/cases/slammer-2003/settings');
    const partners = adminPage.locator('section[aria-labelledby="partners"] form');
    await partners.locator('textarea[name="partnerOrigins"]').fill(partnerOrigin);
    await partners.locator('button[type="submit"]').click();
    await partners.locator('[role="status"]').waitFor();
    await adminPage.goto('/cases/slammer-2003/campaigns');
    await expect(adminPage.locator('#embed-iframe').inputValue()).resolves.toContain('/embed/cases/slammer-2003/petition?lang=ko');
    await expect(adminPage.getByTestId('embed-partners').textContent()).resolves.toContain(partnerOrigin);
    await screenshot(adminPage, 'fixes-campaigns-embed-ko');
    await admin.close();

    const context = await browser.newContext({ viewport: DESKTOP_VIEWPORT, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${partnerOrigin}/`);
    const frame = page.frameLocator('#petition');
    await expect(frame.locator('h1').textContent()).resolves.toBeTruthy();
    await expect(frame.locator('#count').textContent()).resolves.toMatch(/\d+ signatures so far/);
    await screenshot(page, 'fixes-partner-embed-en');
    // A refused signature stays in the frame, with what was typed.
    await frame.locator('#name').fill('Embedded Signer');
    await frame.locator('#email').fill('not-an-email');
    await frame.locator('button[type="submit"]').click();
    await expect(frame.locator('#email-error').textContent()).resolves.toContain('email');
    await expect(frame.locator('#name').inputValue()).resolves.toBe('Embedded Signer');
    await frame.locator('#email').fill(`embed-${Date.now()}@example.com`);
    await frame.locator('#privacyConsent').check();
    await frame.locator('button[type="submit"]').click();
    await expect(frame.locator('[role="status"]').textContent()).resolves.toContain('Thank you for signing');

    // The plain form on the partner page: a 303 back to the partner's own page.
    const email = `plain-${Date.now()}@example.com`;
    await page.locator('#plain input[name="name"]').fill('Plain Signer');
    await page.locator('#plain input[name="email"]').fill(email);
    await page.locator('#plain input[name="privacyConsent"]').check();
    await page.locator('#plain button').click();
    await page.waitForURL((url) => url.origin === partnerOrigin && url.pathname === '/thanks');
    expect(new URL(page.url()).searchParams.get('joinder')).toBe('signed');
    await context.close();

    // A site that is not listed cannot frame it, and its form's signers land on our thank-you page.
    const stranger = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'ko-KR' });
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`${strangerOrigin}/`);
    await strangerPage.waitForTimeout(1_000);
    const framed = strangerPage.frames().find((candidate) => candidate.url().includes('/embed/cases/'));
    await expect(framed ? framed.locator('form').count() : Promise.resolve(0)).resolves.toBe(0);
    await strangerPage.locator('#plain input[name="name"]').fill('Stranger');
    await strangerPage.locator('#plain input[name="email"]').fill(`stranger-${Date.now()}@example.com`);
    await strangerPage.locator('#plain input[name="privacyConsent"]').check();
    await strangerPage.locator('#plain button').click();
    await strangerPage.waitForURL((url) => url.pathname === '/cases/slammer-2003/support/thanks');
    expect(new URL(strangerPage.url()).searchParams.get('lang')).toBe('en');
    await expect(strangerPage.getByTestId('support-thanks').textContent()).resolves.toContain('open the link in the email');
    await screenshot(strangerPage, 'fixes-support-thanks-en');
    expect(await findAxeViolations(strangerPage)).toEqual([]);
    await stranger.close();
  });

  it('shows the embed compact in Korean and English, without axe violations', async () => {
    for (const locale of ['ko', 'en'] as const) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: PHONE_VIEWPORT });
      const page = await context.newPage();
      await page.goto(`/embed/cases/slammer-2003/petition?lang=${locale}`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
      await screenshot(page, `fixes-embed-${locale}`);
      expect(await findAxeViolations(page)).toEqual([]);
      await page.goto(`/cases/slammer-2003/support/thanks?status=signed&lang=${locale}`);
      await screenshot(page, `fixes-support-thanks-${locale}-phone`);
      expect(await findAxeViolations(page)).toEqual([]);
      await context.close();
    }
  });
});
