import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A temporary folder of this file's own, so servers and tests running beside it stage elsewhere.
process.env.TMPDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-receive-test-'));
const STAGING = path.join(os.tmpdir(), 'joinder-uploads');
const { receiveUpload } = await import('./receive');
const { withInspectionSlot } = await import('./inspection-slots');

function bodyOf(chunks: Uint8Array[], failAfter?: number): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && index === failAfter) return controller.error(new Error('socket hang up'));
      if (index === chunks.length) return controller.close();
      controller.enqueue(chunks[index++]);
    },
  });
}

const stagedNow = () => (fs.existsSync(STAGING) ? fs.readdirSync(STAGING).length : 0);

describe('receiveUpload', () => {
  it('stages the body on disk with its SHA-256 and size, and discards it on request', async () => {
    const chunks = Array.from({ length: 8 }, (_, index) => new Uint8Array(64 * 1024).fill(index));
    const staged = await receiveUpload(bodyOf(chunks), 1024 * 1024);
    const all = Buffer.concat(chunks);
    expect(staged.byteSize).toBe(all.byteLength);
    expect(staged.sha256).toBe(createHash('sha256').update(all).digest('hex'));
    expect(Buffer.from(await staged.readBytes()).equals(all)).toBe(true);
    expect(fs.statSync(staged.path).mode & 0o077).toBe(0);
    await staged.discard();
    expect(fs.existsSync(staged.path)).toBe(false);
  });

  it('stops at the limit, keeps nothing, and says how large a file may be', async () => {
    const before = stagedNow();
    const chunks = Array.from({ length: 20 }, () => new Uint8Array(100 * 1024));
    await expect(receiveUpload(bodyOf(chunks), 1024 * 1024)).rejects.toMatchObject({
      code: 'payload_too_large',
      messageKey: 'intake.evidence.errors.fileTooLarge|{"max":"1"}',
    });
    expect(stagedNow()).toBe(before);
  });

  it('refuses an empty body and a declared length over the limit before reading', async () => {
    await expect(receiveUpload(bodyOf([]), 1024)).rejects.toMatchObject({ messageKey: 'intake.evidence.errors.empty' });
    await expect(receiveUpload(bodyOf([new Uint8Array(10)]), 1024, 4096)).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('keeps nothing of a body that breaks off mid-way', async () => {
    const before = stagedNow();
    const chunks = Array.from({ length: 4 }, () => new Uint8Array(64 * 1024));
    await expect(receiveUpload(bodyOf(chunks, 2), 1024 * 1024)).rejects.toMatchObject({
      messageKey: 'intake.evidence.errors.network',
    });
    expect(stagedNow()).toBe(before);
  });
});

describe('withInspectionSlot', () => {
  it('runs only a few judgements at once, however many uploads wait', async () => {
    let running = 0;
    let most = 0;
    const limit = Math.max(2, os.availableParallelism());
    await Promise.all(
      Array.from({ length: 30 }, () =>
        withInspectionSlot(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
        }),
      ),
    );
    expect(most).toBe(limit);
  });
});
