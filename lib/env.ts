import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { assertPrivateDir, preparePrivateDir } from '@/db/data-dir';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  JOINDER_DATA_DIR: z.string().default('./.data'),
  /** Generated secrets, kept beside (never inside) the database folder; default `<data folder>-keys`. */
  JOINDER_KEYS_DIR: z.string().optional(),
  PORT: z.coerce.number().int().default(3000),
  /** The public address. Unset: a local demo on 127.0.0.1. Set: a deployment (docs/security.md). */
  APP_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\/[^/]/.test(value), 'APP_URL must be an http:// or https:// address')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // An empty variable counts as unset, so a deployment missing one is told which (MissingSecretsError).
  AUTH_SECRET: z
    .string()
    .min(32)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Comma-separated `keyId:base64(32 bytes)`; the first encrypts, all decrypt (key rotation). */
  JOINDER_ENCRYPTION_KEYS: z
    .string()
    .optional()
    .transform((value) => value || undefined),
  /** Key for blind indexes (HMAC) over encrypted fields; changing it needs a re-index. */
  JOINDER_BLIND_INDEX_KEY: z
    .string()
    .optional()
    .transform((value) => value || undefined),
  /** Comma-separated `keyId:base64(≥32 bytes)` for the audit chain's HMAC; the first signs, all verify. */
  JOINDER_AUDIT_KEYS: z.string().optional(),
  /** Where audit chain heads are anchored, outside the database (default: audit-anchors.jsonl in the data folder). */
  JOINDER_AUDIT_ANCHOR_FILE: z.string().optional(),
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
  /** Where file bytes go (lib/blobs): `postgres`, a folder (`file:///path` or `fs:PATH`) or `s3://bucket[/prefix]`. */
  BLOB_STORE: z.string().trim().default('postgres'),
  /** The store files were kept in before BLOB_STORE changed, still read while `npm run blobs:migrate` moves them. */
  BLOB_STORE_PREVIOUS: z.string().trim().optional(),
  /** S3-compatible endpoint (MinIO, Ceph, R2, s3rver); unset for AWS S3 itself. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  /** Unset: the AWS SDK's own chain (environment, profile, instance role). */
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Path-style URLs (endpoint/bucket/key): what MinIO, Ceph and s3rver expect; on by default with S3_ENDPOINT. */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
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

/**
 * No APP_URL means a local demo on this machine (bound to 127.0.0.1, demo seeded, secrets
 * generated); APP_URL set means a deployment, which uses only configured secrets and never seeds
 * the demo unless asked (lib/server/deployment.ts).
 */
export function isLocalDemo(): boolean {
  return !getEnv().APP_URL;
}

/**
 * The origin every absolute link is built from (mails, QR codes, share links): configuration only,
 * never a request header, so a forged Host or X-Forwarded-Host cannot put another site into a
 * reset mail. A local demo links to itself on localhost.
 */
export function configuredAppOrigin(): string {
  const env = getEnv();
  return env.APP_URL ? env.APP_URL.replace(/\/+$/, '') : `http://localhost:${env.PORT}`;
}

export function isEmbeddedDatabase(): boolean {
  return !getEnv().DATABASE_URL;
}

export function resolveDataDir(): string {
  const dir = getEnv().JOINDER_DATA_DIR;
  return dir.startsWith('memory://') ? dir : path.resolve(dir);
}

type Secrets = { authSecret: string; encryptionKeys: string; blindIndexKey: string; auditKeys: string };
let cachedSecrets: Secrets | undefined;

const SECRET_VARIABLES = {
  authSecret: 'AUTH_SECRET',
  encryptionKeys: 'JOINDER_ENCRYPTION_KEYS',
  blindIndexKey: 'JOINDER_BLIND_INDEX_KEY',
  auditKeys: 'JOINDER_AUDIT_KEYS',
} as const;

/** A deployment (APP_URL set) without its secrets configured: it must not start on made-up ones. */
export class MissingSecretsError extends Error {
  readonly missing: string[];
  constructor(missing: string[]) {
    super(
      `APP_URL is set, so this is a deployment, and a deployment uses only configured secrets. Missing: ${missing.join(', ')}.\n` +
        'Generate each once, keep it outside the database and its backups, and set it in the environment:\n' +
        '  AUTH_SECRET=$(openssl rand -base64 32)\n' +
        '  JOINDER_ENCRYPTION_KEYS=k1:$(openssl rand -base64 32)\n' +
        '  JOINDER_BLIND_INDEX_KEY=$(openssl rand -base64 32)\n' +
        '  JOINDER_AUDIT_KEYS=a1:$(openssl rand -base64 32)\n' +
        'For a local demo instead, leave APP_URL unset (see README, "Demo or deployment").',
    );
    this.name = 'MissingSecretsError';
    this.missing = missing;
  }
}

/** The secret variables a deployment lacks (none for a local demo, which generates its own). */
export function missingDeploymentSecrets(): string[] {
  if (isLocalDemo()) return [];
  const env = getEnv();
  const configured = {
    authSecret: env.AUTH_SECRET,
    encryptionKeys: env.JOINDER_ENCRYPTION_KEYS,
    blindIndexKey: env.JOINDER_BLIND_INDEX_KEY,
    auditKeys: env.JOINDER_AUDIT_KEYS,
  };
  return (Object.keys(SECRET_VARIABLES) as (keyof Secrets)[]).filter((key) => !configured[key]).map((key) => SECRET_VARIABLES[key]);
}

/**
 * Secrets come from the environment. A deployment (APP_URL set) refuses to run without all four.
 * A local demo generates any that are missing once and keeps them in the keys folder, outside the
 * database folder, so a restart keeps sessions and encrypted fields readable and a copy of the
 * database alone does not carry the keys that decrypt it.
 */
export function getSecrets(): Secrets {
  if (cachedSecrets) return cachedSecrets;
  const env = getEnv();
  const fromEnv: Partial<Secrets> = {
    authSecret: env.AUTH_SECRET,
    encryptionKeys: env.JOINDER_ENCRYPTION_KEYS,
    blindIndexKey: env.JOINDER_BLIND_INDEX_KEY,
    auditKeys: env.JOINDER_AUDIT_KEYS,
  };
  if (fromEnv.authSecret && fromEnv.encryptionKeys && fromEnv.blindIndexKey && fromEnv.auditKeys) {
    cachedSecrets = fromEnv as Secrets;
    return cachedSecrets;
  }
  const missing = missingDeploymentSecrets();
  if (missing.length > 0) throw new MissingSecretsError(missing);
  const stored = readOrCreateStoredSecrets();
  cachedSecrets = {
    authSecret: fromEnv.authSecret ?? stored.authSecret,
    encryptionKeys: fromEnv.encryptionKeys ?? stored.encryptionKeys,
    blindIndexKey: fromEnv.blindIndexKey ?? stored.blindIndexKey,
    auditKeys: fromEnv.auditKeys ?? stored.auditKeys,
  };
  return cachedSecrets;
}

function generateSecrets(): Secrets {
  return {
    authSecret: randomBytes(32).toString('base64url'),
    encryptionKeys: `k1:${randomBytes(32).toString('base64')}`,
    blindIndexKey: randomBytes(32).toString('base64'),
    auditKeys: `a1:${randomBytes(32).toString('base64')}`,
  };
}

/** Where generated secrets live: JOINDER_KEYS_DIR, else `<data folder>-keys` beside the data folder. */
export function resolveKeysDir(): string {
  const configured = getEnv().JOINDER_KEYS_DIR;
  return configured ? path.resolve(configured) : `${resolveDataDir().replace(/[/\\]+$/, '')}-keys`;
}

/**
 * The generated-secrets file. Older versions kept it inside the data folder; it is moved out the
 * first time it is looked for, so an existing demo keeps reading its encrypted fields.
 */
export function storedSecretsFile(): string {
  const keysDir = resolveKeysDir();
  const file = path.join(keysDir, 'secrets.json');
  const legacy = path.join(resolveDataDir(), 'secrets.json');
  if (fs.existsSync(keysDir)) assertPrivateDir(keysDir);
  if (!fs.existsSync(file) && fs.existsSync(legacy)) {
    preparePrivateDir(keysDir);
    try {
      fs.renameSync(legacy, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      fs.copyFileSync(legacy, file);
      fs.rmSync(legacy);
    }
    fs.chmodSync(file, 0o600);
  }
  return file;
}

function readOrCreateStoredSecrets(): Secrets {
  const dataDir = resolveDataDir();
  if (dataDir.startsWith('memory://')) {
    // In-memory databases live only as long as the process, and so may their secrets.
    return generateSecrets();
  }
  const file = storedSecretsFile();
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
    if (stored.auditKeys) return stored as Secrets;
    // Written before the audit chain was keyed: add its key once, keeping the others as they are.
    const upgraded = { ...generateSecrets(), ...stored, auditKeys: generateSecrets().auditKeys } as Secrets;
    fs.writeFileSync(file, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
    return upgraded;
  } catch {
    const secrets = generateSecrets();
    preparePrivateDir(path.dirname(file));
    try {
      // `wx` fails if another process won the race; then read what it wrote.
      fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
      return secrets;
    } catch {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Secrets;
    }
  }
}
