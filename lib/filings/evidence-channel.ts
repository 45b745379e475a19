import { type MessagePort } from 'node:worker_threads';
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { blobs } from '@/db/schema';
import { readVerifiedBlob } from '@/lib/evidence/blob-store';

export type EvidenceRequest = { id: number; sha256: string };
export type EvidenceReply = { id: number; bytes?: Uint8Array; problem?: 'mismatch' | 'missing' };

/**
 * Proves in the database, without moving a byte to Node, that every file still hashes to its
 * key: a changed file stops the filing before any rendering starts. Returns the hashes at fault.
 */
export async function findDamagedBlobs(db: Database, hashes: readonly string[]): Promise<{ missing: string[]; mismatched: string[] }> {
  const found = new Set<string>();
  const mismatched: string[] = [];
  for (let start = 0; start < hashes.length; start += 1_000) {
    const slice = hashes.slice(start, start + 1_000);
    const rows = await db
      .select({ sha256: blobs.sha256, isIntact: sql<boolean>`encode(sha256(${blobs.bytes}), 'hex') = ${blobs.sha256}` })
      .from(blobs)
      .where(inArray(blobs.sha256, slice));
    for (const row of rows) {
      found.add(row.sha256);
      if (!row.isIntact) mismatched.push(row.sha256);
    }
  }
  return { missing: hashes.filter((hash) => !found.has(hash)), mismatched };
}

/**
 * Hands evidence files to the rendering worker one at a time, as it asks for them, so neither
 * thread holds a thousand files at once and loading overlaps drawing. Only this filing's files
 * are served, each checked against its hash again as it is read.
 */
export function serveEvidence(db: Database, port: MessagePort, allowed: ReadonlySet<string>): () => void {
  port.on('message', (request: EvidenceRequest) => {
    void (async () => {
      let reply: EvidenceReply;
      if (!allowed.has(request.sha256)) reply = { id: request.id, problem: 'missing' };
      else {
        try {
          const bytes = await readVerifiedBlob(db, request.sha256);
          reply = bytes ? { id: request.id, bytes } : { id: request.id, problem: 'missing' };
        } catch {
          reply = { id: request.id, problem: 'mismatch' };
        }
      }
      try {
        port.postMessage(reply, reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : []);
      } catch {
        // The worker is gone (finished, cancelled or crashed): nobody is waiting for this file.
      }
    })();
  });
  return () => port.close();
}
