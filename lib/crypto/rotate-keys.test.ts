import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, getTableColumns } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabaseAt } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import * as schema from '@/db/schema';
import { auditLog, claimants, supporters } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { setupTestDatabase } from '@/tests/helpers/database';
import { createTestCase, createTestUser } from '@/tests/helpers/users';
import { ENCRYPTED_COLUMNS } from './encrypted-columns';
import { decryptField, encryptField, encryptionKeyIdOf } from './field-encryption';
import { countStaleEncryptedValues, rotateEncryptionKeys } from './rotate-keys';

let handle: DatabaseHandle;
const originalKeys = process.env.JOINDER_ENCRYPTION_KEYS;
const useKeys = (keys: string) => {
  process.env.JOINDER_ENCRYPTION_KEYS = keys;
  resetEnvCache();
};

beforeAll(async () => {
  handle = await setupTestDatabase();
});
afterAll(() => useKeys(originalKeys!));

describe('the encrypted-column registry', () => {
  it('lists every *_encrypted column of the schema, so rotation misses none', () => {
    const inSchema = Object.values(schema)
      .filter(
        (value): value is typeof claimants => typeof value === 'object' && value !== null && Symbol.for('drizzle:IsDrizzleTable') in value,
      )
      .flatMap((table) =>
        Object.values(getTableColumns(table))
          .filter((column) => column.name.endsWith('_encrypted'))
          .map((column) => `${getTableConfig(table).name}.${column.name}`),
      );
    const registered = ENCRYPTED_COLUMNS.map((entry) => `${entry.tableName}.${entry.columnName}`);
    expect(inSchema.length).toBeGreaterThan(0);
    expect(registered.sort()).toEqual(inSchema.sort());
  });
});

describe('npm run keys:rotate', () => {
  it('re-encrypts every column to the new key in batches, keeps the plaintext, resumes and writes an audit row', async () => {
    const oldKeys = `old1:${randomBytes(32).toString('base64')}`;
    useKeys(oldKeys);
    const found = await createTestCase(handle.db);
    const rows = Array.from({ length: 7 }, (_, i) => ({
      phone: `010-2003-${String(i).padStart(4, '0')}`,
      birth: `1970-01-${String(i + 1).padStart(2, '0')}`,
    }));
    for (const [i, row] of rows.entries()) {
      const user = await createTestUser(handle.db, { totpSecretEncrypted: encryptField(`SECRET${i}`) });
      await handle.db.insert(claimants).values({
        caseId: found.id,
        userId: user.id,
        phoneEncrypted: encryptField(row.phone),
        dateOfBirthEncrypted: encryptField(row.birth),
      });
      await handle.db
        .insert(supporters)
        .values({ caseId: found.id, name: 'x', email: `s${i}@joinder.test`, consentVersion: 1, phoneEncrypted: encryptField(row.phone) });
    }
    expect(await countStaleEncryptedValues(handle.db)).toBe(0);

    useKeys(`new2:${randomBytes(32).toString('base64')},${oldKeys}`);
    expect(await countStaleEncryptedValues(handle.db)).toBe(28);
    // A first run interrupted after its first batch of three …
    const interrupt = () => {
      throw new Error('interrupted');
    };
    await expect(rotateEncryptionKeys(handle.db, { batchSize: 3, onProgress: interrupt })).rejects.toThrow('interrupted');
    expect(await countStaleEncryptedValues(handle.db)).toBe(25);
    // … and a second run that finishes what is left.
    const report = await rotateEncryptionKeys(handle.db, { batchSize: 3 });
    expect(report.failed).toBe(0);
    expect(await countStaleEncryptedValues(handle.db)).toBe(0);

    const stored = await handle.db.select({ phone: claimants.phoneEncrypted, birth: claimants.dateOfBirthEncrypted }).from(claimants);
    expect(stored.every((row) => encryptionKeyIdOf(row.phone!) === 'new2')).toBe(true);
    expect(stored.map((row) => decryptField(row.phone)).sort()).toEqual(rows.map((row) => row.phone).sort());
    expect(stored.map((row) => decryptField(row.birth)).sort()).toEqual(rows.map((row) => row.birth).sort());

    // With only the new key configured, everything still opens: the old key can be retired.
    useKeys(process.env.JOINDER_ENCRYPTION_KEYS!.split(',')[0]);
    const supporterPhones = await handle.db.select({ phone: supporters.phoneEncrypted }).from(supporters);
    expect(supporterPhones.map((row) => decryptField(row.phone)).sort()).toEqual(rows.map((row) => row.phone).sort());
    const audits = await handle.db.select({ action: auditLog.action, subjectId: auditLog.subjectId }).from(auditLog);
    expect(audits.filter((row) => row.action === 'keys.rotated').map((row) => row.subjectId)).toContain('new2');
  });

  it('counts a value no key can open as failed and leaves it untouched', async () => {
    const lostKey = `lost:${randomBytes(32).toString('base64')}`;
    const current = `cur3:${randomBytes(32).toString('base64')}`;
    useKeys(`${lostKey}`);
    const found = await createTestCase(handle.db);
    const orphan = encryptField('010-0000-0000');
    await handle.db
      .insert(supporters)
      .values({ caseId: found.id, name: 'y', email: 'orphan@joinder.test', consentVersion: 1, phoneEncrypted: orphan });
    useKeys(current);
    const report = await rotateEncryptionKeys(handle.db);
    expect(report.failed).toBeGreaterThanOrEqual(1);
    const phones = (await handle.db.select({ phone: supporters.phoneEncrypted }).from(supporters)).map((row) => row.phone);
    expect(phones).toContain(orphan);
  });
});

describe('npm run keys:rotate over sealed claim answers', () => {
  it('re-encrypts the sealed free-text answers inside claimants.answers and leaves the plain ones', async () => {
    const oldKeys = `old4:${randomBytes(32).toString('base64')}`;
    useKeys(oldKeys);
    const found = await createTestCase(handle.db);
    const user = await createTestUser(handle.db);
    const answers = {
      service_address: { $encrypted: encryptField('서울특별시 마포구 월드컵로 12, 302호') },
      what_happened: { $encrypted: encryptField('이틀 동안 가게를 열지 못했습니다.') },
      isp: 'kt',
      monthly_fee: 30000,
    };
    const [claimant] = await handle.db
      .insert(claimants)
      .values({ caseId: found.id, userId: user.id, answers })
      .returning({ id: claimants.id });

    useKeys(`new5:${randomBytes(32).toString('base64')},${oldKeys}`);
    const stale = await countStaleEncryptedValues(handle.db);
    expect(stale).toBeGreaterThanOrEqual(2);
    const report = await rotateEncryptionKeys(handle.db, { batchSize: 2 });
    expect(report.columns.find((column) => column.column === 'claimants.answers')?.rotated).toBeGreaterThanOrEqual(2);

    // Only the new key configured: both answers still open, the rest is as it was.
    useKeys(process.env.JOINDER_ENCRYPTION_KEYS!.split(',')[0]);
    const [stored] = await handle.db.select({ answers: claimants.answers }).from(claimants).where(eq(claimants.id, claimant.id));
    const sealed = stored.answers as Record<string, { $encrypted: string }>;
    expect(encryptionKeyIdOf(sealed.service_address.$encrypted)).toBe('new5');
    expect(decryptField(sealed.service_address.$encrypted)).toBe('서울특별시 마포구 월드컵로 12, 302호');
    expect(decryptField(sealed.what_happened.$encrypted)).toBe('이틀 동안 가게를 열지 못했습니다.');
    expect(stored.answers).toMatchObject({ isp: 'kt', monthly_fee: 30000 });
    expect(await countStaleEncryptedValues(handle.db)).toBe(stale - report.rotated);
  });
});

describe('npm run keys:rotate -- --add-key (generated keys)', () => {
  it('moves an old secrets.json out of the data folder, prepends a new key to it and re-encrypts everything to it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-rotate-'));
    const env: NodeJS.ProcessEnv = { ...process.env, JOINDER_DATA_DIR: dataDir, DATABASE_URL: '' };
    delete env.JOINDER_ENCRYPTION_KEYS;
    delete env.AUTH_SECRET;
    delete env.JOINDER_BLIND_INDEX_KEY;
    const firstKeys = `k1:${randomBytes(32).toString('base64')}`;
    fs.writeFileSync(
      path.join(dataDir, 'secrets.json'),
      JSON.stringify({
        authSecret: randomBytes(32).toString('base64url'),
        encryptionKeys: firstKeys,
        blindIndexKey: randomBytes(32).toString('base64'),
      }),
    );
    try {
      useKeys(firstKeys);
      const own = await openDatabaseAt({ dataDir });
      await migrateDatabase(own);
      const found = await createTestCase(own.db);
      await own.db
        .insert(supporters)
        .values({ caseId: found.id, name: 'z', email: 'z@joinder.test', consentVersion: 1, phoneEncrypted: encryptField('010-2003-0125') });
      await own.close();

      const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'lib/crypto/rotate-keys-cli.ts', '--add-key'], {
        encoding: 'utf8',
        env,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Done: every encrypted value is on key');
      expect(fs.existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
      expect(fs.statSync(`${dataDir}-keys`).mode & 0o777).toBe(0o700);
      const keys = (
        JSON.parse(fs.readFileSync(path.join(`${dataDir}-keys`, 'secrets.json'), 'utf8')) as { encryptionKeys: string }
      ).encryptionKeys.split(',');
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(firstKeys);

      useKeys(keys[0]);
      const after = await openDatabaseAt({ dataDir });
      const [row] = await after.db.select({ phone: supporters.phoneEncrypted }).from(supporters);
      await after.close();
      expect(encryptionKeyIdOf(row.phone!)).toBe(keys[0].split(':')[0]);
      expect(decryptField(row.phone)).toBe('010-2003-0125');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(`${dataDir}-keys`, { recursive: true, force: true });
    }
  });
});
