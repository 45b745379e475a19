import { configuredAppOrigin, getEnv, getSecrets, isLocalDemo } from '@/lib/env';

/**
 * Demo or deployment, decided by construction from one setting (issue 17, item 4):
 * - no APP_URL: a local demo. It listens on 127.0.0.1 only (a demo admin with a public password
 *   must never face a network), seeds the demo case on a fresh embedded database, generates its
 *   secrets, and says so loudly at every start;
 * - APP_URL set: a deployment. It listens where HOSTNAME says (all interfaces by default), never
 *   seeds the demo unless JOINDER_SEED_DEMO=always asks, refuses to start without AUTH_SECRET,
 *   JOINDER_ENCRYPTION_KEYS, JOINDER_BLIND_INDEX_KEY and JOINDER_AUDIT_KEYS, and with an https APP_URL sets Secure
 *   cookies and HSTS (lib/auth/options.ts, lib/http/security-headers.ts).
 */
export type StartMode = 'local-demo' | 'deployment';

export const LOOPBACK_HOST = '127.0.0.1';
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function startMode(): StartMode {
  return isLocalDemo() ? 'local-demo' : 'deployment';
}

/** Where the server listens, and a warning when a requested address was not honoured. */
export function listenAddress(requestedHost: string | undefined): { hostname: string | undefined; warning?: string } {
  const requested = requestedHost?.trim() || undefined;
  if (startMode() === 'deployment') return { hostname: requested };
  if (!requested || LOOPBACK_NAMES.has(requested)) return { hostname: requested ?? LOOPBACK_HOST };
  return {
    hostname: LOOPBACK_HOST,
    warning: `HOSTNAME=${requested} ignored: without APP_URL this is a local demo and listens on ${LOOPBACK_HOST} only. Set APP_URL (and the secrets) to serve a network.`,
  };
}

/** Whether the boot seeds the demo case and its accounts (password `joinder-demo`, public in the README). */
export function shouldSeedDemo(input: { isFreshEmbedded: boolean }): boolean {
  const { JOINDER_SEED_DEMO } = getEnv();
  if (JOINDER_SEED_DEMO === 'always') return true;
  if (JOINDER_SEED_DEMO === 'never') return false;
  return startMode() === 'local-demo' && input.isFreshEmbedded;
}

/**
 * Checked before the server opens anything: a deployment without its configured secrets stops here
 * with the message of MissingSecretsError (lib/env.ts) instead of running on generated ones.
 */
export function assertStartable(): void {
  getSecrets();
}

/** The lines printed at every start, so nobody mistakes a demo for a deployment. */
export function startBanner(): string[] {
  if (startMode() === 'deployment') {
    const lines = [`[joinder] deployment at ${configuredAppOrigin()} (APP_URL is set): configured secrets only, no demo data.`];
    if (getEnv().JOINDER_SEED_DEMO === 'always') {
      lines.push(
        '[joinder] WARNING: JOINDER_SEED_DEMO=always seeds the demo accounts with the public password joinder-demo into this deployment.',
      );
    }
    return lines;
  }
  const bar = '!'.repeat(78);
  return [
    bar,
    `!! LOCAL DEMO: no APP_URL is set, so Joinder listens on ${LOOPBACK_HOST} only and links point to`,
    `!! ${configuredAppOrigin()}. A fresh database gets the demo case and demo accounts whose password`,
    '!! (joinder-demo) is public. Secrets are generated and kept beside the data folder.',
    '!! To deploy: set APP_URL, AUTH_SECRET, JOINDER_ENCRYPTION_KEYS, JOINDER_BLIND_INDEX_KEY and JOINDER_AUDIT_KEYS.',
    bar,
  ];
}
