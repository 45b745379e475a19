import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { getEnv, getSecrets } from '@/lib/env';
import { currentRequestInfo, hashIp } from '@/lib/http/request-info';
import { safeRedirectUrl } from '@/lib/http/safe-redirect';
import { authenticate } from './sign-in';
import { revokeSession } from './sessions';

export const SESSION_COOKIE_SECURE = '__Host-joinder.session';
export const SESSION_COOKIE_PLAIN = 'joinder.session';
/** The JWT's own lifetime; the server-side session decides sooner (lib/auth/sessions). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Secure cookies (and the `__Host-` prefix) whenever the app is served over HTTPS. */
export function usesSecureCookies(): boolean {
  return (getEnv().APP_URL ?? process.env.NEXTAUTH_URL ?? '').startsWith('https://');
}

/**
 * Built per request rather than at import so `next build` needs no secrets. The JWT carries only
 * the user id and a session id; roles are read from the database on every request (lib/auth/guards).
 */
export function getAuthOptions(): AuthOptions {
  const secure = usesSecureCookies();
  return {
    secret: getSecrets().authSecret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: secure ? SESSION_COOKIE_SECURE : SESSION_COOKIE_PLAIN,
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    providers: [
      CredentialsProvider({
        name: 'email',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
          totp: { label: 'Code', type: 'text' },
        },
        async authorize(credentials) {
          const db = await getDb();
          const request = await currentRequestInfo();
          const result = await authenticate(db, {
            email: credentials?.email ?? '',
            password: credentials?.password ?? '',
            totp: credentials?.totp ?? '',
            ip: request.ip,
            ipHash: hashIp(request.ip),
            userAgent: request.userAgent,
          });
          // next-auth passes a thrown message to the client as `error`; we only ever throw codes.
          if (!result.ok) throw new Error(result.code);
          return { id: result.user.id, email: result.user.email, name: result.user.name, sessionId: result.sessionId };
        },
      }),
    ],
    callbacks: {
      // The default throws on a callbackUrl that is not a URL (a 500) and trusts more than paths.
      async redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = user.sessionId;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { id: token.sub ?? '', sessionId: token.sid ?? '', email: token.email ?? '', name: token.name ?? '' };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSession(await getDb(), token.sid);
      },
    },
  };
}
