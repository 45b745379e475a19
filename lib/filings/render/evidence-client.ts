import type { MessagePort } from 'node:worker_threads';
import type { EvidenceReply, EvidenceRequest } from '../evidence-channel';

/** Thrown inside the worker when the job cannot deliver a file; mapped to a message naming the exhibit. */
export class EvidenceUnavailableError extends Error {
  constructor(
    readonly sha256: string,
    readonly problem: 'mismatch' | 'missing',
  ) {
    super(`evidence ${sha256}: ${problem}`);
    this.name = 'EvidenceUnavailableError';
  }
}

/** Files asked for ahead of the one being drawn, so the database round trip hides behind drawing. */
const PREFETCH = 6;

/**
 * The worker's side of lib/filings/evidence-channel.ts: asks the job's thread for files in
 * exhibit order, a few ahead, and forgets each file once its last exhibit has taken it.
 */
export class EvidenceClient {
  private readonly pending = new Map<number, { resolve: (reply: EvidenceReply) => void }>();
  private readonly loaded = new Map<string, Promise<Uint8Array>>();
  private readonly usesLeft = new Map<string, number>();
  private nextId = 1;
  private cursor = 0;

  constructor(
    private readonly port: MessagePort,
    private readonly order: readonly string[],
  ) {
    for (const sha256 of order) this.usesLeft.set(sha256, (this.usesLeft.get(sha256) ?? 0) + 1);
    port.on('message', (reply: EvidenceReply) => {
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
  }

  /** The bytes of one file; called by the exhibit renderer as it reaches the file. */
  async load(sha256: string): Promise<Uint8Array> {
    const position = this.order.indexOf(sha256, this.cursor);
    if (position >= 0) this.cursor = position;
    for (let ahead = this.cursor; ahead < Math.min(this.order.length, this.cursor + PREFETCH); ahead++) this.request(this.order[ahead]);
    const bytes = await this.request(sha256);
    const left = (this.usesLeft.get(sha256) ?? 1) - 1;
    this.usesLeft.set(sha256, left);
    if (left <= 0) this.loaded.delete(sha256);
    return bytes;
  }

  close(): void {
    this.port.close();
  }

  private request(sha256: string): Promise<Uint8Array> {
    let promise = this.loaded.get(sha256);
    if (promise) return promise;
    const id = this.nextId++;
    promise = new Promise<EvidenceReply>((resolve) => {
      this.pending.set(id, { resolve });
      this.port.postMessage({ id, sha256 } satisfies EvidenceRequest);
    }).then((reply) => {
      if (!reply.bytes) throw new EvidenceUnavailableError(sha256, reply.problem ?? 'missing');
      return reply.bytes;
    });
    // A prefetched file that fails is reported when (if) the renderer asks for it.
    promise.catch(() => {});
    this.loaded.set(sha256, promise);
    return promise;
  }
}
