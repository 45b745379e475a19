import { HOSTILE_SERVER_ENV, runHostileCorpus, summarizeHostileReport } from '@/tests/hostile/run-corpus';
import { startSoakStack } from '../lib/stack';
import type { SoakContext, SoakResult, SoakScenario } from '../lib/types';

/** The hostile corpus (tests/hostile) against the soak's own server: no 5xx, a message with every refusal. */
async function runHostile(context: SoakContext): Promise<SoakResult> {
  const stack = await startSoakStack(context, HOSTILE_SERVER_ENV);
  try {
    const report = await runHostileCorpus({ baseUrl: stack.server.baseUrl, log: context.log });
    const summary = summarizeHostileReport(report);
    return {
      name: 'hostile-input',
      pass: summary.failures.length === 0 && report.isServerHealthy,
      figures: {
        inputs: report.corpusSize,
        requests: summary.requests,
        ok: summary.byVerdict.ok ?? 0,
        failures: summary.failures.length,
        serverHealthy: String(report.isServerHealthy),
      },
      notes: [
        ...summary.failures
          .slice(0, 10)
          .map((failure) => `${failure.target} ← ${failure.input}: ${failure.verdict} ${failure.status} ${failure.detail ?? ''}`),
        ...(report.pendingTargets.length ? [`pending until merged: ${report.pendingTargets.join(', ')}`] : []),
      ],
    };
  } finally {
    await stack.stop();
  }
}

export const scenarios: SoakScenario[] = [
  {
    name: 'hostile-input',
    description: 'At least 200 hostile inputs through forms, JSON routes, queries and uploads',
    needsPostgres: false,
    run: runHostile,
  },
];
