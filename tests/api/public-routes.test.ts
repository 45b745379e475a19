import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getHealth } from '@/app/api/health/route';
import { GET as getStats } from '@/app/api/cases/[slug]/stats/route';
import { seedDemoCase } from '@/db/seed/demo';
import { supporters } from '@/db/schema';
import { clearPublicStatsCache } from '@/lib/metrics/public-stats';
import { setBlobStores } from '@/lib/blobs/config';
import { createS3Store } from '@/lib/blobs/s3-store';
import { setupTestDatabase } from '@/tests/helpers/database';
import type { DatabaseHandle } from '@/db/client';

let handle: DatabaseHandle;
let caseId: string;
beforeAll(async () => {
  handle = await setupTestDatabase();
  ({ caseId } = await seedDemoCase(handle.db));
});

const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

describe('GET /api/health', () => {
  it('reports ok and which database runs', async () => {
    const response = await getHealth();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: process.env.DATABASE_URL ? 'postgres' : 'pglite', blobs: 'postgres' });
  });

  it('reports unavailable while the S3 endpoint is down', async () => {
    const down = createS3Store({
      bucket: 'joinder-down',
      prefix: '',
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    setBlobStores({ current: 's3', objects: { s3: down } });
    try {
      const response = await getHealth();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable', blobs: 'unreachable' });
    } finally {
      setBlobStores(undefined);
    }
  });
});

describe('GET /api/cases/{slug}/stats', () => {
  it('returns the public counts in the documented shape, CORS-open, without personal data', async () => {
    await handle.db.insert(supporters).values([
      { caseId, name: '김하늘', email: 'a@example.kr', consentVersion: 1, confirmedAt: new Date() },
      { caseId, name: '이바다', email: 'b@example.kr', consentVersion: 1 },
      { caseId, name: '박산', email: 'c@example.kr', consentVersion: 1, withdrawnAt: new Date() },
    ]);
    clearPublicStatsCache();
    const response = await getStats(new Request('http://localhost/api/cases/slammer-2003/stats'), params('slammer-2003'));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = await response.json();
    expect(body).toEqual({
      case: 'slammer-2003',
      supporters: { signed: 2, confirmed: 1, withdrawn: 1 },
      claimants: { registered: 1, submitted: 0, complete: 0, verified: 0, filed: 0, withdrawn: 0 },
      goals: { supporters: 3000, plaintiffs: 1586 },
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(body)).not.toMatch(/김하늘|example\.kr/);
  });

  it('answers 404 JSON for an unknown case, in the reader’s language', async () => {
    const response = await getStats(
      new Request('http://localhost/api/cases/nope/stats', { headers: { 'accept-language': 'en-US,en;q=0.9' } }),
      params('nope'),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found', message: 'Not found.' });
  });
});
