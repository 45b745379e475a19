import type { Database } from '@/db/client';
import { startSession } from '@/lib/auth/sessions';
import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';

/**
 * Server actions and route handlers read the request through next/headers, next-auth and
 * next-intl/server, which only exist inside a Next.js request. Integration tests replace those
 * three modules with these stand-ins (vi.mock in the test file) and run everything else for real:
 * the guards, the database, the sessions table.
 *
 *   vi.mock('next-auth', async () => (await import('@/tests/helpers/next-context')).nextAuthMock);
 *   vi.mock('next/headers', async () => (await import('@/tests/helpers/next-context')).nextHeadersMock);
 *   vi.mock('next-intl/server', async () => (await import('@/tests/helpers/next-context')).nextIntlServerMock);
 */
export const requestContext = {
  userId: null as string | null,
  sessionId: null as string | null,
  locale: 'ko' as Locale,
  ip: '203.0.113.7',
  userAgent: 'vitest-browser/1.0',
  referer: null as string | null,
  /** Headers a client may send as it likes (Host, X-Forwarded-Host …), for tests that forge them. */
  extraHeaders: {} as Record<string, string>,
};

/** Signs a user in for the following calls: a real server-side session row, as next-auth would make. */
export async function actAs(db: Database, userId: string | null, options: { isStaff?: boolean } = {}): Promise<void> {
  if (!userId) {
    requestContext.userId = null;
    requestContext.sessionId = null;
    return;
  }
  const session = await startSession(db, {
    userId,
    isStaff: options.isStaff ?? false,
    ipHash: 'test',
    userAgent: requestContext.userAgent,
  });
  requestContext.userId = userId;
  requestContext.sessionId = session.id;
}

export const nextAuthMock = {
  getServerSession: async () =>
    requestContext.userId
      ? { user: { id: requestContext.userId, sessionId: requestContext.sessionId, email: '', name: '' }, expires: '' }
      : null,
};

function currentHeaders(): Headers {
  const headers = new Headers({
    'x-forwarded-for': requestContext.ip,
    'user-agent': requestContext.userAgent,
    host: 'localhost:3000',
    'accept-language': requestContext.locale,
  });
  if (requestContext.referer) headers.set('referer', requestContext.referer);
  for (const [name, value] of Object.entries(requestContext.extraHeaders)) headers.set(name, value);
  return headers;
}

/** Cookies an action set in this test (name → value and options), e.g. the session cookie of a sign-in. */
export const cookiesSet = new Map<string, { value: string; options: Record<string, unknown> }>();

export const nextHeadersMock = {
  headers: async () => currentHeaders(),
  cookies: async () => ({
    set: (name: string, value: string, options: Record<string, unknown> = {}) => void cookiesSet.set(name, { value, options }),
    get: (name: string) => (name === 'NEXT_LOCALE' ? { name, value: requestContext.locale } : undefined),
    getAll: () => [{ name: 'NEXT_LOCALE', value: requestContext.locale }],
    has: (name: string) => name === 'NEXT_LOCALE',
  }),
};

type Translate = (key: string, params?: Record<string, string | number>) => string;

export const nextIntlServerMock = {
  getLocale: async () => requestContext.locale,
  getTranslations: async (namespace?: string | { namespace?: string }) => {
    const ns = typeof namespace === 'string' ? namespace : namespace?.namespace;
    const t = getTranslator(requestContext.locale) as unknown as Translate;
    return ((key: string, params?: Record<string, string | number>) => t(ns ? `${ns}.${key}` : key, params)) as Translate;
  },
};

/** The URL a redirect() thrown by an action points at (Next encodes it in the error's digest). */
export function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: unknown })?.digest;
  if (typeof digest !== 'string' || !digest.startsWith('NEXT_REDIRECT')) return null;
  return digest.split(';')[2] ?? null;
}
