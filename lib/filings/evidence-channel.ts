import { type MessagePort } from 'node:worker_threads';
import type { Database } from '@/db/client';
import { readVerifiedBlob } from '@/lib/blobs/blobs';

export { findDamagedBlobs } from '@/lib/blobs/check';

export type EvidenceRequest = { id: number; sha256: string };
export type EvidenceReply = { id: number; bytes?: Uint8Array; problem?: 'mismatch' | 'missing' };

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
