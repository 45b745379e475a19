import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { claimants, defendants, users } from '@/db/schema';
import { GET as getWorksheet } from '@/app/api/cases/[slug]/costs/worksheet/route';
import { AppError } from '@/lib/errors';
import { createFiling } from '@/lib/filings/create-filing';
import { parseFilingRequest } from '@/lib/filings/schemas';
import { type FilingWorld, createFilingWorld, packetRequest } from '@/lib/filings/test-world';
import { routeRequest, signInForTest, signOutForTest } from '@/lib/metrics/test-session';
import { hasPoppler, pdfText } from '@/lib/pdf/__fixtures__/poppler';
import { setupTestDatabase } from '@/tests/helpers/database';
import { loadCostWorksheet } from './load-worksheet';
import { costWorksheetQuerySchema } from './schemas';

vi.mock('next-auth', async (importOriginal) => {
  const actual = await importOriginal<typeof import('next-auth')>();
  const { testSession } = await import('@/lib/metrics/test-session');
  return { ...actual, getServerSession: async () => testSession.current };
});

let db: Database;
let world: FilingWorld;
/** What each claimant of the test world claims (lib/filings/test-world.ts: 1,935 + 50,000). */
const CLAIM = 51_935;
const query = (values: Record<string, string> = {}) => costWorksheetQuerySchema.parse(values);

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  world = await createFilingWorld(db);
});
beforeEach(() => signOutForTest());

describe('the court-cost worksheet of a case', () => {
  it('adds up the claims of the verified claimants not yet filed and counts the case’s defendants', async () => {
    const total = await db.$count(defendants, eq(defendants.caseId, world.caseA.id));
    expect(total).toBeGreaterThan(0);
    const loaded = await loadCostWorksheet(
      db,
      world.caseA,
      query({ representatives: '2', filing: 'paper' }),
      new Date('2026-03-02T03:00:00Z'),
    );
    expect(loaded.basis).toEqual({ claimValueKrw: 5 * CLAIM, claimantCount: 5, defendantCount: total });
    expect(loaded.worksheet.input).toMatchObject({ representativeCount: 2, isElectronic: false, day: '2026-03-02' });
    // 259,675 × 50/10,000 = 1,298.375 → 1,200 (below 100원 dropped); small claims: 10 services a party.
    expect(loaded.worksheet.stamp.payableKrw).toBe(1_200);
    expect(loaded.worksheet.court).toBe('small');
    expect(loaded.worksheet.scenarios[0].serviceFee.totalKrw).toBe((5 + total) * 10 * 5_200);
    expect(loaded.worksheet.scenarios[1].serviceFee.totalKrw).toBe((2 + total) * 10 * 5_200);
  });

  it('defaults to three 선정당사자 and refuses more than there are claimants, or a case without claimants or defendants', async () => {
    expect((await loadCostWorksheet(db, world.caseA, query())).worksheet.input.representativeCount).toBe(3);
    const tooMany = await loadCostWorksheet(db, world.caseA, query({ representatives: '6' })).catch((error: AppError) => error);
    expect(tooMany).toBeInstanceOf(AppError);
    expect((tooMany as AppError).fieldErrors?.representatives).toBe('costs.validation.tooManyRepresentatives|{"max":5}');
    const noDefendant = await loadCostWorksheet(db, world.caseB, query()).catch((error: AppError) => error);
    expect((noDefendant as AppError).messageKey).toBe('costs.errors.noDefendants');
    await db.update(claimants).set({ status: 'submitted' }).where(eq(claimants.id, world.otherCaseClaimant.id));
    const noClaimant = await loadCostWorksheet(db, world.caseB, query()).catch((error: AppError) => error);
    expect((noClaimant as AppError).messageKey).toBe('costs.errors.noClaimants');
  });

  it('reads a built packet’s claimants from its snapshots, and a version of another case as not found', async () => {
    const { version } = await createFiling(db, { userId: world.lawyerA.id, ip: null }, world.caseA, parseFilingRequest(packetRequest()));
    const loaded = await loadCostWorksheet(db, world.caseA, query({ version: String(version) }));
    expect(loaded.basis).toMatchObject({ claimValueKrw: 5 * CLAIM, claimantCount: 5 });
    expect(loaded.version).toBe(version);
    await expect(loadCostWorksheet(db, world.caseB, query({ version: String(version) }))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('is a PDF for the case’s lawyers only, in the language asked for', async () => {
    const url = `/api/cases/${world.caseA.slug}/costs/worksheet?representatives=3&lang=en`;
    expect((await getWorksheet(...routeRequest(url, { slug: world.caseA.slug }))).status).toBe(401);
    // Only proved addresses pass requireUser; the test world's second lawyer never proved theirs.
    await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, world.lawyerB.id));
    await signInForTest(db, world.lawyerB);
    expect((await getWorksheet(...routeRequest(url, { slug: world.caseA.slug }))).status).toBe(404);
    await signInForTest(db, world.organizerA);
    expect((await getWorksheet(...routeRequest(url, { slug: world.caseA.slug }))).status).toBe(404);
    await signInForTest(db, world.lawyerA);
    const response = await getWorksheet(...routeRequest(url, { slug: world.caseA.slug }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    if (hasPoppler) expect(pdfText(bytes)).toContain('Court-cost worksheet');
    const refused = await getWorksheet(
      ...routeRequest(`/api/cases/${world.caseA.slug}/costs/worksheet?representatives=x`, { slug: world.caseA.slug }),
    );
    expect(refused.status).toBe(422);
  });
});
