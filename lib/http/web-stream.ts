import type { Readable } from 'node:stream';

/**
 * A Node stream as a web ReadableStream for a Response body, read on demand. Not Readable.toWeb:
 * on Node 20 its adapter can still enqueue after the client went away and the controller closed,
 * which throws outside any handler ("Controller is already closed"). Here nothing is read after a
 * cancel, and a cancel destroys the source so its file or blob read stops.
 */
export function toWebStream(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === 'string' ? Buffer.from(value) : (value as Uint8Array));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      source.destroy();
      await chunks.return?.();
    },
  });
}
