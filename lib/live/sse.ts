/** Comment lines keep proxies and load balancers from closing an idle stream. */
const KEEPALIVE_MS = 20_000;
/** How long the browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

export type SendEvent = (event: string, data: unknown) => void;

export type EventStreamOptions = {
  /** Closed after this long so that a session or role that ended stops the stream; the browser reconnects and is checked again. */
  maxAgeMs?: number;
};

/**
 * A `text/event-stream` response. `start` gets a sender and returns its cleanup, which runs once
 * when the client goes away, the stream reaches its age, or the server stops it.
 */
export function eventStreamResponse(request: Request, start: (send: SendEvent) => () => void, options: EventStreamOptions = {}): Response {
  const encoder = new TextEncoder();
  let cleanup: (() => void) | null = null;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let isClosed = false;
      const write = (text: string) => {
        if (isClosed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        clearInterval(keepalive);
        clearTimeout(maxAge);
        request.signal.removeEventListener('abort', close);
        cleanup?.();
        cleanup = null;
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const keepalive = setInterval(() => write(': keepalive\n\n'), KEEPALIVE_MS);
      const maxAge = setTimeout(close, options.maxAgeMs ?? 5 * 60_000);
      request.signal.addEventListener('abort', close);
      write(`retry: ${RETRY_MS}\n\n`);
      cleanup = start((event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      if (request.signal.aborted) close();
    },
    cancel() {
      cleanup?.();
      cleanup = null;
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      // nginx would otherwise buffer the stream and deliver events late.
      'X-Accel-Buffering': 'no',
    },
  });
}
