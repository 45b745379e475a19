import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT, findAxeViolations, launchBrowser, newContext, screenshot, signIn } from './support/browser';

/**
 * Filing rounds and deficiency notices (issue 12, items 1 and 2), as a lawyer in Korean: round 1
 * with a cut-off, a deficiency notice cured on a phone, another left to expire, the packet built
 * for the round and the cost worksheet read. Expiring a notice needs the clock to pass its
 * deadline, which the app never lets anyone set in the past: on PostgreSQL the test moves that
 * one notice's deadline back in the database; on the embedded database (which only the server
 * can open) that step is skipped.
 */
const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');
const serverSecrets = inject('serverSecrets');
const CASE = '/cases/slammer-2003';
const MESSAGE = '2003년 1월 요금 청구서를 올려 주세요.';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A calendar day in Korea, `days` from today, as the date input takes it. */
function koreanDay(days = 0): string {
  return new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function openRound(page: Page, cutoffOn: string): Promise<void> {
  await page.goto(`${CASE}/rounds`);
  await page.locator('#field-cutoffOn').fill(cutoffOn);
  await page.locator('main form:has(#field-cutoffOn) button[type="submit"]').click();
}

/** Sends a deficiency notice from the claimant file open on `page`. */
async function sendDeficiency(page: Page, reason: string): Promise<void> {
  await page.locator('#deficiency-reason').selectOption(reason);
  await page.locator('#deficiency-message').fill(MESSAGE);
  await page.locator('#deficiency-cure-by').fill(koreanDay(7));
  await page.locator('main form:has(#deficiency-message) button[type="submit"]').click();
  await expect(page.locator('main [role="status"]').first().textContent()).resolves.toContain('보정 요청을 보냈습니다');
}

describe('filing rounds and deficiency notices', () => {
  it('a lawyer opens 1차, sends notices, one is cured on a phone and one expires, builds the packet and reads the costs', async () => {
    const lawyer = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT, locale: 'ko' });
    const page = await lawyer.newPage();
    await signIn(page, 'lawyer@joinder.test');
    await page.waitForURL((url) => url.pathname === '/staff');

    // 1차 up to yesterday: everyone verified by then (today's verifications wait for 2차).
    await page.goto(`${CASE}/rounds`);
    await expect(page.locator('main').textContent()).resolves.toContain('아직 연 차수가 없습니다');
    expect(await findAxeViolations(page)).toEqual([]);
    await openRound(page, koreanDay(-1));
    const opened = (await page.locator('main [role="status"]').first().textContent()) ?? '';
    expect(opened).toMatch(/1차.*신청인 \d+명/);
    const members = Number(/신청인 (\d+)명/.exec(opened)![1]);
    expect(members).toBeGreaterThan(0);

    // A cut-off before 1차's is refused, with the reason beside the field and the day kept.
    await openRound(page, koreanDay(-2));
    await page.getByTestId('error-summary').waitFor();
    await expect(page.locator('#field-cutoffOn-error').textContent()).resolves.toContain('앞 차수의 기준일');
    await expect(page.locator('#field-cutoffOn').inputValue()).resolves.toBe(koreanDay(-2));
    await screenshot(page, 'rounds-refused-cutoff-ko');
    expect(await findAxeViolations(page)).toEqual([]);

    // A deficiency notice to the walkthrough claimant: reason, message and cure deadline.
    await page.goto(`${CASE}/review?status=all&q=${encodeURIComponent('한가람')}`);
    await page.locator('main table a', { hasText: /^한가람$/ }).click();
    await page.waitForURL(/\/review\/[0-9a-f-]{36}$/);
    // A past deadline is refused first, and what was typed stays.
    await page.locator('#deficiency-reason').selectOption('missing_evidence');
    await page.locator('#deficiency-message').fill(MESSAGE);
    await page.locator('#deficiency-cure-by').fill(koreanDay(-1));
    await page.locator('main form:has(#deficiency-message) button[type="submit"]').click();
    await expect(page.locator('#field-cureBy-error, #deficiency-cure-by-error').first().textContent()).resolves.toContain('오늘이나 그 뒤');
    await expect(page.locator('#deficiency-message').inputValue()).resolves.toBe(MESSAGE);
    await sendDeficiency(page, 'missing_evidence');
    await screenshot(page, 'rounds-deficiency-sent-ko');

    // The claimant sees what is missing and by when, on a phone, and cures it.
    const phone = await newContext(browser, { baseUrl, viewport: PHONE_VIEWPORT, locale: 'ko' });
    const claimantPage = await phone.newPage();
    await signIn(claimantPage, 'reviewee@joinder.test');
    await claimantPage.goto('/my/cases/slammer-2003');
    const notice = claimantPage.getByTestId('deficiency-notice');
    await expect(notice.textContent()).resolves.toContain('증거 자료 누락');
    await expect(claimantPage.getByTestId('deficiency-deadline').textContent()).resolves.toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일까지/);
    await screenshot(claimantPage, 'rounds-claimant-deficiency-phone');
    expect(await findAxeViolations(claimantPage)).toEqual([]);
    const answer = claimantPage.locator('main form:has(textarea[name="message"])');
    await answer.locator('textarea[name="message"]').fill('청구서를 올렸습니다.');
    await answer.locator('button[type="submit"]').click();
    await claimantPage.getByTestId('done-notice').waitFor();
    await expect(claimantPage.getByTestId('deficiency-notice').count()).resolves.toBe(0);
    await phone.close();

    // Another claimant lets the deadline pass.
    let expiredName: string | null = null;
    if (databaseUrl) {
      await page.goto(`${CASE}/review`);
      const other = page.locator('main table tbody tr td:nth-child(2) a').filter({ hasNotText: /가람/ }).first();
      expiredName = (await other.textContent())!.trim();
      await other.click();
      await page.waitForURL(/\/review\/[0-9a-f-]{36}$/);
      const claimantId = page.url().split('/').pop()!;
      await sendDeficiency(page, 'unreadable_file');
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        // The clock moves past the cure deadline for this one notice.
        await client.query(
          `update deficiency_notices set deadline_at = now() - interval '1 minute' where claimant_id = $1 and status = 'open'`,
          [claimantId],
        );
      } finally {
        await client.end();
      }
    }

    // Someone verified today is in no round yet, so 2차 (cut-off today) takes them. The walkthrough
    // claimant stays as the seed left them (submitted, now cured), for the review walkthrough.
    await page.goto(`${CASE}/review`);
    const ready = page.locator('main table tbody tr td:nth-child(2) a').filter({ hasNotText: /가람/ });
    const readyName = (await ready.first().textContent())!.trim();
    expect(readyName).not.toBe(expiredName);
    await ready.first().click();
    await page.waitForURL(/\/review\/[0-9a-f-]{36}$/);
    await page.locator('main form:has(input[name="decision"][value="verify"]) button[type="submit"]').click();
    await expect(page.locator('main [role="status"]').first().textContent()).resolves.toContain('확인 완료');

    // 2차 with today's cut-off: the one verified today is in, the lapsed one is swept out.
    await openRound(page, koreanDay(0));
    await expect(page.locator('main [role="status"]').first().textContent()).resolves.toMatch(/2차.*신청인 \d+명/);
    await page.reload();
    const table = (await page.locator('main section[aria-labelledby="rounds-table-heading"]').textContent()) ?? '';
    expect(table).toContain('1차');
    expect(table).toContain('2차');
    const stats = (await page.locator('main section[aria-labelledby="deficiency-stats-heading"]').textContent()) ?? '';
    expect(stats).toMatch(/보정 기한을 넘겨 다음 차수에서 빠지는 신청인: \d+명/);
    if (expiredName) expect(stats).not.toContain('빠지는 신청인: 0명');
    await screenshot(page, 'rounds-list-ko');
    expect(await findAxeViolations(page)).toEqual([]);

    if (expiredName) {
      // The queue shows the lapsed claimant, and filters them.
      await page.goto(`${CASE}/review?status=all&deficiency=deficient`);
      const names = await page.locator('main table tbody tr td:nth-child(2) a').allTextContents();
      expect(names).toContain(expiredName);
      await expect(page.locator('main table').textContent()).resolves.toContain('보정 기한 경과');
      await screenshot(page, 'rounds-queue-deficient-ko');
    }

    // The packet for 1차: the builder opens with the round's list chosen.
    await page.goto(`${CASE}/rounds/1`);
    await expect(page.locator('main').textContent()).resolves.toContain('소 제기 뒤 취하한 신청인이 없습니다');
    expect(await findAxeViolations(page)).toEqual([]);
    await page.locator('main a', { hasText: '이 차수로 패킷 만들기' }).click();
    await page.waitForURL(/\/filings\/new\?selection=/);
    await expect(page.locator('main select[name="selectionId"] option:checked').textContent()).resolves.toContain('1차');
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/\/filings\/\d+$/, { timeout: 60_000 });
    await expect.poll(async () => page.locator('main a[href*="/parts/1"]').count(), { timeout: 180_000, interval: 500 }).toBeGreaterThan(0);
    await expect(page.locator('main').textContent()).resolves.toContain(`${members}`);
    await screenshot(page, 'rounds-packet-built-ko');

    // Beside the parts, the proof of authority (item 4): the annex, text and no stamp image, and
    // the manifest, which authority:verify checks row by row against the database.
    const version = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.getByTestId('attachment-authority_annex').textContent()).resolves.toContain('선정 및 소송위임 확인서');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-authority-'));
    const download = async (kind: string) => {
      const answer = await page.request.get(`/api/cases/slammer-2003/filings/${version}/attachments/${kind}`);
      expect(answer.status()).toBe(200);
      const file = path.join(folder, kind);
      fs.writeFileSync(file, await answer.body());
      return file;
    };
    const annexText = execFileSync('pdftotext', ['-layout', await download('authority_annex'), '-'], { encoding: 'utf8' });
    expect(annexText).toContain('선정 및 소송위임 확인서');
    expect(annexText).toContain('authority:verify');
    const manifestFile = await download('authority_manifest');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { claimants: unknown[] };
    expect(manifest.claimants).toHaveLength(members);
    if (databaseUrl) {
      const verified = spawnSync(process.execPath, ['--import', 'tsx', 'lib/filings/authority-verify-cli.ts', manifestFile], {
        env: { ...process.env, ...serverSecrets, DATABASE_URL: databaseUrl },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(verified.stderr).toBe('');
      expect(verified.stdout).toContain('OK: every row holds.');
      expect(verified.status).toBe(0);
    }

    // The whole submission (item 5), as the lawyer downloads it to upload by hand: every file
    // SUBMISSION.json names is in the zip under that name, with that size and SHA-256, in its order.
    const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('submission').locator('a').click()]);
    expect(zipDownload.suggestedFilename()).toBe(`slammer-2003-filing-v${version}-submission.zip`);
    const zipFile = path.join(folder, 'submission.zip');
    await zipDownload.saveAs(zipFile);
    const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
    const entryNames: string[] = [];
    zip.forEach((name, entry) => {
      if (!entry.dir) entryNames.push(name);
    });
    expect(entryNames.at(-1)).toBe('SUBMISSION.json');
    const submission = JSON.parse(await zip.file('SUBMISSION.json')!.async('string')) as {
      filingVersion: number;
      files: { order: number; name: string; kind: string; byteSize: number; sha256: string }[];
    };
    expect(submission.filingVersion).toBe(Number(version));
    expect(submission.files.map((file) => file.order)).toEqual(submission.files.map((_, index) => index + 1));
    expect(entryNames.slice(0, -1)).toEqual(submission.files.map((file) => file.name));
    expect(submission.files.map((file) => file.kind)).toEqual(expect.arrayContaining(['part', 'authority_annex', 'authority_manifest']));
    for (const file of submission.files) {
      const bytes = await zip.file(file.name)!.async('nodebuffer');
      expect(bytes.byteLength, file.name).toBe(file.byteSize);
      expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
    }
    fs.rmSync(folder, { recursive: true, force: true });

    // The cost worksheet, from the round's page.
    await page.goto(`${CASE}/rounds/1`);
    await page.locator('main a', { hasText: '소송비용 계산표 보기' }).click();
    await page.waitForURL('**/cases/slammer-2003/costs');
    await expect(page.getByTestId('scenarios').textContent()).resolves.toContain('선정당사자');
    await expect(page.getByTestId('stamp').textContent()).resolves.toContain('원');
    await screenshot(page, 'rounds-costs-ko');
    await lawyer.close();
  });
});
