import { request } from 'undici';

export type SseClient = {
  /** The data of the last event of each name, parsed. */
  last: Map<string, unknown>;
  events: number;
  connects: number;
  close: () => void;
};

/**
 * A server-sent events client that behaves like the browser's EventSource: it reconnects after
 * the server's `retry:` delay whenever the stream ends or breaks, for as long as it is open.
 */
export function openSse(url: string, headers: Record<string, string> = {}): SseClient {
  const client: SseClient = { last: new Map(), events: 0, connects: 0, close: () => {} };
  const controller = new AbortController();
  let retryMs = 2_000;
  client.close = () => controller.abort();
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const answer = await request(url, {
          headers: { accept: 'text/event-stream', ...headers },
          signal: controller.signal,
          bodyTimeout: 0,
        });
        if (answer.statusCode !== 200) {
          await answer.body.dump();
        } else {
          client.connects++;
          let buffer = '';
          for await (const chunk of answer.body) {
            buffer += chunk.toString();
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              let name = 'message';
              let data = '';
              for (const line of block.split('\n')) {
                if (line.startsWith('retry:')) retryMs = Number(line.slice(6)) || retryMs;
                else if (line.startsWith('event:')) name = line.slice(6).trim();
                else if (line.startsWith('data:')) data += line.slice(5).trim();
              }
              if (data) {
                client.events++;
                client.last.set(name, JSON.parse(data));
              }
            }
          }
        }
      } catch {
        // Broken or refused: try again after the retry delay, as a browser does.
      }
      if (!controller.signal.aborted) await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  void run();
  return client;
}
