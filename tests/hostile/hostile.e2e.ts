import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '@/e2e/support/server';
import { HOSTILE_SERVER_ENV, type HostileReport, runHostileCorpus, summarizeHostileReport } from './run-corpus';

/**
 * The hostile corpus (≥ 200 inputs: injection strings, layout breakers, bidi and invisible
 * characters, confusable emails, oversized and broken bodies, hostile files) through every form,
 * JSON route, query string and route handler of a production server: no 5xx, no crash, a message
 * with every refusal, nothing echoed unescaped.
 */
let server: TestServer;
let report: HostileReport;

beforeAll(async () => {
  server = await startTestServer({ env: HOSTILE_SERVER_ENV });
  report = await runHostileCorpus({ baseUrl: server.baseUrl, log: (message) => console.log(`[hostile] ${message}`) });
}, 900_000);

afterAll(async () => {
  await server?.stop();
});

describe('hostile input', () => {
  it('uses a corpus of at least 200 cases', () => {
    expect(report.corpusSize).toBeGreaterThanOrEqual(200);
  });

  it('answers every request without a 5xx, with a message, and never echoes a script unescaped', () => {
    const summary = summarizeHostileReport(report);
    console.log(
      `[hostile] ${summary.requests} requests from ${report.corpusSize} inputs in ${report.seconds.toFixed(0)} s: ${JSON.stringify(summary.byVerdict)}; pending targets: ${report.pendingTargets.join(', ') || 'none'}`,
    );
    console.log(`[hostile] most time: ${summary.slowestTargets.join('; ')}`);
    expect(
      summary.failures.map(
        (outcome) => `${outcome.target} ← ${outcome.input}: ${outcome.verdict} ${outcome.status} ${outcome.detail ?? ''}`,
      ),
    ).toEqual([]);
  });

  it('leaves the server alive and healthy', async () => {
    expect(report.isServerHealthy).toBe(true);
    expect(() => process.kill(server.pid, 0)).not.toThrow();
  });
});
