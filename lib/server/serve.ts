import http from 'node:http';
import next from 'next';
import { createMicroCache } from './micro-cache';

/**
 * The production HTTP server: Next.js behind a plain Node server, which lets us (1) answer the
 * embeddable public counters from a micro-cache without entering Next's router and (2) set the
 * client address from the socket, so X-Forwarded-For cannot be forged to dodge per-IP throttling
 * unless TRUSTED_PROXY_HOPS says which proxies to believe.
 */
export async function startHttpServer(options: { port: number; hostname?: string }): Promise<http.Server> {
  const app = next({ dev: false, dir: process.cwd(), port: options.port, hostname: options.hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const cache = createMicroCache();
  const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0;

  const server = http.createServer((request, response) => {
    if (trustedHops === 0) {
      request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
      delete request.headers['x-real-ip'];
    }
    if (cache.handle(request, response)) return;
    handle(request, response).catch((error: unknown) => {
      console.error('[joinder] request failed:', error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end('{"error":"internal"}');
    });
  });
  // Slow-loris and idle sockets should not pin the server.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  // Idle keep-alive connections stay open 65 s (Node's default is 5 s), longer than the idle
  // timeout of the usual reverse proxies (60 s), so the proxy closes first and its upstream pool
  // stays warm. New connections are costly under load: Node accepts one connection per event-loop
  // turn (libuv since 1.45), so a burst of 80 new connections on a busy server waits ~80 turns
  // (~0.5 s measured) — the tail the support-surge benchmark used to show.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port, options.hostname, resolve));
  console.log(`[joinder] listening on http://${options.hostname ?? 'localhost'}:${options.port}`);
  return server;
}

// Run as `node --import tsx lib/server/serve.ts` with NODE_ENV=production (npm start does this).
if (require.main === module) {
  startHttpServer({ port: Number(process.env.PORT ?? 3000), hostname: process.env.HOSTNAME || undefined }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
