import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabaseAt } from '@/db/client';
import { getSecrets, resetEnvCache } from '@/lib/env';
import { DataDirPermissionError, preparePrivateDir } from './data-dir';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-datadir-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function modesUnder(dir: string): number[] {
  const modes: number[] = [];
  const walk = (current: string) => {
    const stat = fs.lstatSync(current);
    modes.push(stat.mode & 0o777);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(current)) walk(path.join(current, entry));
  };
  walk(dir);
  return modes;
}

describe('the embedded data folder (issue 17, item 6)', () => {
  it('is created 0700, and the cluster PGlite writes in it is owner-only', async () => {
    const dataDir = path.join(root, 'fresh', '.data');
    const handle = await openDatabaseAt({ dataDir });
    await handle.db.execute('create table probe (x int)');
    await handle.close();
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    const modes = modesUnder(dataDir);
    expect(modes.length).toBeGreaterThan(100);
    // PGlite alone leaves ~970 files 0666 here.
    expect(modes.filter((mode) => (mode & 0o077) !== 0)).toEqual([]);
  });

  it('is refused when group or others may enter it, with the command that fixes it', async () => {
    const shared = path.join(root, 'shared');
    fs.mkdirSync(shared, { mode: 0o755 });
    fs.chmodSync(shared, 0o755);
    await expect(openDatabaseAt({ dataDir: shared })).rejects.toThrow(DataDirPermissionError);
    await expect(openDatabaseAt({ dataDir: shared })).rejects.toThrow(/mode 0755[\s\S]*chmod -R go-rwx/);
    expect(fs.existsSync(path.join(shared, 'pgdata'))).toBe(false);
    fs.chmodSync(shared, 0o750);
    expect(() => preparePrivateDir(shared)).toThrow(/mode 0750/);
    fs.chmodSync(shared, 0o700);
    expect(() => preparePrivateDir(shared)).not.toThrow();
  });

  it('makes new files private from then on (umask 077)', () => {
    preparePrivateDir(path.join(root, 'umask'));
    const file = path.join(root, 'umask', 'file');
    fs.writeFileSync(file, 'x');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps generated keys outside the database folder, owner-only', () => {
    const saved = { ...process.env };
    const dataDir = path.join(root, 'keys', '.data');
    try {
      for (const name of [
        'APP_URL',
        'AUTH_SECRET',
        'JOINDER_ENCRYPTION_KEYS',
        'JOINDER_BLIND_INDEX_KEY',
        'JOINDER_AUDIT_KEYS',
        'JOINDER_KEYS_DIR',
      ])
        delete process.env[name];
      process.env.JOINDER_DATA_DIR = dataDir;
      resetEnvCache();
      const secrets = getSecrets();
      const file = path.join(`${dataDir}-keys`, 'secrets.json');
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(secrets);
      expect(fs.statSync(`${dataDir}-keys`).mode & 0o777).toBe(0o700);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
    } finally {
      process.env = saved;
      resetEnvCache();
    }
  });
});
