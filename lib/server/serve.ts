import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { preparePrivateDir, setPrivateUmask } from '@/db/data-dir';
import { configuredAppOrigin, isEmbeddedDatabase, resolveDataDir } from '@/lib/env';
import { assertStartable, listenAddress, startBanner } from './deployment';
import { createMicroCache } from './micro-cache';
import { admitBody, answerClientError, dropForgeableHeaders, refuseUnsupportedMethod } from './request-gate';

/**
 * The production HTTP server: Next.js behind a plain Node server, which lets us (1) answer the
 * embeddable public counters from a micro-cache without entering Next's router, (2) set the
 * client address from the socket and drop X-Forwarded-* headers no trusted proxy wrote
 * (TRUSTED_PROXY_HOPS), and (3) refuse before Next what it would answer with a 500 (TRACE) or
 * buffer into memory first (oversized and chunked page posts) — lib/server/request-gate.ts.
 * Without APP_URL it is a local demo on 127.0.0.1 only (lib/server/deployment.ts).
 */
export async function startHttpServer(options: { port: number; hostname?: string }): Promise<http.Server> {
  setPrivateUmask();
  // Compiled (dist/server/serve.js, what npm start runs): worker threads then load their compiled
  // modules from the same dist folder (lib/jobs/worker-thread.ts), never TypeScript through tsx.
  if (__filename.endsWith('.js')) process.env.JOINDER_DIST = path.resolve(__dirname, '..');
  // Checked here too (the database opens later, inside Next's start): a shared folder stops the
  // start, before any key is generated.
  if (isEmbeddedDatabase() && !resolveDataDir().startsWith('memory://')) preparePrivateDir(resolveDataDir());
  assertStartable();
  const address = listenAddress(options.hostname);
  for (const line of startBanner()) console.log(line);
  if (address.warning) console.warn(`[joinder] ${address.warning}`);
  // next-auth builds its absolute redirects from NEXTAUTH_URL, else from request headers.
  process.env.NEXTAUTH_URL = configuredAppOrigin();
  const app = next({ dev: false, dir: process.cwd(), port: options.port, hostname: address.hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const cache = createMicroCache();
  const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0;

  const server = http.createServer((request, response) => {
    dropForgeableHeaders(request, trustedHops);
    if (refuseUnsupportedMethod(request, response)) return;
    if (cache.handle(request, response)) return;
    admitBody(request, response, () => {
      handle(request, response).catch((error: unknown) => {
        console.error('[joinder] request failed:', error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end('{"error":"internal"}');
      });
    });
  });
  server.on('clientError', answerClientError);
  // Slow-loris and idle sockets should not pin the server.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  // Idle keep-alive connections stay open 65 s (Node's default is 5 s), longer than the idle
  // timeout of the usual reverse proxies (60 s), so the proxy closes first and its upstream pool
  // stays warm. New connections are costly under load: Node accepts one connection per event-loop
  // turn (libuv since 1.45), so a burst of 80 new connections on a busy server waits ~80 turns
  // (~0.5 s measured) — the tail the support-surge benchmark used to show.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port, address.hostname, resolve));
  console.log(`[joinder] listening on http://${address.hostname ?? '0.0.0.0'}:${options.port}`);
  return server;
}

// Run as `node dist/server/serve.js` with NODE_ENV=production (npm start does this); tests on an
// unbuilt checkout run the source through tsx (serverCommand in ./build-freshness).
if (require.main === module) {
  startHttpServer({ port: Number(process.env.PORT ?? 3000), hostname: process.env.HOSTNAME || undefined }).catch((error: unknown) => {
    const isConfiguration = error instanceof Error && ['MissingSecretsError', 'DataDirPermissionError'].includes(error.name);
    console.error(isConfiguration ? `[joinder] ${(error as Error).message}` : error);
    process.exit(1);
  });
}
