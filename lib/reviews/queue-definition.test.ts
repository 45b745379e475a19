import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { cases, users } from '@/db/schema';
import { COUPANG_CASE_SLUG } from '@/db/seed/coupang-case';
import { seedDemoCase } from '@/db/seed/demo';
import { COUPANG_2025 } from '@/lib/claims/definitions/coupang-2025';
import { SLAMMER_2003 } from '@/lib/claims/definitions/slammer-2003';
import { setupTestDatabase } from '@/tests/helpers/database';
import { listClaimantsForReview } from './queue';
import { loadQueueDefinition, queueFilterChoices, restrictQueueFilters, singleCountedDimension } from './queue-definition';
import { parseQueueFilters, queueFiltersToParams } from './queue-filters';
import { readStatusCounts } from './status-counts';
import { insertClaimant } from './test-world';

/**
 * The queue of a case that is not Slammer: coupang-2025's categories and dimensions come from its
 * claim definition, found through claimant_dimensions, with nothing in the code naming them.
 */
let handle: DatabaseHandle;
let caseId: string;
let definitionVersion: number | null;
let viewerId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await setupTestDatabase();
  await seedDemoCase(handle.db, new Date('2026-03-01T09:00:00Z'));
  const [coupang] = await handle.db.select().from(cases).where(eq(cases.slug, COUPANG_CASE_SLUG));
  caseId = coupang.id;
  definitionVersion = coupang.claimDefinitionVersion;
  viewerId = (await handle.db.select().from(users).where(eq(users.email, 'lawyer@joinder.test')))[0].id;
  const claim = async (name: string, category: string, answers: Record<string, unknown>) => {
    const row = await insertClaimant(handle.db, caseId, {
      legalName: name,
      category,
      definitionVersion: coupang.claimDefinitionVersion,
      answers,
    });
    ids[name] = row.id;
  };
  await claim('noticed-member', 'member', { notice_received: 'yes', wow_member: 'yes', exposed_items: ['name', 'address_book'] });
  await claim('unnoticed-member', 'member', { notice_received: 'no', wow_member: 'no', exposed_items: ['email'] });
  await claim('noticed-seller', 'seller', { notice_received: 'yes', exposed_items: ['phone', 'address_book'], heard_from: 'news' });
});

const scope = () => ({ caseId, referencePrefix: 'CPG', viewerId });
const names = async (params: Record<string, string>) => {
  const choices = queueFilterChoices(await loadQueueDefinition(handle.db, { id: caseId, claimDefinitionVersion: definitionVersion }), 'ko');
  const filters = restrictQueueFilters(parseQueueFilters({ status: 'all', ...params }), choices);
  const page = await listClaimantsForReview(handle.db, scope(), filters);
  // The demo accounts' own drafts (no name yet) are in the case too; these are the claims made here.
  return page.rows.flatMap((row) => (row.legalName && row.legalName in ids ? [row.legalName] : [])).sort();
};

describe('the review queue on the coupang-2025 definition', () => {
  it('offers its categories and its filter dimensions with their values, in the reader’s language', () => {
    const choices = queueFilterChoices(COUPANG_2025, 'en');
    expect(choices.categories.map((option) => option.value)).toEqual(COUPANG_2025.categories.map((category) => category.id));
    expect(choices.categories[0].label).toBe('Coupang customer');
    expect(choices.dimensions.map((dimension) => dimension.id)).toEqual(
      expect.arrayContaining(['notice_received', 'exposed_items', 'heard_from', 'wow_member']),
    );
    // Free text (the account e-mail) is an export column, never a filter.
    expect(choices.dimensions.map((dimension) => dimension.id)).not.toContain('account_email');
    const exposed = choices.dimensions.find((dimension) => dimension.id === 'exposed_items')!;
    expect(exposed.options.find((option) => option.value === 'address_book')?.label).toBe('Shipping address book');
    expect(exposed.isCounted).toBe(false);
    expect(queueFilterChoices(COUPANG_2025, 'ko').categories[0].label).toBe('쿠팡 회원');
  });

  it('filters by a yes/no dimension, by an option of a multiple choice, and by category with a dimension', async () => {
    expect(await names({ 'd.notice_received': 'yes' })).toEqual(['noticed-member', 'noticed-seller']);
    expect(await names({ 'd.exposed_items': 'address_book' })).toEqual(['noticed-member', 'noticed-seller']);
    expect(await names({ 'd.exposed_items': 'email' })).toEqual(['unnoticed-member']);
    expect(await names({ category: 'member', 'd.notice_received': 'yes' })).toEqual(['noticed-member']);
    expect(await names({ 'd.heard_from': 'news', 'd.wow_member': 'yes' })).toEqual([]);
  });

  it('treats another case’s dimensions and unknown values as no filter', async () => {
    const all = await names({});
    expect(all).toEqual(['noticed-member', 'noticed-seller', 'unnoticed-member']);
    expect(await names({ 'd.isp': 'kt' })).toEqual(all);
    expect(await names({ 'd.notice_received': 'maybe', category: 'pc_bang' })).toEqual(all);
  });

  it('keeps dimension filters in the links it makes', () => {
    const filters = parseQueueFilters({ status: 'all', category: 'member', 'd.notice_received': 'no' });
    expect(queueFiltersToParams(filters).toString()).toBe('status=all&category=member&d.notice_received=no');
  });

  it('lets the status counts follow one single-valued dimension from the rollups', async () => {
    const choices = queueFilterChoices(COUPANG_2025, 'ko');
    const dimension = singleCountedDimension(parseQueueFilters({ 'd.notice_received': 'yes' }), choices);
    expect(dimension).toEqual({ name: 'notice_received', value: 'yes' });
    expect((await readStatusCounts(handle.db, caseId, dimension)).submitted).toBe(2);
    expect(singleCountedDimension(parseQueueFilters({ 'd.exposed_items': 'email' }), choices)).toBeUndefined();
    expect(singleCountedDimension(parseQueueFilters({ category: 'seller' }), choices)).toEqual({ name: 'category', value: 'seller' });
  });

  it('offers Slammer its own dimensions, not coupang’s', () => {
    const ids = queueFilterChoices(SLAMMER_2003, 'ko').dimensions.map((dimension) => dimension.id);
    expect(ids).toEqual(expect.arrayContaining(['isp', 'line_type']));
    expect(ids).not.toContain('notice_received');
  });
});
