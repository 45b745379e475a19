import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { getDatabaseHandle } from '@/db/client';
import { runCli } from '@/db/run-cli';
import { getEnv, resetEnvCache, storedSecretsFile } from '@/lib/env';
import { currentEncryptionKeyId } from './field-encryption';
import { countStaleEncryptedValues, rotateEncryptionKeys } from './rotate-keys';

/**
 * `npm run keys:rotate` re-encrypts every encrypted column to the current key — the first in
 * JOINDER_ENCRYPTION_KEYS; put the new key first and keep the old ones until this reports 0 left.
 * `--add-key` does that step for a local install whose generated keys live in the keys folder
 * (`<data folder>-keys/secrets.json`).
 * Batched and resumable: stop it any time and run it again.
 */
function addStoredKey(): string {
  if (getEnv().JOINDER_ENCRYPTION_KEYS) {
    throw new Error(
      'Keys come from JOINDER_ENCRYPTION_KEYS: put a new "keyId:base64(32 bytes)" first in that list (keep the old ones), restart the app, then run this again without --add-key.',
    );
  }
  const file = storedSecretsFile();
  const secrets = JSON.parse(fs.readFileSync(file, 'utf8')) as { encryptionKeys: string };
  const keyId = `k${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  secrets.encryptionKeys = `${keyId}:${randomBytes(32).toString('base64')},${secrets.encryptionKeys}`;
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  fs.renameSync(temporary, file);
  resetEnvCache();
  return keyId;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { batch: { type: 'string', default: '500' }, 'add-key': { type: 'boolean', default: false } } });
  if (values['add-key'])
    console.log(`Added key ${addStoredKey()} to the keys folder's secrets; restart the app after this run so it encrypts with it too.`);
  const handle = await getDatabaseHandle();
  const keyId = currentEncryptionKeyId();
  console.log(
    `Re-encrypting to key "${keyId}" on ${handle.driver === 'pglite' ? 'the embedded database' : 'PostgreSQL'} (${await countStaleEncryptedValues(handle.db)} values to go)…`,
  );
  const report = await rotateEncryptionKeys(handle.db, {
    batchSize: Number(values.batch) || 500,
    onProgress: (progress) =>
      process.stdout.write(
        `\r  ${progress.column}: ${progress.rotated} re-encrypted${progress.failed ? `, ${progress.failed} unreadable` : ''}   `,
      ),
  });
  process.stdout.write('\n');
  for (const column of report.columns)
    console.log(`  ${column.column.padEnd(36)} ${column.rotated} re-encrypted${column.failed ? `, ${column.failed} UNREADABLE` : ''}`);
  const left = await countStaleEncryptedValues(handle.db);
  if (report.failed > 0 || left > 0) {
    console.error(
      `${report.failed} values could not be decrypted with any configured key and ${left} are still on an old key. Keep the old keys configured.`,
    );
    return 1;
  }
  console.log(`Done: every encrypted value is on key "${keyId}". Older keys may now be removed from the configuration.`);
  return 0;
}

runCli(main);
