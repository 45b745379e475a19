import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { sha256Hex } from '@/lib/crypto/hash';
import { setupTestDatabase } from '@/tests/helpers/database';
import { putBlob, readBlob, readVerifiedBlob } from './blob-store';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
});

describe('blob store', () => {
  it('stores bytes under their SHA-256 once and reads them back intact', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 청구서');
    const first = await putBlob(handle.db, bytes, 'application/pdf');
    const second = await putBlob(handle.db, bytes, 'application/pdf');
    expect(first).toBe(sha256Hex(bytes));
    expect(second).toBe(first);
    const stored = await readBlob(handle.db, first);
    expect(Buffer.from(stored!.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(await readVerifiedBlob(handle.db, first)).toEqual(stored!.bytes);
  });

  it('returns null for an unknown hash', async () => {
    expect(await readBlob(handle.db, 'f'.repeat(64))).toBeNull();
  });
});
