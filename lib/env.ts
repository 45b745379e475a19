import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  JOINDER_DATA_DIR: z.string().default('./.data'),
  PORT: z.coerce.number().int().default(3000),
  APP_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  /** Comma-separated `keyId:base64(32 bytes)`; the first encrypts, all decrypt (key rotation). */
  JOINDER_ENCRYPTION_KEYS: z.string().optional(),
  /** Key for blind indexes (HMAC) over encrypted fields; changing it needs a re-index. */
  JOINDER_BLIND_INDEX_KEY: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Joinder <no-reply@joinder.test>'),
  EVIDENCE_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  EVIDENCE_MAX_FILES: z.coerce.number().int().positive().default(50),
  EVIDENCE_MAX_TOTAL_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  JOINDER_SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Test fixtures on top of the demo seed (the access matrix's second case and claimants); never in production. */
  JOINDER_SEED_FIXTURES: z.enum(['access-matrix']).optional(),
  JOINDER_JOBS: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

let cachedEnv: Env | undefined;

/** Parsed lazily so `next build` never needs runtime configuration. */
export function getEnv(): Env {
  cachedEnv ??= envSchema.parse(process.env);
  return cachedEnv;
}

/** Tests and scripts change process.env between runs; they call this to re-read it. */
export function resetEnvCache(): void {
  cachedEnv = undefined;
  cachedSecrets = undefined;
}

export function isEmbeddedDatabase(): boolean {
  return !getEnv().DATABASE_URL;
}

export function resolveDataDir(): string {
  const dir = getEnv().JOINDER_DATA_DIR;
  return dir.startsWith('memory://') ? dir : path.resolve(dir);
}

type Secrets = { authSecret: string; encryptionKeys: string; blindIndexKey: string };
let cachedSecrets: Secrets | undefined;

/**
 * Secrets come from the environment. On a fresh machine (or in development) any that are missing
 * are generated once and kept in the data folder so a restart keeps sessions and encrypted fields
 * readable. Production without them set is a configuration mistake, so we say so loudly.
 */
export function getSecrets(): Secrets {
  if (cachedSecrets) return cachedSecrets;
  const env = getEnv();
  const fromEnv: Partial<Secrets> = {
    authSecret: env.AUTH_SECRET,
    encryptionKeys: env.JOINDER_ENCRYPTION_KEYS,
    blindIndexKey: env.JOINDER_BLIND_INDEX_KEY,
  };
  if (fromEnv.authSecret && fromEnv.encryptionKeys && fromEnv.blindIndexKey) {
    cachedSecrets = fromEnv as Secrets;
    return cachedSecrets;
  }
  const stored = readOrCreateStoredSecrets();
  if (env.NODE_ENV === 'production' && !process.env.JOINDER_QUIET_SECRETS) {
    console.warn(
      '[joinder] AUTH_SECRET / JOINDER_ENCRYPTION_KEYS / JOINDER_BLIND_INDEX_KEY not all set: using secrets kept in the data folder. Set them in the environment for a multi-server deployment.',
    );
  }
  cachedSecrets = {
    authSecret: fromEnv.authSecret ?? stored.authSecret,
    encryptionKeys: fromEnv.encryptionKeys ?? stored.encryptionKeys,
    blindIndexKey: fromEnv.blindIndexKey ?? stored.blindIndexKey,
  };
  return cachedSecrets;
}

function generateSecrets(): Secrets {
  return {
    authSecret: randomBytes(32).toString('base64url'),
    encryptionKeys: `k1:${randomBytes(32).toString('base64')}`,
    blindIndexKey: randomBytes(32).toString('base64'),
  };
}

function readOrCreateStoredSecrets(): Secrets {
  const dataDir = resolveDataDir();
  if (dataDir.startsWith('memory://')) {
    // In-memory databases live only as long as the process, and so may their secrets.
    return generateSecrets();
  }
  const file = path.join(dataDir, 'secrets.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Secrets;
  } catch {
    const secrets = generateSecrets();
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      // `wx` fails if another process won the race; then read what it wrote.
      fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
      return secrets;
    } catch {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Secrets;
    }
  }
}
