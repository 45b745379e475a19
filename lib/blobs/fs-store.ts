import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, type ObjectStore } from './object-store';

/**
 * Objects as files under one folder. A write goes to a temporary file in the same folder tree and
 * is renamed into place only when the body ended cleanly, so a key never names half a file (the
 * rename is atomic on one filesystem). Files are 0600: only the app's user reads evidence.
 */
export function createFsStore(root: string): ObjectStore {
  const base = path.resolve(root);
  const tmpDir = path.join(base, '.tmp');
  const fileOf = (key: string) => {
    assertSafeKey(key);
    return path.join(base, ...key.split('/'));
  };
  return {
    kind: 'fs',
    label: `file://${base}`,
    async put(key, body) {
      const target = fileOf(key);
      await fs.promises.mkdir(tmpDir, { recursive: true });
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temporary = path.join(tmpDir, randomUUID());
      try {
        await pipeline(body, fs.createWriteStream(temporary, { mode: 0o600 }));
        await fs.promises.rename(temporary, target);
      } catch (error) {
        await fs.promises.rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key, range) {
      const file = fileOf(key);
      try {
        const handle = await fs.promises.open(file, 'r');
        return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async size(key) {
      try {
        return (await fs.promises.stat(fileOf(key))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
    async *list(prefix) {
      assertSafeKey(prefix.replace(/\/$/, ''));
      const walk = async function* (dir: string, keyPrefix: string): AsyncGenerator<{ key: string; byteSize: number }> {
        let entries: fs.Dirent[];
        try {
          entries = await fs.promises.readdir(dir, { withFileTypes: true });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw error;
        }
        for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
          const key = `${keyPrefix}${entry.name}`;
          if (entry.isDirectory()) yield* walk(path.join(dir, entry.name), `${key}/`);
          else if (entry.isFile()) yield { key, byteSize: (await fs.promises.stat(path.join(dir, entry.name))).size };
        }
      };
      const trimmed = prefix.replace(/\/$/, '');
      yield* walk(path.join(base, ...trimmed.split('/')), `${trimmed}/`);
    },
    async ping() {
      await fs.promises.mkdir(tmpDir, { recursive: true });
      await fs.promises.access(tmpDir, fs.constants.W_OK);
    },
  };
}
