import type { Browser } from 'playwright-core';
import { DESKTOP_VIEWPORT, newContext, signIn } from './browser';

/**
 * Reads the newest mail to an address from the admin's dev outbox, once the server's mail sweep has
 * delivered it there (moments after the action committed); '' when none came within ten seconds.
 */
export async function readOutboxMail(browser: Browser, baseUrl: string, to: string): Promise<string> {
  const context = await newContext(browser, { baseUrl, viewport: DESKTOP_VIEWPORT });
  const page = await context.newPage();
  await signIn(page, 'admin@joinder.test');
  let body = '';
  for (let attempt = 0; attempt < 20 && !body; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    await page.goto('/admin/outbox');
    const newest = page.locator('main li', { hasText: to }).first().locator('pre');
    body = (await newest.count()) > 0 ? ((await newest.textContent()) ?? '') : '';
  }
  await context.close();
  return body;
}
