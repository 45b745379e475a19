import { headers } from 'next/headers';
import { getEnv } from '@/lib/env';

/** Absolute base URL for links in mails: APP_URL when configured, else the request's own host. */
export async function currentAppUrl(): Promise<string> {
  const configured = getEnv().APP_URL;
  if (configured) return configured.replace(/\/$/, '');
  const headerList = await headers();
  const host = headerList.get('x-forwarded-host') ?? headerList.get('host') ?? `localhost:${getEnv().PORT}`;
  const proto = headerList.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}
