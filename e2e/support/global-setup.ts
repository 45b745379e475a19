import type { TestProject } from 'vitest/node';
import { startTestServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's PostgreSQL database, or '' on the embedded one (which only the server can open). */
    databaseUrl: string;
    /** Its keys, for the command-line tools a test runs against that database. */
    serverSecrets: Record<string, string>;
  }
}

/** One production server per end-to-end run, on a fresh database with the demo case. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('databaseUrl', server.databaseUrl ?? '');
  project.provide('serverSecrets', server.secrets);
  return async () => {
    if (process.env.E2E_SERVER_LOGS) console.log(server.logs());
    await server.stop();
  };
}
