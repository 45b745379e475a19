import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '@/e2e/support/server';
import { type ActionIdentity, type HttpSession, loadActionIds } from '@/tests/support/http-session';
import { enumerateSurfaces } from './enumerate';
import { ACCESS_MATRIX } from './matrix';
import { ACTORS, type Actor } from './policies';
import { type MatrixCheck, checkEntry, describeMismatch, signInActors } from './run-matrix';

/**
 * The access matrix against a production server on a fresh database (PostgreSQL when DATABASE_URL
 * is set, else PGlite) seeded with the demo case and the access fixtures: every line, seven actors.
 */
let server: TestServer;
let sessions: Record<Actor, HttpSession>;
let actionIds: Map<string, ActionIdentity>;
const allChecks: MatrixCheck[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: { JOINDER_SEED_FIXTURES: 'access-matrix' } });
  sessions = await signInActors(server.baseUrl);
  actionIds = loadActionIds();
});

/** Probes and action calls aimed at one record by its id, version or code (someone's, or another case's). */
const RECORD_PLACEHOLDER = /\{(claimant|statement|evidence|spareEvidence|filing|flag|campaign|defendant|membership)\w*\}/;

afterAll(async () => {
  const count = (kind: string) => ACCESS_MATRIX.filter((entry) => entry.kind === kind).length;
  const probes = ACCESS_MATRIX.flatMap((entry) =>
    entry.kind === 'action' ? entry.calls.map((call) => call.label) : entry.probes.map((item) => item.url),
  );
  const recordProbes = ACCESS_MATRIX.reduce(
    (total, entry) =>
      total +
      (entry.kind === 'action'
        ? entry.calls.filter((call) => /another/.test(call.label)).length
        : entry.probes.filter((item) => RECORD_PLACEHOLDER.test(item.url)).length),
    0,
  );
  const mismatches = allChecks.filter((check) => check.observed !== check.expected).length;
  const notFoundChecks = allChecks.filter(
    (check) => check.expected === 'deny' && (RECORD_PLACEHOLDER.test(check.url) || /\(another/.test(check.surface)),
  ).length;
  console.log(
    `[access matrix] ${ACCESS_MATRIX.length} surfaces (${count('page')} pages, ${count('route')} route handler methods, ${count('action')} server actions), ${probes.length} probes (${recordProbes} aimed at one record by id) × ${ACTORS.length} actors = ${allChecks.length} checks (${notFoundChecks} of them "someone else's record by id is not found"), ${mismatches} mismatches`,
  );
  await server?.stop();
});

describe('access matrix', () => {
  it('covers every surface on disk', () => {
    const inMatrix = new Set(ACCESS_MATRIX.map((entry) => `${entry.kind} ${entry.key}`));
    expect(
      enumerateSurfaces()
        .filter((surface) => !inMatrix.has(`${surface.kind} ${surface.key}`))
        .map((surface) => surface.key),
    ).toEqual([]);
  });

  for (const entry of ACCESS_MATRIX) {
    it(`${entry.kind} ${entry.key}`, async () => {
      const checks = await checkEntry(entry, sessions, actionIds);
      allChecks.push(...checks);
      expect(checks.filter((check) => check.observed !== check.expected).map(describeMismatch)).toEqual([]);
    });
  }

  it('left every actor signed in (no probe ended a session)', async () => {
    for (const actor of ACTORS.filter((name) => name !== 'anonymous')) {
      const response = await sessions[actor].request('/api/auth/session');
      expect(((await response.json()) as { user?: { id?: string } }).user?.id, actor).toBeTruthy();
    }
  });
});
