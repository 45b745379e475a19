import type { Browser } from 'playwright-core';
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

describe('case administration', () => {
  it('a platform admin creates a case, adds a defendant and invites a lawyer; bad input keeps what was typed', async () => {
    const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
    const page = await context.newPage();
    await signIn(page, 'admin@joinder.test');
    await page.goto('/admin/cases/new');
    await page.locator('input[name="slug"]').fill('Bad Slug!');
    await page.locator('input[name="referencePrefix"]').fill('KTX');
    await page.locator('input[name="titleKo"]').fill('KT 통신장애 공동소송');
    await page.locator('main form button[type="submit"]').click();
    await expect(page.locator('#field-slug-error').textContent()).resolves.toContain('영문 소문자');
    await expect(page.locator('input[name="titleKo"]').inputValue()).resolves.toBe('KT 통신장애 공동소송');

    await page.locator('input[name="slug"]').fill('kt-outage-2018');
    await page.locator('input[name="titleEn"]').fill('KT outage joint suit');
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL('**/cases/kt-outage-2018/settings');

    const defendantForm = page.locator('section[aria-labelledby="defendants"] form').last();
    await defendantForm.locator('input[name="nameKo"]').fill('주식회사 케이티');
    await defendantForm.locator('input[name="nameEn"]').fill('KT Corporation');
    await defendantForm.locator('button[type="submit"]').click();
    await page.locator('section[aria-labelledby="defendants"] ol li').getByText('주식회사 케이티').waitFor();

    const memberForm = page.locator('section[aria-labelledby="members"] form').last();
    await memberForm.locator('input[name="email"]').fill('second.lawyer@example.kr');
    await memberForm.locator('button[type="submit"]').click();
    await page.locator('section[aria-labelledby="members"] ul li').getByText('second.lawyer@example.kr').waitFor();
    await screenshot(page, 'case-settings-admin');
    expect(await findAxeViolations(page)).toEqual([]);

    await page.goto('/admin/outbox');
    await expect(page.locator('main').textContent()).resolves.toContain('second.lawyer@example.kr');
    await context.close();
  });

  it('a lawyer sees only the complaint text in settings; an organizer gets 404', async () => {
    const lawyer = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
    const page = await lawyer.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.goto('/cases/slammer-2003/settings');
    await expect(page.locator('section[aria-labelledby="complaint"]').count()).resolves.toBe(1);
    await expect(page.locator('section[aria-labelledby="members"]').count()).resolves.toBe(0);
    await lawyer.close();

    const organizer = await newContext(browser, { baseUrl });
    const organizerPage = await organizer.newPage();
    await signIn(organizerPage, 'organizer@joinder.test');
    const response = await organizerPage.goto('/cases/slammer-2003/settings');
    expect(response?.status()).toBe(404);
    await organizer.close();
  });
});
