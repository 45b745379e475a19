import fs from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

/** Owner only: the embedded database holds everyone's personal data, the keys folder what decrypts it. */
export const PRIVATE_DIR_MODE = 0o700;
const GROUP_OR_WORLD = 0o077;

export class DataDirPermissionError extends Error {
  constructor(dir: string, mode: number) {
    super(
      `${dir} can be read or written by other users of this machine (mode ${mode.toString(8).padStart(4, '0')}). ` +
        `It holds personal data or the keys to it, so Joinder will not start on it. Make it private with:\n  chmod -R go-rwx ${JSON.stringify(dir)}`,
    );
    this.name = 'DataDirPermissionError';
  }
}

/**
 * Files this process creates from now on are private to its user (umask 077). Only the main thread
 * may set it; worker threads inherit it.
 */
export function setPrivateUmask(): void {
  if (isMainThread) process.umask(0o077);
}

/**
 * Makes a private folder (0700) or checks an existing one: a folder that group or others may
 * enter is refused with the command that fixes it, never silently used.
 */
export function preparePrivateDir(dir: string): void {
  setPrivateUmask();
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  assertPrivateDir(dir);
}

export function assertPrivateDir(dir: string): void {
  const { mode } = fs.statSync(dir);
  if ((mode & GROUP_OR_WORLD) !== 0) throw new DataDirPermissionError(dir, mode & 0o7777);
}

/**
 * PGlite's file system layer creates every file 0666 whatever the umask, so after it opens the
 * cluster we take group and world bits off everything in it (the private parent folder already
 * keeps others out; this keeps a copied or moved folder private too).
 */
export function tightenTree(root: string): void {
  if (!fs.existsSync(root)) return;
  const pending = [root];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const stat = fs.lstatSync(current);
    if (stat.isSymbolicLink()) continue;
    if ((stat.mode & GROUP_OR_WORLD) !== 0) fs.chmodSync(current, stat.mode & 0o7700);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(current)) pending.push(path.join(current, entry));
  }
}
