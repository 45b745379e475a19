import { configuredAppOrigin } from '@/lib/env';

/**
 * Absolute base URL for links in mails, QR codes and share links: APP_URL, or in a local demo the
 * local origin. Never the request's Host or X-Forwarded-Host: a forged header would otherwise put
 * an attacker's site into a real password-reset mail, and the token with it (issue 17).
 */
export async function currentAppUrl(): Promise<string> {
  return configuredAppOrigin();
}
