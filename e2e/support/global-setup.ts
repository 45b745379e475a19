import type { TestProject } from 'vitest/node';
import { startTestServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One production server per end-to-end run, on a fresh database with the demo case. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  project.provide('baseUrl', server.baseUrl);
  return async () => {
    if (process.env.E2E_SERVER_LOGS) console.log(server.logs());
    await server.stop();
  };
}
