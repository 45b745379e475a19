import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP_VIEWPORT, SCREENSHOT_DIR, findAxeViolations, launchBrowser, newContext, screenshot, signIn } from './support/browser';

const baseUrl = inject('baseUrl');
const FILINGS = '/cases/slammer-2003/filings';
let browser: Browser;
let scratch: string;

beforeAll(async () => {
  browser = await launchBrowser();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-filings-e2e-'));
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const hasPoppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Submits the builder and follows the version page until the packet is done, noting what the progress bar said. */
async function buildAndWatch(page: Page): Promise<{ version: string; progressTexts: string[] }> {
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/filings\/\d+$/, { timeout: 60_000 });
  const version = page.url().split('/').pop()!;
  const progressTexts: string[] = [];
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if ((await page.locator('main a[href*="/parts/1"]').count()) > 0) break;
    const bar = page.locator('main [role="progressbar"]');
    const text =
      (await bar.count()) > 0
        ? await bar
            .first()
            .getAttribute('aria-valuetext', { timeout: 1_000 })
            .catch(() => null)
        : null;
    if (text && progressTexts[progressTexts.length - 1] !== text) progressTexts.push(text);
    if ((await page.locator('main [role="alert"]').count()) > 0)
      throw new Error(`filing failed: ${await page.locator('main [role="alert"]').first().textContent()}`);
    await page.waitForTimeout(200);
  }
  return { version, progressTexts };
}

/** Downloads a part through the page's session, checks the response and returns the file on disk. */
async function downloadPart(page: Page, version: string, part: number): Promise<string> {
  const href = `/api${FILINGS}/${version}/parts/${part}`;
  expect(await page.locator(`main a[href="${href}"]`).count()).toBe(1);
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="slammer-2003-filing-v\d+-part-1-of-\d+\.pdf"/);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['content-type']).toBe('application/pdf');
  const body = await response.body();
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  const file = path.join(scratch, `v${version}-part${part}.pdf`);
  fs.writeFileSync(file, body);
  return file;
}

/** The case's public 소 제기 count (the counter, badge and stats API all read it). */
async function filedOnPublicStats(): Promise<number> {
  const response = await fetch(`${baseUrl}/api/cases/slammer-2003/stats`);
  return ((await response.json()) as { claimants: { filed: number } }).claimants.filed;
}

/** Renders a few pages to PNG next to the screenshots, to be looked at. */
function renderPages(file: string, name: string, pages: number[]): void {
  for (const pageNumber of pages) {
    const prefix = path.join(SCREENSHOT_DIR, `${name}-p${pageNumber}`);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', String(pageNumber), '-l', String(pageNumber), file, prefix]);
    expect(fs.statSync(`${prefix}.png`).size).toBeGreaterThan(5_000);
  }
}

describe('filings', () => {
  it('a lawyer reads the court costs before building: the summary, the worksheet, a refused option, the PDF', async () => {
    const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT, locale: 'ko' });
    const page = await context.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.goto(`${FILINGS}/new`);
    const summary = (await page.getByTestId('builder-costs').textContent()) ?? '';
    expect(summary).toMatch(/확인 완료 원고 [\d,]+명, 소가 [\d,]+원/);
    await page.getByTestId('builder-costs').locator('a').click();
    await page.waitForURL('**/cases/slammer-2003/costs');
    const scenarios = page.getByTestId('scenarios');
    await expect(scenarios.textContent()).resolves.toContain('선정당사자 3명');
    await expect(page.getByTestId('stamp').textContent()).resolves.toContain('제16조 제1항');
    await screenshot(page, 'costs-worksheet-ko');
    expect(await findAxeViolations(page)).toEqual([]);

    // More 선정당사자 than claimants: the field says so, and what was typed stays.
    await page.locator('#field-representatives').fill('100000');
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/representatives=100000/);
    await page.getByTestId('error-summary').waitFor();
    await expect(page.locator('#field-representatives-error').textContent()).resolves.toContain('선정당사자는 원고 수');
    await expect(page.locator('#field-representatives').inputValue()).resolves.toBe('100000');
    expect(await findAxeViolations(page)).toEqual([]);

    await page.locator('#field-representatives').fill('2');
    await page.locator('#field-filing').selectOption('paper');
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/representatives=2/);
    await expect(scenarios.textContent()).resolves.toContain('선정당사자 2명');
    await expect(page.getByTestId('stamp').textContent()).resolves.not.toContain('제16조');
    const href = (await page.getByTestId('worksheet-pdf').getAttribute('href'))!;
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const file = path.join(scratch, 'cost-worksheet.pdf');
    fs.writeFileSync(file, await response.body());
    if (hasPoppler) {
      const text = execFileSync('pdftotext', [file, '-']).toString();
      expect(text).toContain('소송비용 계산표');
      expect(text).toContain('선정당사자 2명');
      renderPages(file, 'costs-worksheet-pdf-ko', [1]);
    }
    await context.close();
  });

  it('a lawyer builds the Korean packet for the demo case, watches it, downloads it and the PDF opens', async () => {
    const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT, locale: 'ko' });
    const page = await context.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.goto('/staff');
    await page.locator(`main a[href="${FILINGS}"]`).click();
    await page.waitForURL(`**${FILINGS}`);
    await page.locator(`main a[href="${FILINGS}/new"]`).click();
    await page.waitForURL(`**${FILINGS}/new`);
    await screenshot(page, 'filings-builder-ko');
    expect(await findAxeViolations(page)).toEqual([]);

    const { version, progressTexts } = await buildAndWatch(page);
    // The bar moved through its stages (a fast render may skip some; it always ends done).
    expect(progressTexts.length).toBeGreaterThan(1);
    expect(progressTexts.some((text) => /쪽|기다리는|불러오는/.test(text))).toBe(true);
    await page.locator('main h2#parts-heading').waitFor();
    await screenshot(page, 'filings-version-ko');
    expect(await findAxeViolations(page)).toEqual([]);
    const firstName = (await page.locator('main #claimants tbody th').first().textContent())!.trim();
    expect(firstName).toMatch(/^[가-힣]{2,4}$/);

    const file = await downloadPart(page, version, 1);
    if (hasPoppler) {
      const info = execFileSync('pdfinfo', [file]).toString();
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(10);
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      expect(await page.locator('main').textContent()).toContain(`${pages.toLocaleString('ko-KR')}쪽`);
      const text = execFileSync('pdftotext', ['-l', '12', file, '-']).toString();
      expect(text.replace(/\s+/g, '')).toContain('소장');
      expect(text.replace(/\s+/g, '')).toContain('선정서');
      expect(text).toContain(firstName);
      renderPages(file, 'filings-pdf-kr', [1, 2, 4, 7]);
    }

    // A built packet is a draft: nobody is filed until the lawyer records the court filing.
    const claimantCount = Number((await page.locator('main #claimants').textContent())!.match(/\/ ([\d,]+)명/)![1].replace(/,/g, ''));
    expect(await filedOnPublicStats()).toBe(0);
    const record = page.getByTestId('record-filing-form');
    await record.locator('#field-court').fill('서울중앙지방법원');
    await record.locator('#field-courtCaseNumber').fill('2026가합');
    await record.locator('button[type="submit"]').click();
    await page.getByTestId('error-summary').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'error-summary');
    await expect(page.locator('#field-courtCaseNumber-error').textContent()).resolves.toContain('2026가합12345');
    await expect(page.locator('#field-confirm-error').textContent()).resolves.toContain('확인란');
    await expect(record.locator('#field-court').inputValue()).resolves.toBe('서울중앙지방법원');
    await screenshot(page, 'filings-record-refused-ko');
    expect(await findAxeViolations(page)).toEqual([]);
    await record.locator('#field-courtCaseNumber').fill('2026가합 51234');
    await record.locator('#field-confirm').check();
    await record.locator('button[type="submit"]').click();
    await page.getByTestId('court-filing').getByText('법원에 제출함').waitFor();
    await page.reload();
    const filed = (await page.getByTestId('court-filing').textContent()) ?? '';
    expect(filed).toContain('법원에 제출함');
    expect(filed).toContain('서울중앙지방법원');
    expect(filed).toContain('2026가합51234');
    await expect.poll(filedOnPublicStats, { timeout: 10_000 }).toBe(claimantCount);
    await screenshot(page, 'filings-recorded-ko');
    expect(await findAxeViolations(page)).toEqual([]);

    // A mistyped 사건번호 is corrected with a reason; without one the form refuses and keeps what was typed.
    const correction = page.getByTestId('correct-filing');
    await correction.locator('summary').click();
    const correctForm = page.getByTestId('correct-filing-form');
    await expect(correctForm.locator('#correct-courtCaseNumber').inputValue()).resolves.toBe('2026가합51234');
    await correctForm.locator('#correct-courtCaseNumber').fill('2026가합51235');
    await correctForm.locator('button[type="submit"]').click();
    await correctForm.getByTestId('error-summary').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'error-summary');
    await expect(page.locator('#correct-reason-error').textContent()).resolves.not.toBe('');
    await expect(correctForm.locator('#correct-courtCaseNumber').inputValue()).resolves.toBe('2026가합51235');
    await screenshot(page, 'filings-correction-refused-ko');
    expect(await findAxeViolations(page)).toEqual([]);
    await correctForm.locator('#correct-reason').fill('법원 접수증의 사건번호와 대조해 오기를 바로잡음');
    await correctForm.locator('button[type="submit"]').click();
    await correction.getByText('법원 제출 기록을 정정했습니다.').waitFor();
    await page.reload();
    await expect(page.getByTestId('court-filing').textContent()).resolves.toContain('2026가합51235');
    const history = (await page.getByTestId('court-filing-corrections').textContent()) ?? '';
    expect(history).toContain('법원 접수증의 사건번호와 대조해 오기를 바로잡음');
    expect(history).toContain('2026가합51234');
    await screenshot(page, 'filings-corrected-ko');
    expect(await findAxeViolations(page)).toEqual([]);

    await page.goto(FILINGS);
    await expect(page.locator('main').textContent()).resolves.toContain('서울중앙지방법원 2026가합51235');
    await screenshot(page, 'filings-list-ko');
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a lawyer builds a US-format English packet; every exhibit comes as a separate file', async () => {
    const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT, locale: 'en' });
    const page = await context.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.goto(`${FILINGS}/new`);
    await page.locator('main input[name="format"][value="us"]').check();
    await page.locator('main select[name="language"]').selectOption('en');
    await page.locator('main select[name="powerOfAttorney"]').selectOption('per_claimant');
    await page.locator('main input[name="maxPartMb"]').fill('5');
    const { version } = await buildAndWatch(page);
    await page.locator('main h2#parts-heading').waitFor();
    await screenshot(page, 'filings-version-us-en');
    expect(await findAxeViolations(page)).toEqual([]);
    const main = (await page.locator('main').textContent()) ?? '';
    // CM/ECF: the exhibit index, then one file per exhibit.
    expect(main).toContain('Index of exhibits (separate attachment)');
    expect(main).toContain('Exhibit (separate attachment)');
    expect(main).toContain('US Letter');

    const file = await downloadPart(page, version, 1);
    if (hasPoppler) {
      const info = execFileSync('pdfinfo', [file]).toString();
      expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
      const text = execFileSync('pdftotext', ['-l', '6', file, '-']).toString();
      expect(text).toContain('CLASS ACTION COMPLAINT');
      expect(text).toMatch(/[가-힣]{2,4}/);
      // FRCP 5.2: the schedule of plaintiffs prints the year of birth only.
      expect(execFileSync('pdftotext', [file, '-']).toString()).not.toMatch(/\b(19[4-9]\d)\. \d{1,2}\. \d{1,2}\./);
      renderPages(file, 'filings-pdf-us', [1, 2, 5]);
    }
    await context.close();
  });

  it('a lawyer cancels a packet while it is being built', async () => {
    const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT, locale: 'ko' });
    const page = await context.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.goto(`${FILINGS}/new`);
    await page.locator('main select[name="powerOfAttorney"]').selectOption('per_claimant');
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/\/filings\/\d+$/, { timeout: 60_000 });
    await page.locator('main [role="progressbar"]').waitFor();
    await page.getByRole('button', { name: '만들기 취소' }).click();
    // The action re-renders the page: the status badge turns to cancelled and the bar goes away.
    await page.locator('main header').getByText('취소됨').waitFor({ timeout: 15_000 });
    await page.reload();
    expect(await page.locator('main [role="progressbar"]').count()).toBe(0);
    expect(await page.locator('main a[href*="/parts/"]').count()).toBe(0);
    await page.goto(FILINGS);
    await screenshot(page, 'filings-list-after-cancel-ko');
    await context.close();
  });

  it('keeps what was typed when the request is refused, with the message next to the field', async () => {
    const context = await newContext(browser, { baseUrl, locale: 'ko' });
    const page = await context.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.goto(`${FILINGS}/new`);
    await page.locator('main input[name="claimantSource"][value="references"]').check();
    await page.locator('main textarea[name="references"]').fill('SLM-999999\nSLM-000001');
    await page.locator('main input[name="selectionName"]').fill('2차 제출');
    await page.locator('main input[name="batesPrefix"]').fill('slm 01!');
    await page.locator('main form button[type="submit"]').click();
    await expect(page.locator('#field-batesPrefix-error').textContent()).resolves.toContain('영문 대문자');
    await expect(page.locator('main textarea[name="references"]').inputValue()).resolves.toBe('SLM-999999\nSLM-000001');
    await expect(page.locator('main input[name="selectionName"]').inputValue()).resolves.toBe('2차 제출');
    await page.locator('main input[name="batesPrefix"]').fill('SLM');
    await page.locator('main form button[type="submit"]').click();
    await expect(page.locator('#field-references-error').textContent()).resolves.toContain('SLM-999999');
    await screenshot(page, 'filings-builder-error-ko');
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('is closed to organizers and claimants (404) and to strangers (sign-in)', async () => {
    for (const email of ['organizer@joinder.test', 'claimant@joinder.test']) {
      const context = await newContext(browser, { baseUrl });
      const page = await context.newPage();
      await signIn(page, email);
      for (const target of [FILINGS, `${FILINGS}/new`, `${FILINGS}/1`]) {
        const response = await page.goto(target);
        expect(response?.status(), `${email} ${target}`).toBe(404);
      }
      for (const target of [`/api${FILINGS}/1/progress`, `/api${FILINGS}/1/parts/1`]) {
        expect((await page.request.get(target)).status(), `${email} ${target}`).toBe(404);
      }
      await context.close();
    }
    const anonymous = await newContext(browser, { baseUrl });
    const page = await anonymous.newPage();
    await page.goto(FILINGS);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect((await page.request.get(`/api${FILINGS}/1/parts/1`)).status()).toBe(401);
    await anonymous.close();
  });
});
