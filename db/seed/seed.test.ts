import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { caseMemberships, cases, claimants, defendants, metricCounters, supporters, users } from '@/db/schema';
import { decryptField } from '@/lib/crypto/field-encryption';
import { SUPPORTER_METRICS, CLAIMANT_METRICS, readMetricTotals } from '@/lib/metrics/counters';
import { loadPublishedDefinition } from '@/lib/claims/store/definitions';
import { setupTestDatabase } from '@/tests/helpers/database';
import { seedDemoCase } from './demo';
import { seedVolume } from './volume';

let handle: DatabaseHandle;
let caseId: string;

beforeAll(async () => {
  handle = await setupTestDatabase();
  ({ caseId } = await seedDemoCase(handle.db));
});

describe('demo seed', () => {
  it('creates the Slammer case with all seven defendants and the four demo accounts, once', async () => {
    expect((await seedDemoCase(handle.db)).created).toBe(false);
    const [found] = await handle.db.select().from(cases).where(eq(cases.slug, 'slammer-2003'));
    expect(found.referencePrefix).toBe('SLM');
    expect(await handle.db.select().from(defendants).where(eq(defendants.caseId, caseId))).toHaveLength(7);
    const emails = (await handle.db.select({ email: users.email }).from(users)).map((row) => row.email).sort();
    expect(emails).toEqual(['admin@joinder.test', 'claimant@joinder.test', 'lawyer@joinder.test', 'organizer@joinder.test']);
    expect(await handle.db.select().from(caseMemberships)).toHaveLength(6);
  });

  it('adds coupang-2025 as a second case on its own published definition, every staff account a member of both', async () => {
    const { coupangCaseId } = await seedDemoCase(handle.db);
    const [coupang] = await handle.db.select().from(cases).where(eq(cases.id, coupangCaseId));
    expect(coupang).toMatchObject({ slug: 'coupang-2025', referencePrefix: 'CPG', claimDefinitionVersion: 1 });
    const definition = await loadPublishedDefinition(handle.db, coupangCaseId, 1);
    expect(definition?.definition.key).toBe('coupang-2025');
    expect((await loadPublishedDefinition(handle.db, caseId, 1))?.definition.key).toBe('slammer-2003');
    const memberships = await handle.db
      .select({ caseId: caseMemberships.caseId, role: caseMemberships.role, email: users.email })
      .from(caseMemberships)
      .innerJoin(users, eq(users.id, caseMemberships.userId));
    for (const email of ['admin@joinder.test', 'lawyer@joinder.test', 'organizer@joinder.test'])
      expect(
        memberships
          .filter((row) => row.email === email)
          .map((row) => row.caseId)
          .sort(),
      ).toEqual([caseId, coupangCaseId].sort());
    const drafts = await handle.db.select().from(claimants).where(eq(claimants.caseId, coupangCaseId));
    expect(drafts).toMatchObject([{ status: 'draft', definitionVersion: 1 }]);
    expect(await handle.db.select().from(defendants).where(eq(defendants.caseId, coupangCaseId))).toHaveLength(2);
  });
});

describe('volume seed', () => {
  it('adds deterministic Korean people with encrypted personal fields, and rollups that match a recount', async () => {
    await seedVolume(handle.db, { caseId, referencePrefix: 'SLM', claimants: 300, supporters: 2_000, seed: 7 });
    const [{ n: claimantCount }] = await handle.db.select({ n: count() }).from(claimants).where(eq(claimants.caseId, caseId));
    expect(claimantCount).toBe(301);
    const [sample] = await handle.db
      .select()
      .from(claimants)
      .where(sql`${claimants.legalName} is not null`)
      .limit(1);
    expect(sample.legalName).toMatch(/^[가-힣]{2,4}$/);
    expect(decryptField(sample.dateOfBirthEncrypted)).toMatch(/^19\d\d-\d\d-\d\d$/);
    expect(sample.phoneEncrypted).not.toContain('010');

    const totals = await readMetricTotals(handle.db, caseId, [...SUPPORTER_METRICS, ...CLAIMANT_METRICS]);
    const [{ n: activeSupporters }] = await handle.db
      .select({ n: count() })
      .from(supporters)
      .where(sql`${supporters.caseId} = ${caseId} and ${supporters.withdrawnAt} is null`);
    const [{ n: verified }] = await handle.db
      .select({ n: count() })
      .from(claimants)
      .where(sql`${claimants.caseId} = ${caseId} and ${claimants.status} = 'verified'`);
    const [{ n: registered }] = await handle.db
      .select({ n: count() })
      .from(claimants)
      .where(sql`${claimants.caseId} = ${caseId} and ${claimants.status} <> 'withdrawn'`);
    expect(totals['supporters.signed']).toBe(activeSupporters);
    expect(totals['claimants.verified']).toBe(verified);
    expect(totals['claimants.registered']).toBe(registered);
    expect(totals['supporters.signed']).toBeGreaterThan(1_900);
  });

  it('keeps rollups current through the triggers on ordinary writes', async () => {
    const before = await readMetricTotals(handle.db, caseId, ['supporters.signed', 'supporters.confirmed', 'supporters.withdrawn']);
    const [row] = await handle.db
      .insert(supporters)
      .values({ caseId, name: '최수빈', email: 'trigger@example.kr', consentVersion: 1, region: 'busan' })
      .returning();
    await handle.db.update(supporters).set({ confirmedAt: new Date() }).where(eq(supporters.id, row.id));
    let after = await readMetricTotals(handle.db, caseId, ['supporters.signed', 'supporters.confirmed', 'supporters.withdrawn']);
    expect(after['supporters.signed']).toBe(before['supporters.signed'] + 1);
    expect(after['supporters.confirmed']).toBe(before['supporters.confirmed'] + 1);
    await handle.db.update(supporters).set({ withdrawnAt: new Date() }).where(eq(supporters.id, row.id));
    after = await readMetricTotals(handle.db, caseId, ['supporters.signed', 'supporters.confirmed', 'supporters.withdrawn']);
    expect(after).toEqual({
      'supporters.signed': before['supporters.signed'],
      'supporters.confirmed': before['supporters.confirmed'],
      'supporters.withdrawn': before['supporters.withdrawn'] + 1,
    });
    const [{ n: regionRows }] = await handle.db
      .select({ n: count() })
      .from(metricCounters)
      .where(
        sql`${metricCounters.caseId} = ${caseId} and ${metricCounters.dimension} = 'region' and ${metricCounters.dimensionValue} = 'busan'`,
      );
    expect(regionRows).toBeGreaterThan(0);
  });
});
