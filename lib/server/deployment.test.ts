import { afterEach, describe, expect, it } from 'vitest';
import { MissingSecretsError, getSecrets, resetEnvCache } from '@/lib/env';
import { listenAddress, shouldSeedDemo, startBanner, startMode } from './deployment';

const SAVED = { ...process.env };
function withEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
}
afterEach(() => {
  process.env = { ...SAVED };
  resetEnvCache();
});

describe('without APP_URL: a local demo (issue 17, item 4)', () => {
  it('listens on 127.0.0.1 only, whatever HOSTNAME asks, and says why', () => {
    withEnv({ APP_URL: undefined });
    expect(startMode()).toBe('local-demo');
    expect(listenAddress(undefined)).toEqual({ hostname: '127.0.0.1' });
    expect(listenAddress('localhost')).toEqual({ hostname: 'localhost' });
    const exposed = listenAddress('0.0.0.0');
    expect(exposed.hostname).toBe('127.0.0.1');
    expect(exposed.warning).toMatch(/HOSTNAME=0\.0\.0\.0 ignored/);
  });

  it('seeds the demo on a fresh embedded database only, and says so loudly', () => {
    withEnv({ APP_URL: undefined, JOINDER_SEED_DEMO: undefined });
    expect(shouldSeedDemo({ isFreshEmbedded: true })).toBe(true);
    expect(shouldSeedDemo({ isFreshEmbedded: false })).toBe(false);
    expect(startBanner().join('\n')).toMatch(/LOCAL DEMO[\s\S]*127\.0\.0\.1[\s\S]*joinder-demo/);
  });
});

describe('with APP_URL: a deployment', () => {
  it('never seeds the demo unless JOINDER_SEED_DEMO=always asks, and then warns', () => {
    withEnv({ APP_URL: 'https://joinder.example', JOINDER_SEED_DEMO: undefined });
    expect(startMode()).toBe('deployment');
    expect(shouldSeedDemo({ isFreshEmbedded: true })).toBe(false);
    withEnv({ JOINDER_SEED_DEMO: 'always' });
    expect(shouldSeedDemo({ isFreshEmbedded: false })).toBe(true);
    expect(startBanner().join('\n')).toMatch(/WARNING: JOINDER_SEED_DEMO=always/);
  });

  it('listens where HOSTNAME says (all interfaces by default)', () => {
    withEnv({ APP_URL: 'https://joinder.example' });
    expect(listenAddress(undefined)).toEqual({ hostname: undefined });
    expect(listenAddress('0.0.0.0')).toEqual({ hostname: '0.0.0.0' });
  });

  it('refuses to run on generated secrets, naming each one that is missing', () => {
    withEnv({
      APP_URL: 'https://joinder.example',
      AUTH_SECRET: '',
      JOINDER_ENCRYPTION_KEYS: undefined,
      JOINDER_BLIND_INDEX_KEY: 'x'.repeat(44),
      JOINDER_AUDIT_KEYS: `a1:${'y'.repeat(44)}`,
    });
    expect(() => getSecrets()).toThrow(MissingSecretsError);
    expect(() => getSecrets()).toThrow(/Missing: AUTH_SECRET, JOINDER_ENCRYPTION_KEYS\./);
  });

  it('starts with all four configured', () => {
    withEnv({
      APP_URL: 'https://joinder.example',
      AUTH_SECRET: 'a'.repeat(43),
      JOINDER_ENCRYPTION_KEYS: `k1:${'b'.repeat(44)}`,
      JOINDER_BLIND_INDEX_KEY: 'c'.repeat(44),
      JOINDER_AUDIT_KEYS: `a1:${'d'.repeat(44)}`,
    });
    expect(getSecrets().authSecret).toBe('a'.repeat(43));
  });
});
