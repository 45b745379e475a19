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

afterAll(async () => {
  const surfaces = new Set(allChecks.map((check) => check.surface)).size;
  const probes = new Set(allChecks.map((check) => `${check.surface} ${check.url}`)).size;
  console.log(`[access matrix] ${surfaces} surfaces, ${probes} probes × ${ACTORS.length} actors = ${allChecks.length} checks, ${allChecks.filter((check) => check.observed !== check.expected).length} mismatches`);
  await server?.stop();
});

describe('access matrix', () => {
  it('covers every surface on disk', () => {
    const inMatrix = new Set(ACCESS_MATRIX.map((entry) => `${entry.kind} ${entry.key}`));
    expect(enumerateSurfaces().filter((surface) => !inMatrix.has(`${surface.kind} ${surface.key}`)).map((surface) => surface.key)).toEqual([]);
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
