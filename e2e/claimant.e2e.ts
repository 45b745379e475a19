import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeJpegWithGps, makePdf } from '@/lib/evidence/test-fixtures';
import { DESKTOP_VIEWPORT, findAxeViolations, launchBrowser, newContext, screenshot, signIn } from './support/browser';

/**
 * A claimant's whole journey on a phone, in Korean: the petition on the case page (confirmed
 * through the mailed link), sign-up, every wizard step — with a wrong entry, a reload mid-way and
 * real files — signing, consent, submission and the status page. axe runs on every screen.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
const stamp = Date.now().toString(36);
const email = `claimant-${stamp}@example.com`;
const signerEmail = `supporter-${stamp}@example.com`;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectNoAxeViolations(page: Page): Promise<void> {
  const violations = await findAxeViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

async function checkStep(page: Page, name: string): Promise<void> {
  await screenshot(page, `claimant-${name}`);
  await expectNoAxeViolations(page);
}

async function next(page: Page, urlPart: string): Promise<void> {
  await page.locator('main button[type="submit"]').last().click();
  await page.waitForURL((url) => url.pathname.includes(urlPart), { timeout: 20_000 });
}

/** Reads the newest mail to an address from the admin's dev outbox. */
async function readMail(to: string): Promise<string> {
  const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
  const page = await context.newPage();
  await signIn(page, 'admin@joinder.test');
  await page.goto('/admin/outbox');
  const body = (await page.locator('main li', { hasText: to }).first().locator('pre').textContent()) ?? '';
  await context.close();
  return body;
}

describe('the support petition', () => {
  it('signs on the case page, confirms through the mailed link, and refuses a second signature politely', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    await page.goto('/cases/slammer-2003?src=e2e-flyer');
    const form = page.locator('main form', { has: page.locator('#petition-name') });
    await form.locator('#petition-name').fill('지지자');
    await form.locator('#petition-email').fill('not-an-email');
    await form.locator('button[type="submit"]').click();
    await expect(page.locator('#field-email-error, #petition-email-error').first().textContent()).resolves.toContain(
      '이메일 주소 형식이 아닙니다',
    );
    await expect(form.locator('#petition-name').inputValue()).resolves.toBe('지지자');
    await form.locator('#petition-email').fill(signerEmail);
    await form.locator('#petition-region').selectOption('busan');
    await form.locator('#petition-consent').check();
    await form.screenshot({ path: 'e2e/screenshots/claimant-petition-form.png' });
    await form.locator('button[type="submit"]').click();
    await expect(page.getByTestId('petition-result').textContent()).resolves.toContain('서명해 주셔서 고맙습니다');
    await checkStep(page, 'petition-signed');

    const mail = await readMail(signerEmail);
    const link = /https?:\/\/\S+\/support\/confirm\?token=\S+/.exec(mail)?.[0];
    expect(link).toBeTruthy();
    await page.goto(link!.replace(/^https?:\/\/[^/]+/, ''));
    await page.locator('main button[type="submit"]').click();
    await expect(page.getByTestId('signature-link-result').textContent()).resolves.toContain('서명이 확정되었습니다');
    await checkStep(page, 'petition-confirmed');

    await page.goto('/cases/slammer-2003');
    const again = page.locator('main form', { has: page.locator('#petition-name') });
    await again.locator('#petition-name').fill('지지자');
    await again.locator('#petition-email').fill(signerEmail.toUpperCase());
    await again.locator('#petition-consent').check();
    await again.locator('button[type="submit"]').click();
    await expect(page.getByTestId('petition-result').textContent()).resolves.toContain('이미 서명하셨습니다');
    await context.close();
  });
});

describe('the claimant journey', () => {
  it('signs up, fills every step, uploads a PDF and a photo, signs, submits and sees the status', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();

    await page.goto('/cases/slammer-2003');
    await page.locator('main a[href^="/sign-up?case=slammer-2003"]').click();
    await page.waitForURL((url) => url.pathname === '/sign-up');
    await page.locator('input[name="name"]').fill('김철수');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('slammer worm 2003 outage');
    await page.locator('input[name="acceptTerms"]').check();
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/my/cases/slammer-2003', { timeout: 30_000 });
    await checkStep(page, 'home-draft');
    await page.locator('main a[href="/my/cases/slammer-2003/intake"]').click();
    await page.waitForURL((url) => url.pathname.endsWith('/intake/type'));

    // 1. type
    await checkStep(page, 'step-01-type');
    await page.locator('label[for="type-pc_bang"]').click();
    await next(page, '/intake/identity');

    // 2. identity — an RRN typed into the address is refused, and what was typed stays
    await page.locator('input[name="legalName"]').fill('김철수');
    await page.locator('input[name="dateOfBirth"]').fill('1975-03-02');
    await page.locator('input[name="phone"]').fill('010-2345-6789');
    await page.locator('input[name="address"]').fill('서울 강남구 테헤란로 1 (750302-1234567)');
    await page.locator('select[name="region"]').selectOption('seoul');
    await page.locator('input[name="locality"]').fill('강남구');
    await page.locator('input[name="businessName"]').fill('슬래머 PC방');
    await page.locator('input[name="businessRegistrationNumber"]').fill('124-81-00999');
    await page.locator('input[name="pcBangSeats"]').fill('40');
    await page.locator('main button[type="submit"]').click();
    await expect(page.locator('#field-address-error').textContent()).resolves.toContain('주민등록번호는 받지 않습니다');
    await expect(page.locator('input[name="legalName"]').inputValue()).resolves.toBe('김철수');
    await checkStep(page, 'step-02-identity-error');
    await page.locator('input[name="address"]').fill('서울 강남구 테헤란로 1');
    await page.locator('main button[type="submit"]').click();
    await expect(page.locator('#field-businessRegistrationNumber-error').textContent()).resolves.toContain(
      '사업자등록번호가 올바르지 않습니다',
    );
    await page.locator('input[name="businessRegistrationNumber"]').fill('124-81-00998');
    await next(page, '/intake/connection');

    // 3. connection — typed but not saved, then the page reloads: nothing is lost
    await page.locator('form[data-draft-keeper="on"]').waitFor();
    await page.locator('select[name="isp"]').selectOption('kt');
    await page.locator('select[name="lineType"]').selectOption('adsl');
    await page.locator('input[name="monthlyFeeKrw"]').fill('38,000');
    await page.reload();
    await page.locator('form[data-draft-keeper="on"]').waitFor();
    await expect(page.locator('select[name="isp"]').inputValue()).resolves.toBe('kt');
    await expect(page.locator('input[name="monthlyFeeKrw"]').inputValue()).resolves.toBe('38,000');
    await checkStep(page, 'step-03-connection');
    await next(page, '/intake/outage');

    // the saved identity step comes back from the server after a reload
    await page.goto('/my/cases/slammer-2003/intake/identity');
    await expect(page.locator('input[name="businessRegistrationNumber"]').inputValue()).resolves.toBe('124-81-00998');
    await expect(page.locator('input[name="dateOfBirth"]').inputValue()).resolves.toBe('1975-03-02');
    await page.goto('/my/cases/slammer-2003/intake/outage');

    // 4. outage — prefilled from the incident time
    await expect(page.locator('input[name="outageStartedAt"]').inputValue()).resolves.toBe('2003-01-25T14:30');
    await page.locator('label[for="impacts-business_closed"]').click();
    await page.locator('label[for="impacts-games_down"]').click();
    await checkStep(page, 'step-04-outage');
    await next(page, '/intake/damages');

    // 5. damages — seats × hourly rate × hours
    await page.locator('main label', { hasText: '시간당 요금' }).first().click();
    await page.keyboard.type('1000');
    await page.locator('main button', { hasText: '계산해서 금액에 넣기' }).click();
    await expect(page.getByTestId('damages-total').textContent()).resolves.toContain('1,920,000');
    await checkStep(page, 'step-05-damages');
    await next(page, '/intake/statement');

    // 6. statement questions — the branch for server operators opens, then closes again
    await page.locator('label[for="ranSqlServer-yes"]').click();
    await page.locator('label[for="ms02_039_status-applied"]').click();
    await expect(page.locator('input[name="ms02_039_appliedOn"]').isVisible()).resolves.toBe(true);
    await checkStep(page, 'step-06-statement-branch');
    await page.locator('label[for="ranSqlServer-no"]').click();
    await expect(page.locator('input[name="ms02_039_appliedOn"]').isVisible()).resolves.toBe(false);
    await page.locator('label[for="warned-no"]').click();
    await page.locator('textarea[name="freeText"]').fill('토요일 오후 손님이 가장 많을 때 영업을 못 했습니다.');
    await checkStep(page, 'step-06-statement');
    await next(page, '/intake/sign');

    // 7. read and sign
    await expect(page.getByTestId('statement-text').textContent()).resolves.toContain('진술인: 김철수 (PC방 업주)');
    await page.locator('input[name="signerName"]').fill('김철수');
    await page.locator('input[name="confirm"]').check();
    await checkStep(page, 'step-07-sign');
    await next(page, '/intake/evidence');

    // 8. evidence — a real PDF and a phone photo
    await page.getByTestId('file-picker').setInputFiles([
      {
        name: '2003-01-요금청구서.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(await makePdf(['KT Megapass bill, January 2003', 'Amount: 38,000 KRW'])),
      },
      { name: 'outage-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await makeJpegWithGps()) },
    ]);
    await expect(page.getByTestId('pending-file').count()).resolves.toBe(2);
    await checkStep(page, 'step-08-evidence-pending');
    await page.locator('main button', { hasText: '모두 올리기' }).click();
    await page.getByTestId('uploaded-files').locator('li').nth(1).waitFor({ timeout: 30_000 });
    await checkStep(page, 'step-08-evidence-uploaded');
    await page.locator('main a', { hasText: '다음' }).last().click();
    await page.waitForURL((url) => url.pathname.endsWith('/intake/consent'));

    // 9. consent
    await page.locator('input[name="signerName"]').fill('김철수');
    await page.locator('input[name="confirm"]').check();
    await checkStep(page, 'step-09-consent');
    await next(page, '/intake/review');

    // 10. review and submit
    await expect(page.locator('main').textContent()).resolves.toContain('빠진 것이 없습니다');
    await checkStep(page, 'step-10-review');
    await page.locator('main button', { hasText: '신청서 제출하기' }).click();
    await page.waitForURL((url) => url.pathname === '/my/cases/slammer-2003', { timeout: 30_000 });
    await expect(page.getByTestId('submitted-notice').textContent()).resolves.toMatch(/SLM-\d{6}/);
    await expect(page.locator('main').textContent()).resolves.toContain('제출됨');
    await expect(page.getByTestId('status-timeline').textContent()).resolves.toContain('신청서 제출');
    await checkStep(page, 'home-submitted');

    await page.goto('/my/cases/slammer-2003/privacy');
    await checkStep(page, 'privacy');

    // the same claim in English
    await page.goto('/my/cases/slammer-2003?lang=en');
    await expect(page.locator('main').textContent()).resolves.toContain('Submitted. Counsel is reviewing it.');
    await checkStep(page, 'home-submitted-en');
    await context.close();
  });
});
