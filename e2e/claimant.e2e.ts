import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeJpegWithGps, makePdf } from '@/lib/evidence/test-fixtures';
import { DESKTOP_VIEWPORT, findAxeViolations, launchBrowser, newContext, screenshot, signIn } from './support/browser';
import { readOutboxMail } from './support/outbox';

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

const readMail = (to: string) => readOutboxMail(browser, baseUrl, to);

/** Sign-up now waits for the address to be proved: the mailed link verifies it, then the claimant signs in. */
async function verifyAndSignIn(page: Page, address: string, password: string, casePath: string): Promise<void> {
  await page.locator('main [role="status"]').first().waitFor({ timeout: 30_000 });
  const mail = await readMail(address);
  const link = /https?:\/\/\S*\/verify-email\?token=[\w-]+/.exec(mail)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!.replace(/^https?:\/\/[^/]+/, ''));
  await signIn(page, address, password);
  await page.goto(casePath);
  await page.waitForURL((url) => url.pathname === casePath, { timeout: 30_000 });
}

describe('the support petition', () => {
  it('signs on the case page, confirms through the mailed link, and answers a second signature like the first', async () => {
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
    // The updates consent is offered, labelled, and left to the signer (issue 13, item 5).
    await expect(form.getByLabel('이 사건의 소식을 이메일로 받겠습니다.').isChecked()).resolves.toBe(false);
    await form.locator('#petition-updates').check();
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
    // Whether an address signed is nobody else's business (issue 17, item 12): the same answer, and the owner is told by mail.
    await expect(page.getByTestId('petition-result').textContent()).resolves.toContain('서명해 주셔서 고맙습니다');
    await expect(readMail(signerEmail)).resolves.toContain('이미 서명한 이 이메일 주소');
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
    // Nothing opens before the address is proved (issue 17, item 1): the mailed link, then sign in.
    await page.locator('main [role="status"]').first().waitFor({ timeout: 30_000 });
    const verification = /https?:\/\/\S+\/verify-email\?token=\S+/.exec(await readMail(email))?.[0];
    expect(verification).toBeTruthy();
    await page.goto(verification!.replace(/^https?:\/\/[^/]+/, ''));
    await page.goto('/sign-in?callbackUrl=%2Fmy%2Fcases%2Fslammer-2003');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('slammer worm 2003 outage');
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

    // 3. connection (the definition's first step) — typed but not saved, then the page reloads: nothing is lost
    await page.locator('form[data-draft-keeper="on"]').waitFor();
    await page.locator('input[name="pc_bang_seats"]').fill('40');
    await page.locator('label[for="isp-kt"]').click();
    await page.locator('label[for="line_type-adsl"]').click();
    await page.locator('label[for="same_as_home-yes"]').click();
    await page.locator('input[name="monthly_fee"]').fill('38,000');
    await page.reload();
    await page.locator('form[data-draft-keeper="on"]').waitFor();
    await expect(page.locator('input[name="isp"]:checked').inputValue()).resolves.toBe('kt');
    await expect(page.locator('input[name="monthly_fee"]').inputValue()).resolves.toBe('38,000');
    await checkStep(page, 'step-03-connection');
    await next(page, '/intake/outage');

    // the saved identity step comes back from the server after a reload
    await page.goto('/my/cases/slammer-2003/intake/identity');
    await expect(page.locator('input[name="businessRegistrationNumber"]').inputValue()).resolves.toBe('124-81-00998');
    await expect(page.locator('input[name="dateOfBirth"]').inputValue()).resolves.toBe('1975-03-02');
    await page.goto('/my/cases/slammer-2003/intake/outage');

    // 4. outage — a time outside the window bound to the worm's start is refused at the field
    await page.locator('input[name="outage_started_at"]').fill('2004-01-25T14:30');
    await page.locator('input[name="outage_ended_at"]').fill('2004-01-27T14:30');
    await page.locator('main button[type="submit"]').last().click();
    await page.locator('#field-outage_started_at-error').waitFor();
    await expect(page.locator('input[name="outage_ended_at"]').inputValue()).resolves.toBe('2004-01-27T14:30');
    await page.locator('input[name="outage_started_at"]').fill('2003-01-25T14:30');
    await page.locator('input[name="outage_ended_at"]').fill('2003-01-27T14:30');
    await page.locator('label[for="impacts-business_closed"]').click();
    await page.locator('label[for="impacts-games_down"]').click();
    await checkStep(page, 'step-04-outage');
    await next(page, '/intake/statement');

    // 5. statement questions — the branch for server operators opens, then closes again
    await page.locator('label[for="ran_sql_server-yes"]').click();
    await page.locator('label[for="ms02_039_status-applied"]').click();
    await expect(page.locator('input[name="ms02_039_applied_on"]').isVisible()).resolves.toBe(true);
    await checkStep(page, 'step-06-statement-branch');
    await page.locator('label[for="ran_sql_server-no"]').click();
    await expect(page.locator('input[name="ms02_039_applied_on"]').isVisible()).resolves.toBe(false);
    await page.locator('label[for="warned-no"]').click();
    await page.locator('textarea[name="free_text"]').fill('토요일 오후 손님이 가장 많을 때 영업을 못 했습니다.');
    await checkStep(page, 'step-06-statement');
    await next(page, '/intake/damages');

    // 6. damages — seats × hourly rate × hours, the seats and hours taken from the answers
    await page.locator('main button', { hasText: '손해 항목 추가' }).click();
    await page.locator('select[name="item-0-category"]').selectOption('lost_revenue');
    await page.locator('select[name="item-0-helper"]').selectOption('seats');
    await page.locator('input[name="item-0-hourly_rate"]').fill('1000');
    await expect(page.getByTestId('damages-total').textContent()).resolves.toContain('1,920,000');
    await checkStep(page, 'step-05-damages');
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

    // A phone losing its signal at 80 %: a 5 MB photo goes up in 2 MB requests; the one from 4 MB
    // on is cut off, and the upload asks where it stands (HEAD) and goes on from 4 MB, not from 0.
    const seen: string[] = [];
    let isCut = false;
    await page.route('**/resumable**', async (route) => {
      const request = route.request();
      const offset = request.headers()['upload-offset'] ?? '';
      seen.push(`${request.method()} ${offset}`.trim());
      if (!isCut && request.method() === 'PATCH' && Number(offset) >= 4 * 1024 * 1024) {
        isCut = true;
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    const noise = await sharp(randomBytes(1200 * 1400 * 3), { raw: { width: 1200, height: 1400, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    await page.getByTestId('file-picker').setInputFiles([{ name: 'pc-room-wide.png', mimeType: 'image/png', buffer: noise }]);
    await page.locator('main button', { hasText: '모두 올리기' }).click();
    await page.getByTestId('uploaded-files').locator('li').nth(2).waitFor({ timeout: 60_000 });
    await page.unroute('**/resumable**');
    expect(isCut).toBe(true);
    expect(seen.slice(seen.indexOf('PATCH 4194304'))).toEqual(['PATCH 4194304', 'HEAD', 'PATCH 4194304']);
    expect(seen.filter((entry) => entry === 'PATCH 0').length).toBe(1);
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

describe('the slammer-2003 journey in English', () => {
  it('a home subscriber at a desktop in English: the outage questions, the statement, consent and submission', async () => {
    const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
    const page = await context.newPage();
    const address = `subscriber-${stamp}@example.com`;
    const password = 'slammer worm 2003 subscriber';
    await page.goto('/cases/slammer-2003?lang=en');
    await page.locator('main a[href^="/sign-up?case=slammer-2003"]').click();
    await page.waitForURL((url) => url.pathname === '/sign-up');
    await page.locator('input[name="name"]').fill('이수진');
    await page.locator('input[name="email"]').fill(address);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('input[name="acceptTerms"]').check();
    await page.locator('main form button[type="submit"]').click();
    await verifyAndSignIn(page, address, password, '/my/cases/slammer-2003');
    await page.locator('main a[href="/my/cases/slammer-2003/intake"]').click();
    await page.waitForURL((url) => url.pathname.endsWith('/intake/type'));

    await page.locator('label[for="type-home_subscriber"]').click();
    await next(page, '/intake/identity');
    await page.locator('input[name="legalName"]').fill('이수진');
    await page.locator('input[name="dateOfBirth"]').fill('1978-08-20');
    await page.locator('input[name="phone"]').fill('010-3456-1234');
    await page.locator('input[name="address"]').fill('부산광역시 부산진구 중앙대로 1');
    await page.locator('select[name="region"]').selectOption('busan');
    await page.locator('input[name="locality"]').fill('부산진구');
    await next(page, '/intake/connection');

    await page.locator('label[for="isp-kt"]').click();
    await page.locator('label[for="line_type-adsl"]').click();
    await page.locator('label[for="same_as_home-yes"]').click();
    await page.locator('input[name="monthly_fee"]').fill('30,000');
    await checkStep(page, 'slammer-en-01-connection');
    await next(page, '/intake/outage');
    await page.locator('input[name="outage_started_at"]').fill('2003-01-25T14:30');
    await page.locator('input[name="outage_ended_at"]').fill('2003-01-26T10:00');
    await page.locator('label[for="impacts-no_internet"]').click();
    await next(page, '/intake/statement');
    await page.locator('label[for="ran_sql_server-no"]').click();
    await page.locator('label[for="warned-no"]').click();
    await checkStep(page, 'slammer-en-02-statement');
    await next(page, '/intake/damages');
    // The outage period's share of the monthly fee, the fee and the hours taken from the answers.
    await page.locator('main button', { hasText: 'Add a loss' }).click();
    await page.locator('select[name="item-0-category"]').selectOption('service_fee');
    await page.locator('select[name="item-0-helper"]').selectOption('pro_rata');
    await expect(page.getByTestId('damages-total').textContent()).resolves.toContain('813'); // 30,000 × 19.5 h ÷ 720
    await next(page, '/intake/sign');
    await expect(page.getByTestId('statement-text').textContent()).resolves.toContain('이수진');
    await page.locator('input[name="signerName"]').fill('이수진');
    await page.locator('input[name="confirm"]').check();
    await checkStep(page, 'slammer-en-03-sign');
    await next(page, '/intake/evidence');
    await page
      .getByTestId('file-picker')
      .setInputFiles([
        { name: 'kt-bill-2003-01.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(['KT bill, January 2003'])) },
      ]);
    await page.getByTestId('pending-file').locator('select').selectOption('isp_bill');
    await page.locator('main button', { hasText: 'Upload all' }).click();
    await page.getByTestId('uploaded-files').locator('li').first().waitFor({ timeout: 30_000 });
    await page.locator('main a', { hasText: 'Continue' }).last().click();
    await page.waitForURL((url) => url.pathname.endsWith('/intake/consent'));
    await page.locator('input[name="signerName"]').fill('이수진');
    await page.locator('input[name="confirm"]').check();
    await next(page, '/intake/review');
    await screenshot(page, 'claimant-slammer-en-04-review');
    await expect(page.locator('main').textContent()).resolves.toContain('Nothing is missing');
    await expectNoAxeViolations(page);
    await page.locator('main button', { hasText: 'Submit my claim' }).click();
    await page.waitForURL((url) => url.pathname === '/my/cases/slammer-2003', { timeout: 30_000 });
    await expect(page.getByTestId('submitted-notice').textContent()).resolves.toMatch(/SLM-\d{6}/);
    await expect(page.locator('main').textContent()).resolves.toContain('Submitted. Counsel is reviewing it.');
    await context.close();
  });
});

describe('the coupang-2025 journey, a case of another kind on the same code', () => {
  it('a parent joins for their child on a 390 px phone in Korean: guardian, dates bound to the breach, fixed 위자료, the guardian signs', async () => {
    const context = await newContext(browser, { baseUrl });
    const page = await context.newPage();
    const parentEmail = `parent-${stamp}@example.com`;
    await page.goto('/cases/coupang-2025');
    await page.locator('main a[href^="/sign-up?case=coupang-2025"]').click();
    await page.waitForURL((url) => url.pathname === '/sign-up');
    await page.locator('input[name="name"]').fill('이영희');
    await page.locator('input[name="email"]').fill(parentEmail);
    await page.locator('input[name="password"]').fill('coupang breach 2025 parent');
    await page.locator('input[name="acceptTerms"]').check();
    await page.locator('main form button[type="submit"]').click();
    await verifyAndSignIn(page, parentEmail, 'coupang breach 2025 parent', '/my/cases/coupang-2025');
    await page.locator('main a[href="/my/cases/coupang-2025/intake"]').click();
    await page.waitForURL((url) => url.pathname.endsWith('/intake/type'));

    await page.locator('label[for="type-member"]').click();
    await page.locator('input[name="isMinor"]').check();
    await checkStep(page, 'coupang-01-type');
    await next(page, '/intake/identity');

    await page.locator('label[for="guardianRelation-parents"]').click();
    await page.locator('input[name="guardianName"]').fill('김철수');
    await page.locator('input[name="secondGuardianName"]').fill('이영희');
    await page.locator('input[name="legalName"]').fill('김하늘');
    await page.locator('input[name="dateOfBirth"]').fill('2012-05-05');
    await page.locator('input[name="phone"]').fill('010-3456-7890');
    await page.locator('input[name="address"]').fill('대구광역시 수성구 달구벌대로 1');
    await page.locator('select[name="region"]').selectOption('daegu');
    await page.locator('input[name="locality"]').fill('수성구');
    await checkStep(page, 'coupang-02-identity-guardian');
    await next(page, '/intake/account');

    await page.locator('input[name="account_email"]').fill('sky@example.com');
    await checkStep(page, 'coupang-03-account');
    await next(page, '/intake/notice');
    await page.locator('label[for="notice_received-yes"]').click();
    await page.locator('input[name="notice_date"]').fill('2025-11-30');
    await page.locator('label[for="notice_channels-sms"]').click();
    await next(page, '/intake/exposure');
    await page.locator('label[for="exposed_items-name"]').click();
    await page.locator('label[for="exposed_items-phone"]').click();
    await next(page, '/intake/harm');

    // A harm dated before the breach began is refused at the field, what was typed kept.
    await page.locator('label[for="harm_suffered-yes"]').click();
    await page.locator('label[for="harm_kinds-smishing"]').click();
    await page.locator('input[name="first_harm_date"]').fill('2025-06-01');
    await page.locator('main button[type="submit"]').last().click();
    await page.locator('#field-first_harm_date-error').waitFor();
    await expect(page.locator('input[name="harm_kinds"][value="smishing"]').isChecked()).resolves.toBe(true);
    await checkStep(page, 'coupang-04-harm-error');
    await page.locator('input[name="first_harm_date"]').fill('2025-12-02');
    await next(page, '/intake/damages');

    await expect(page.locator('main').textContent()).resolves.toContain('100,000');
    await checkStep(page, 'coupang-05-damages');
    await next(page, '/intake/sign');

    await expect(page.getByTestId('statement-text').textContent()).resolves.toContain('김하늘');
    await page.locator('input[name="signerName"]').fill('이영희');
    await page.locator('input[name="confirm"]').check();
    await checkStep(page, 'coupang-06-sign');
    await next(page, '/intake/evidence');
    await expect(page.getByTestId('evidence-kinds').textContent()).resolves.toContain('필수');
    await checkStep(page, 'coupang-07-evidence');
    await context.close();
  });

  it('a customer joins at a desktop in English and submits: the case’s own questions, the fixed 위자료, the required screenshot', async () => {
    const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
    const page = await context.newPage();
    const address = `customer-${stamp}@example.com`;
    const password = 'coupang breach 2025 customer';
    await page.goto('/cases/coupang-2025?lang=en');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.locator('main a[href^="/sign-up?case=coupang-2025"]').click();
    await page.waitForURL((url) => url.pathname === '/sign-up');
    await page.locator('input[name="name"]').fill('박민지');
    await page.locator('input[name="email"]').fill(address);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('input[name="acceptTerms"]').check();
    await page.locator('main form button[type="submit"]').click();
    await verifyAndSignIn(page, address, password, '/my/cases/coupang-2025');
    await page.locator('main a[href="/my/cases/coupang-2025/intake"]').click();
    await page.waitForURL((url) => url.pathname.endsWith('/intake/type'));

    await page.locator('label[for="type-member"]').click();
    await checkStep(page, 'coupang-en-01-type');
    await next(page, '/intake/identity');
    await page.locator('input[name="legalName"]').fill('박민지');
    await page.locator('input[name="dateOfBirth"]').fill('1990-03-15');
    await page.locator('input[name="phone"]').fill('010-2345-6789');
    await page.locator('input[name="address"]').fill('서울특별시 마포구 월드컵로 12');
    await page.locator('select[name="region"]').selectOption('seoul');
    await page.locator('input[name="locality"]').fill('마포구');
    await checkStep(page, 'coupang-en-02-identity');
    await next(page, '/intake/account');

    await page.locator('input[name="account_email"]').fill(`shop-${stamp}@example.com`);
    await next(page, '/intake/notice');
    await page.locator('label[for="notice_received-no"]').click();
    await next(page, '/intake/exposure');
    await page.locator('label[for="exposed_items-name"]').click();
    await page.locator('label[for="exposed_items-email"]').click();
    await next(page, '/intake/harm');
    await page.locator('label[for="harm_suffered-no"]').click();
    await checkStep(page, 'coupang-en-03-harm');
    await next(page, '/intake/damages');

    await expect(page.locator('main').textContent()).resolves.toContain('100,000');
    await next(page, '/intake/sign');
    await expect(page.getByTestId('statement-text').textContent()).resolves.toContain('박민지');
    await page.locator('input[name="signerName"]').fill('박민지');
    await page.locator('input[name="confirm"]').check();
    await checkStep(page, 'coupang-en-04-sign');
    await next(page, '/intake/evidence');

    // The one kind every customer must give: a screenshot of the account.
    await page
      .getByTestId('file-picker')
      .setInputFiles([{ name: 'coupang-account.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await makeJpegWithGps()) }]);
    await page.getByTestId('pending-file').locator('select').selectOption('account_screenshot');
    await page.locator('main button', { hasText: 'Upload all' }).click();
    await page.getByTestId('uploaded-files').locator('li').first().waitFor({ timeout: 30_000 });
    await checkStep(page, 'coupang-en-05-evidence');
    await page.locator('main a', { hasText: 'Continue' }).last().click();
    await page.waitForURL((url) => url.pathname.endsWith('/intake/consent'));

    await page.locator('input[name="signerName"]').fill('박민지');
    await page.locator('input[name="confirm"]').check();
    await next(page, '/intake/review');
    await expect(page.locator('main').textContent()).resolves.toContain('Nothing is missing');
    await checkStep(page, 'coupang-en-06-review');
    await page.locator('main button', { hasText: 'Submit my claim' }).click();
    await page.waitForURL((url) => url.pathname === '/my/cases/coupang-2025', { timeout: 30_000 });
    await expect(page.getByTestId('submitted-notice').textContent()).resolves.toMatch(/CPG-\d{6}/);
    await expect(page.locator('main').textContent()).resolves.toContain('Submitted. Counsel is reviewing it.');
    await checkStep(page, 'coupang-en-07-submitted');
    await context.close();
  });
});
