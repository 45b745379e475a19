import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { cases, defendants } from '@/db/schema';
import { DEMO_CASE_SLUG } from '@/db/seed/demo-case';
import { seedDemoCase } from '@/db/seed/demo';
import { buildCaseInfo } from './case-info';
import { renderComplaint } from '@/lib/pdf';
import { hasPoppler, pdfText } from '@/lib/pdf/__fixtures__/poppler';
import { DEMO_NOW, demoClaimants } from '@/lib/pdf/__fixtures__/synthetic-claimants';
import { setupTestDatabase } from '@/tests/helpers/database';
import { updateDefendantRepresentative } from '@/lib/cases/case-partners-and-defendants';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
  await seedDemoCase(handle.db);
});

const actor = { userId: null as unknown as string, ip: '198.51.100.7' };

describe("a defendant's representative", () => {
  it.skipIf(!hasPoppler)('is printed with the name from the case settings, and left out while the name is unknown', async () => {
    const [found] = await handle.db.select().from(cases).where(eq(cases.slug, DEMO_CASE_SLUG));
    const rows = await handle.db.select().from(defendants).where(eq(defendants.caseId, found.id)).orderBy(asc(defendants.position));
    const kt = rows.find((row) => row.nameKo === '주식회사 케이티')!;
    await updateDefendantRepresentative(handle.db, actor, found.id, kt.id, {
      representativeKo: '대표이사',
      representativeEn: 'represented by its CEO',
      representativeNameKo: '김대표',
      representativeNameEn: 'Dae-pyo Kim',
    });
    const caseInfo = await buildCaseInfo(handle.db, found, 'kr');
    const text = pdfText(
      await renderComplaint(
        { case: caseInfo, claimants: demoClaimants(3), hasRepresentativeParty: false },
        {
          format: 'kr',
          language: 'ko',
          now: DEMO_NOW,
        },
      ),
    );
    expect(text).toContain('대표이사 김대표');
    // The other companies have no name on record: no bare "대표이사" line for them.
    expect(text.split('\n').filter((line) => line.trim() === '대표이사')).toEqual([]);
    expect(text.match(/대표이사/g)?.length).toBe(1);
    // The State keeps its office, named or not.
    expect(text).toContain('법률상 대표자 법무부장관');
  });

  it('is changed only within the case it belongs to', async () => {
    const [found] = await handle.db.select().from(cases).where(eq(cases.slug, DEMO_CASE_SLUG));
    await expect(
      updateDefendantRepresentative(handle.db, actor, found.id, '00000000-0000-4000-8000-000000000000', {
        representativeKo: '',
        representativeEn: '',
        representativeNameKo: 'x',
        representativeNameEn: 'x',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
