import { type TestServer, startTestServer } from '@/e2e/support/server';
import { databaseExists, recreateDatabase, databaseUrlFor } from './database';

const servers = new Map<string, Promise<TestServer>>();

/**
 * A production server on a named benchmark database, started once per run and shared by the
 * scenarios that ask for the same name. `prepare` fills a fresh database (migrate + seed) when it
 * does not exist yet or `fresh` is set; big seeds are kept between runs.
 */
export function benchServer(
  name: string,
  options: { fresh?: boolean; prepare?: (databaseUrl: string) => Promise<void>; env?: Record<string, string> } = {},
): Promise<TestServer> {
  let server = servers.get(name);
  if (!server) {
    server = (async () => {
      const database = `joinder_bench_${name}`;
      let databaseUrl = databaseUrlFor(database);
      if (options.fresh || !(await databaseExists(database))) {
        databaseUrl = await recreateDatabase(database);
        await options.prepare?.(databaseUrl);
      }
      return startTestServer({ databaseUrl, env: { JOINDER_BENCH_ROUTES: '1', DATABASE_POOL_MAX: '20', ...options.env } });
    })();
    servers.set(name, server);
  }
  return server;
}

export async function stopBenchServers(): Promise<void> {
  for (const server of servers.values()) await (await server.catch(() => null))?.stop();
  servers.clear();
}
