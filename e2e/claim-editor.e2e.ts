import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makePdf } from '@/lib/evidence/test-fixtures';
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT, findAxeViolations, launchBrowser, newContext, screenshot, signIn } from './support/browser';
import { readOutboxMail } from './support/outbox';

/**
 * A case of a kind the code has never seen, defined in the browser: a platform admin creates the
 * case, and from a blank definition adds two categories, a question shown only to one of them, a
 * date that may not come before a timeline event, a fixed amount per person and a required
 * evidence kind; publishes it; a claimant completes it on a 390 px phone in Korean. Then version 2
 * is published and a second claimant's draft moves to it, told what changed.
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
const stamp = Date.now().toString(36);
const slug = `ferry-delay-${stamp}`;
const editorPath = `/cases/${slug}/settings/claim`;

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

const section = (page: Page, name: string) => page.locator(`section[aria-labelledby="section-${name}"]`);

/** Presses a button of an editor form and waits for the server's answer and the page drawn from it. */
async function press(page: Page, button: Locator): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.startsWith(editorPath)),
    button.click(),
  ]);
  await page.waitForTimeout(300);
}

async function saveSection(page: Page, name: string): Promise<void> {
  await press(page, section(page, name).locator('button[value="save"]').last());
  await expect(section(page, name).locator('[role="status"]').textContent()).resolves.toContain('저장했습니다');
}

const readMail = (to: string) => readOutboxMail(browser, baseUrl, to);

/** Sign-up on the case page, the mailed link, sign-in, and the claim's first two steps (category, identity). */
async function joinAndStart(page: Page, name: string, email: string, category: string): Promise<void> {
  const password = `ferry delay ${stamp} ${name}`;
  await page.goto(`/cases/${slug}`);
  await page.locator(`main a[href^="/sign-up?case=${slug}"]`).click();
  await page.waitForURL((url) => url.pathname === '/sign-up');
  await page.locator('input[name="name"]').fill(name);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="acceptTerms"]').check();
  await page.locator('main form button[type="submit"]').click();
  await page.locator('main [role="status"]').first().waitFor({ timeout: 30_000 });
  const link = /https?:\/\/\S*\/verify-email\?token=[\w-]+/.exec(await readMail(email))?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!.replace(/^https?:\/\/[^/]+/, ''));
  await signIn(page, email, password);
  await page.goto(`/my/cases/${slug}`);
  await page.locator(`main a[href="/my/cases/${slug}/intake"]`).click();
  await page.waitForURL((url) => url.pathname.endsWith('/intake/type'));
  await page.locator(`label[for="type-${category}"]`).click();
  await next(page, '/intake/identity');
  await page.locator('input[name="legalName"]').fill(name);
  await page.locator('input[name="dateOfBirth"]').fill('1980-04-16');
  await page.locator('input[name="phone"]').fill('010-4567-8901');
  await page.locator('input[name="address"]').fill('전라남도 목포시 해안로 1');
  await page.locator('select[name="region"]').selectOption('jeonnam');
  await page.locator('input[name="locality"]').fill('목포시');
  await next(page, '/intake/facts');
}

async function next(page: Page, urlPart: string): Promise<void> {
  await page.locator('main button[type="submit"]').last().click();
  await page.waitForURL((url) => url.pathname.includes(urlPart), { timeout: 20_000 });
}

describe('a claim defined in the editor, from a blank start', () => {
  it('is defined by a case admin, published, completed by a claimant on a phone, and moved to version 2 for a draft', async () => {
    const adminContext = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin@joinder.test');
    await admin.goto('/admin/cases/new');
    await admin.locator('input[name="slug"]').fill(slug);
    await admin.locator('input[name="referencePrefix"]').fill('FRY');
    await admin.locator('input[name="titleKo"]').fill('여객선 지연 집단소송');
    await admin.locator('input[name="titleEn"]').fill('Ferry delay group claim');
    // Open to claimants at once: nobody can start a claim before a definition is published.
    await admin.locator('select[name="status"]').selectOption('open');
    await admin.locator('main form button[type="submit"]').click();
    await admin.waitForURL(`**/cases/${slug}/settings`);

    // Blank start, from the case settings
    await admin.locator(`main a[href="${editorPath}"]`).click();
    await admin.waitForURL((url) => url.pathname === editorPath);
    await expect(admin.getByTestId('claim-status').textContent()).resolves.toContain('아직 청구 정의가 없습니다');
    await expectNoAxeViolations(admin);
    await admin.locator('section[aria-labelledby="claim-start"] select[name="source"]').selectOption('blank');
    await press(admin, admin.locator('section[aria-labelledby="claim-start"] button[type="submit"]'));
    await section(admin, 'general').waitFor();

    // A timeline event for the date bound
    await admin.locator('textarea[name="timeline"]').fill('delay_began | 2026-03-01 | 운항 지연 시작 | Delays began');
    await saveSection(admin, 'general');

    // Two categories
    await admin.locator('input[name="categories.0.id"]').fill('passenger');
    await admin.locator('input[name="categories.0.label.ko"]').fill('승객');
    await admin.locator('input[name="categories.0.label.en"]').fill('Passenger');
    await press(admin, admin.locator('button[value="add:categories"]'));
    await admin.locator('input[name="categories.1.id"]').fill('shop');
    await admin.locator('input[name="categories.1.label.ko"]').fill('섬 상점');
    await admin.locator('input[name="categories.1.label.en"]').fill('Island shop');
    await saveSection(admin, 'categories');

    // A date question bound to the timeline event (the type first, then its bound)
    await press(admin, admin.locator('button[value="add:steps.0.questions"]'));
    await admin.locator('input[name="steps.0.questions.1.id"]').fill('trip_date');
    await admin.locator('select[name="steps.0.questions.1.type"]').selectOption('date');
    await admin.locator('input[name="steps.0.questions.1.label.ko"]').fill('배를 타려던 날');
    await admin.locator('input[name="steps.0.questions.1.label.en"]').fill('Date of the trip');
    await admin.locator('select[name="steps.0.questions.1.required"]').selectOption('true');
    await saveSection(admin, 'steps');
    await admin.locator('select[name="steps.0.questions.1.notBefore.kind"]').selectOption('event');
    await admin.locator('select[name="steps.0.questions.1.notBefore.event"]').selectOption('delay_began');

    // A question only shops are asked; first a condition naming a category that does not exist is refused at its field
    await press(admin, admin.locator('button[value="add:steps.0.questions"]'));
    await admin.locator('input[name="steps.0.questions.2.id"]').fill('shop_name');
    await admin.locator('input[name="steps.0.questions.2.label.ko"]').fill('상점 이름');
    await admin.locator('input[name="steps.0.questions.2.label.en"]').fill('Name of the shop');
    await admin.locator('select[name="steps.0.questions.2.showIf.kind"]').selectOption('category');
    await admin.locator('input[name="steps.0.questions.2.showIf.in"]').fill('shops');
    await press(admin, section(admin, 'steps').locator('button[value="save"]').last());
    await admin.getByTestId('error-summary').waitFor();
    await expect(admin.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('error-summary');
    await expect(admin.locator('[id="field-steps.0.questions.2.showIf.in-error"]').count()).resolves.toBe(1);
    await expect(admin.locator('input[name="steps.0.questions.2.label.ko"]').inputValue()).resolves.toBe('상점 이름');
    await expectNoAxeViolations(admin);
    await admin.locator('input[name="steps.0.questions.2.showIf.in"]').fill('shop');
    await saveSection(admin, 'steps');

    // A fixed amount per person
    await press(admin, admin.locator('button[value="add:damages.categories"]'));
    await admin.locator('input[name="damages.categories.0.id"]').fill('solatium');
    await admin.locator('input[name="damages.categories.0.label.ko"]').fill('위자료');
    await admin.locator('input[name="damages.categories.0.label.en"]').fill('Solatium');
    await admin.locator('input[name="damages.categories.0.fixedAmount"]').fill('150000');
    await saveSection(admin, 'damages');

    // A required evidence kind
    await press(admin, admin.locator('button[value="add:evidenceKinds"]'));
    await admin.locator('input[name="evidenceKinds.0.id"]').fill('ticket');
    await admin.locator('input[name="evidenceKinds.0.label.ko"]').fill('승선권 또는 예약 내역');
    await admin.locator('input[name="evidenceKinds.0.label.en"]').fill('Ticket or booking');
    await admin.locator('select[name="evidenceKinds.0.requirements.0.required"]').selectOption('true');
    await admin.locator('input[name="evidenceKinds.0.requirements.0.min"]').fill('1');
    await saveSection(admin, 'evidence');
    await screenshot(admin, 'claim-editor-draft');
    await expectNoAxeViolations(admin);

    // The preview in both languages
    await admin.goto(`${editorPath}/preview?language=ko&category=shop`);
    await expect(admin.locator('main').textContent()).resolves.toContain('상점 이름');
    await expectNoAxeViolations(admin);
    await admin.goto(`${editorPath}/preview?language=en&category=passenger`);
    await expect(admin.locator('main').textContent()).resolves.toContain('Date of the trip');
    await expect(admin.locator('input[name="shop_name"]').isVisible()).resolves.toBe(false);
    await expectNoAxeViolations(admin);

    // Publish version 1
    await admin.goto(editorPath);
    await expect(admin.getByTestId('claim-issues').count()).resolves.toBe(0);
    await press(admin, admin.locator('section[aria-labelledby="claim-publish"] button[type="submit"]'));
    await expect(admin.getByTestId('claim-status').textContent()).resolves.toContain('게시된 버전 1');
    await adminContext.close();

    // A claimant completes it on a 390 px phone, in Korean
    const claimantContext = await newContext(browser, { baseUrl, viewport: PHONE_VIEWPORT });
    const claimant = await claimantContext.newPage();
    await joinAndStart(claimant, '박선주', `ferry-a-${stamp}@example.com`, 'shop');
    await claimant.locator('textarea[name="what_happened"]').fill('3월 2일 배가 뜨지 않아 물건을 받지 못했습니다.');
    await claimant.locator('input[name="trip_date"]').fill('2026-02-20');
    await claimant.locator('input[name="shop_name"]').fill('선주상회');
    await claimant.locator('main button[type="submit"]').last().click();
    await claimant.locator('[id="field-trip_date-error"]').waitFor();
    await expect(claimant.locator('input[name="shop_name"]').inputValue()).resolves.toBe('선주상회');
    await expectNoAxeViolations(claimant);
    await claimant.locator('input[name="trip_date"]').fill('2026-03-02');
    await next(claimant, '/intake/damages');
    await expect(claimant.locator('main').textContent()).resolves.toContain('150,000');
    await next(claimant, '/intake/sign');
    await expect(claimant.getByTestId('statement-text').textContent()).resolves.toContain('물건을 받지 못했습니다');
    await claimant.locator('input[name="signerName"]').fill('박선주');
    await claimant.locator('input[name="confirm"]').check();
    await next(claimant, '/intake/evidence');
    await expect(claimant.getByTestId('evidence-kinds').textContent()).resolves.toContain('필수');
    await claimant
      .getByTestId('file-picker')
      .setInputFiles([
        { name: '승선권.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makePdf(['Mokpo ferry ticket', '2026-03-02'])) },
      ]);
    await claimant.locator('main button', { hasText: '모두 올리기' }).click();
    await claimant.getByTestId('uploaded-files').locator('li').first().waitFor({ timeout: 30_000 });
    await claimant.locator('main a', { hasText: '다음' }).last().click();
    await claimant.waitForURL((url) => url.pathname.endsWith('/intake/consent'));
    await claimant.locator('input[name="signerName"]').fill('박선주');
    await claimant.locator('input[name="confirm"]').check();
    await next(claimant, '/intake/review');
    await expect(claimant.locator('main').textContent()).resolves.toContain('빠진 것이 없습니다');
    await expectNoAxeViolations(claimant);
    await claimant.locator('main button', { hasText: '신청서 제출하기' }).click();
    await claimant.waitForURL((url) => url.pathname === `/my/cases/${slug}`, { timeout: 30_000 });
    await expect(claimant.getByTestId('submitted-notice').textContent()).resolves.toMatch(/FRY-\d{6}/);
    await screenshot(claimant, 'claim-editor-claimant-submitted');
    await claimantContext.close();

    // A second claimant starts a draft on version 1
    const secondContext = await newContext(browser, { baseUrl, viewport: PHONE_VIEWPORT });
    const second = await secondContext.newPage();
    await joinAndStart(second, '최바다', `ferry-b-${stamp}@example.com`, 'passenger');
    await second.locator('textarea[name="what_happened"]').fill('배가 결항했습니다.');
    await second.locator('input[name="trip_date"]').fill('2026-03-03');
    await next(second, '/intake/damages');

    // Version 2: a new required question
    const againContext = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
    const again = await againContext.newPage();
    await signIn(again, 'admin@joinder.test');
    await again.goto(editorPath);
    await press(again, again.locator('button[value="add:steps.0.questions"]'));
    await again.locator('input[name="steps.0.questions.3.id"]').fill('refund_offered');
    await again.locator('select[name="steps.0.questions.3.type"]').selectOption('yes_no_unsure');
    await again.locator('input[name="steps.0.questions.3.label.ko"]').fill('선사가 환불을 제안했나요?');
    await again.locator('input[name="steps.0.questions.3.label.en"]').fill('Did the operator offer a refund?');
    await again.locator('select[name="steps.0.questions.3.required"]').selectOption('true');
    await saveSection(again, 'steps');
    await again.goto(`${editorPath}/diff?from=1&to=draft`);
    await expect(again.getByTestId('claim-diff').textContent()).resolves.toContain('선사가 환불을 제안했나요?');
    await expectNoAxeViolations(again);
    await again.goto(editorPath);
    await press(again, again.locator('section[aria-labelledby="claim-publish"] button[type="submit"]'));
    await expect(again.getByTestId('claim-status').textContent()).resolves.toContain('게시된 버전 2');
    await againContext.close();

    // The draft moves forward, keeps its answers and says what changed
    await second.goto(`/my/cases/${slug}/intake/facts`);
    await expect(second.getByTestId('definition-changes').textContent()).resolves.toContain('선사가 환불을 제안했나요?');
    await expect(second.locator('input[name="trip_date"]').inputValue()).resolves.toBe('2026-03-03');
    await second.locator('label[for="refund_offered-no"]').click();
    await next(second, '/intake/damages');
    await screenshot(second, 'claim-editor-second-moved');
    await secondContext.close();
    // Two sign-ups and a whole claim on a loaded machine: more than the default two minutes.
  }, 600_000);
});
