import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT, findAxeViolations, launchBrowser, newContext, screenshot, signIn } from './support/browser';

const baseUrl = inject('baseUrl');
const QUEUE = '/cases/slammer-2003/review';
const ANSWER = '2003년 1월 KT 요금 청구서 원본을 다시 올렸습니다. 장애 안내 문자는 1월 26일 오전에 받았습니다.';
let browser: Browser;
let evidenceUrl = '';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openWalkthroughFile(page: Page) {
  await page.goto(`${QUEUE}?q=${encodeURIComponent('ㅎㄱㄹ')}&status=all`);
  await page.locator('main table a', { hasText: /^한가람$/ }).click();
  await page.waitForURL(/\/review\/[0-9a-f-]{36}$/);
}

/**
 * The claimant's side of the walkthrough. The intake's answer screen lives on another branch; on
 * PostgreSQL we write exactly what answering does (a message from the claimant, back to
 * submitted, a new version, its audit row), otherwise the claimant answers in the UI if present.
 */
/**
 * "자료 더 올리기" leads to the evidence step, which says a request is being answered and leads
 * back to the claim page (issue 16, item 15); its hidden file inputs are not heard a second time
 * beside the buttons that open them (item 14).
 */
async function uploadMoreAndComeBack(page: Page): Promise<void> {
  await page.locator('main a', { hasText: '자료 더 올리기' }).click();
  await page.waitForURL('**/intake/evidence');
  const tree = await page.locator('main').ariaSnapshot();
  expect(tree.match(/파일 고르기/g)).toHaveLength(1);
  expect(tree.match(/사진 찍기/g)).toHaveLength(1);
  await expect(page.getByTestId('claim-home-link').getAttribute('href')).resolves.toBe('/my/cases/slammer-2003');
  await page.getByTestId('answering-banner').waitFor();
  await screenshot(page, 'review-claimant-upload-more');
  expect(await findAxeViolations(page)).toEqual([]);
  await page.getByTestId('answering-banner').locator('a').click();
  await page.waitForURL((url) => url.pathname === '/my/cases/slammer-2003');
  await page.locator('#info-request').waitFor();
}

/** The review step shows every answer, the service address of step 3 included (issue 16, item 5). */
async function checkReviewStep(page: Page): Promise<void> {
  await page.goto('/my/cases/slammer-2003/intake/review');
  const connection = page.locator('main section[aria-labelledby="review-connection"]');
  await expect(
    connection.locator('dt', { hasText: '회선을 쓰던 곳의 주소' }).locator('xpath=following-sibling::dd[1]').textContent(),
  ).resolves.toBe('서울특별시 마포구 월드컵로 12, 302호');
  await expect(page.locator('main section[aria-labelledby="review-statement"]').count()).resolves.toBe(1);
  await screenshot(page, 'review-claimant-review-step');
  expect(await findAxeViolations(page)).toEqual([]);
}

/** The claimant answers counsel's request on their claim page, as a person would. */
async function answerAsClaimant(): Promise<void> {
  const context = await newContext(browser, { baseUrl });
  const page = await context.newPage();
  await signIn(page, 'reviewee@joinder.test');
  await page.goto('/my/cases/slammer-2003');
  await uploadMoreAndComeBack(page);
  await checkReviewStep(page);
  await page.goto('/my/cases/slammer-2003');
  const answerForm = page.locator('main form:has(textarea[name="message"])');
  await answerForm.locator('textarea[name="message"]').fill(ANSWER);
  await answerForm.locator('button[type="submit"]').click();
  await page.getByTestId('done-notice').waitFor();
  // The page shows the new state without a reload: no request left to answer, the status back
  // to submitted, and the answer in the thread.
  await expect(page.locator('#info-request').count()).resolves.toBe(0);
  await expect(page.locator('main section[aria-labelledby="claim-status"]').textContent()).resolves.toContain('제출됨');
  await expect(page.locator('main section[aria-labelledby="claim-status"]').textContent()).resolves.not.toContain('보완 요청');
  await expect(page.locator('main section[aria-labelledby="messages-title"]').textContent()).resolves.toContain(ANSWER);
  await screenshot(page, 'review-claimant-answered');
  await context.close();
}

describe('the review workspace', () => {
  it('a lawyer filters the queue, opens a file, sees the PDF and the image, asks for information, and verifies after the answer', async () => {
    const lawyer = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
    const page = await lawyer.newPage();
    await signIn(page, 'lawyer@joinder.test');
    // A lawyer of both demo cases lands on /staff, and opens this case's queue from there.
    await page.waitForURL((url) => url.pathname === '/staff');
    await page.goto(QUEUE);
    await expect(page.locator('main nav[aria-label="상태별 신청서"] a[aria-current="page"]').textContent()).resolves.toContain('제출됨');

    // Filter: search by 초성, only Seoul.
    await page.locator('main input[name="q"]').fill('ㅎㄱㄹ');
    await page.locator('main select[name="region"]').selectOption('seoul');
    await page.locator('main form[method="get"] button[type="submit"]').click();
    await page.waitForURL(/q=/);
    const names = await page.locator('main table tbody tr td:nth-child(2) a').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['한가람', '한 가람']));
    await screenshot(page, 'review-queue-search-desktop');
    expect(await findAxeViolations(page)).toEqual([]);

    // The file: both previews load through the authorized inline route.
    const pdfResponse = page.waitForResponse(
      (response) => response.url().includes('/inline') && response.headers()['content-type'] === 'application/pdf',
    );
    await page.locator('main table a', { hasText: /^한가람$/ }).click();
    await page.waitForURL(/\/review\/[0-9a-f-]{36}$/);
    const pdf = await pdfResponse;
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
    evidenceUrl = new URL(pdf.url()).pathname;
    await expect(page.locator('main iframe').count()).resolves.toBe(1);
    const image = page.locator('main img[alt*="접속 불가 화면"]');
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    const fileUrl = page.url();
    const reference = (await page.locator('main header .font-mono').textContent())!.replace(/^접수번호\s*/, '').trim();
    expect(reference).toMatch(/^SLM-\d{6}$/);
    await expect(page.locator('main section[aria-labelledby="statements"]').textContent()).resolves.toContain('2차 진술서');
    await expect(page.locator('main section[aria-labelledby="statements"] ins').first().textContent()).resolves.toContain('14:35');
    await expect(page.locator('main section[aria-labelledby="flags"]').textContent()).resolves.toContain('같은 이름과 생년월일');
    // The browser's PDF viewer renders in its own process: give it a moment before the pictures.
    await page.locator('main iframe').scrollIntoViewIfNeeded();
    await page.waitForTimeout(2_500);
    await page.locator('main iframe').screenshot({ path: 'e2e/screenshots/review-file-pdf-preview.png' });
    await screenshot(page, 'review-file-desktop');
    expect(await findAxeViolations(page)).toEqual([]);

    // A download is an attachment with nosniff.
    const download = await page.request.get(evidenceUrl.replace(/\/inline$/, '/download'));
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers()['x-content-type-options']).toBe('nosniff');

    // Ask for information.
    // "Request information" is a deficiency notice: a reason, the message and a cure deadline (issue 12).
    await page.locator('#deficiency-reason').selectOption('missing_evidence');
    await page.locator('#deficiency-message').fill('2003년 1월 요금 청구서 원본과 장애 안내를 받은 날짜를 알려 주세요.');
    await page.locator('#deficiency-cure-by').fill('2099-12-31');
    await page.locator('main form:has(#deficiency-message) button[type="submit"]').click();
    await expect(page.locator('main [role="status"]').first().textContent()).resolves.toContain('보정 요청을 보냈습니다');
    await page.locator('main section[aria-labelledby="messages"]').getByText('장애 안내를 받은 날짜').waitFor();

    // The claimant answers.
    await answerAsClaimant();

    // Two tabs on the same file: the first verifies, the second's rejection is refused as stale.
    await page.goto(fileUrl);
    await page.locator('main section[aria-labelledby="messages"]').getByText(ANSWER).waitFor();
    const second = await lawyer.newPage();
    await second.goto(fileUrl);
    await page.locator('main section[aria-labelledby="decision-title"] button', { hasText: '확인 완료' }).click();
    await expect(page.locator('main [role="status"]').first().textContent()).resolves.toContain('확인 완료');
    await second.locator('#decision-reject').fill('서류 불충분');
    await second.locator('main form:has(#decision-reject) button[type="submit"]').click();
    await expect(second.locator('main [role="alert"]').first().textContent()).resolves.toContain('다른 사람이 이 신청서를 바꿨습니다');
    await screenshot(second, 'review-file-stale');
    await second.locator('main [role="alert"] a').click();
    await expect(second.locator('main header').textContent()).resolves.toContain('확인 완료');
    const history = await second.locator('main section[aria-labelledby="history"]').textContent();
    expect(history).toContain('→ 보완 요청');
    expect(history).toContain('→ 확인 완료');
    await lawyer.close();
  });

  it('a lawyer verifies a selection in bulk and works through a possible duplicate', async () => {
    const lawyer = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
    const page = await lawyer.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.goto(`${QUEUE}?region=busan&completeness=complete`);
    const boxes = page.locator('main table tbody input[type="checkbox"]');
    expect(await boxes.count()).toBeGreaterThan(1);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect(page.locator('#bulk-title').textContent()).resolves.toContain('2건 선택');
    await page.locator('#bulk-form button[type="submit"]').click();
    await expect(page.locator('main [role="status"]').first().textContent()).resolves.toContain('2건 처리했습니다');

    await page.goto(`${QUEUE}/duplicates?reason=same_phone`);
    await screenshot(page, 'review-duplicates');
    expect(await findAxeViolations(page)).toEqual([]);
    await page.locator('main a', { hasText: '비교' }).first().click();
    await page.waitForURL(/\/duplicates\/[0-9a-f-]{36}$/);
    await expect(page.locator('main').textContent()).resolves.toContain('두 신청서가 같음');
    await screenshot(page, 'review-compare');
    expect(await findAxeViolations(page)).toEqual([]);
    await page.locator('main button', { hasText: '중복 아님' }).click();
    await expect(page.locator('main [role="status"]').first().textContent()).resolves.toContain('중복 아님');
    await lawyer.close();
  });

  it('fits a phone screen', async () => {
    const lawyer = await newContext(browser, { baseUrl, viewport: PHONE_VIEWPORT });
    const page = await lawyer.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.goto(`${QUEUE}?status=all&sort=amount_desc`);
    await screenshot(page, 'review-queue-phone');
    expect(await findAxeViolations(page)).toEqual([]);
    await openWalkthroughFile(page);
    await screenshot(page, 'review-file-phone');
    await lawyer.close();
  });

  it('speaks English too', async () => {
    const lawyer = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT, locale: 'en' });
    const page = await lawyer.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.goto(`${QUEUE}?flags=flagged`);
    await expect(page.locator('main h1').textContent()).resolves.toBe('Review queue');
    await expect(page.locator('main table').textContent()).resolves.toMatch(/Same (name and date of birth|evidence file|phone)/);
    await screenshot(page, 'review-queue-en');
    expect(await findAxeViolations(page)).toEqual([]);
    await openWalkthroughFile(page);
    await expect(page.locator('main').textContent()).resolves.toContain('What changed since version 1');
    await screenshot(page, 'review-file-en');
    await lawyer.close();
  });

  it('an organizer of the case gets 404 for the queue, a claimant file and its evidence', async () => {
    const organizer = await newContext(browser, { baseUrl });
    const page = await organizer.newPage();
    await signIn(page, 'organizer@joinder.test');
    expect((await page.goto(QUEUE))?.status()).toBe(404);
    expect((await page.goto(evidenceUrl.split('/evidence')[0].replace('/api/cases/slammer-2003/claimants', QUEUE)))?.status()).toBe(404);
    expect((await page.request.get(evidenceUrl)).status()).toBe(404);
    expect((await page.request.get(`/api/cases/slammer-2003/claimants?status=all`)).status()).toBe(404);
    await organizer.close();
  });
});
