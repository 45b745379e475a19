import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { readVerifiedBlob } from '@/lib/blobs/blobs';
import { setupTestDatabase } from '@/tests/helpers/database';
import { runQueuedJobs } from '@/tests/helpers/jobs';
import { createFiling } from './create-filing';
import { FILING_GENERATE_JOB } from './job-kind';
import { listFilingParts } from './queries';
import { parseFilingRequest } from './schemas';
import { buildClaimantSnapshots } from './snapshot';
import { type FilingWorld, TEST_NOW, createFilingWorld, packetRequest } from './test-world';

/**
 * The papers of a case that is not Slammer read its claim definition (issue 18, item 3): the
 * coupang-2025 demo case's party list has its category column, the complaint its per-category
 * counts and totals, the declarations its statement, in the KR and the US layout.
 */
let handle: DatabaseHandle;
let world: FilingWorld;
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  handle = await setupTestDatabase();
  // Two customers and a marketplace seller.
  world = await createFilingWorld(handle.db, { verified: 1, coupang: 3 });
});

async function generatePacketText(values: Record<string, string>): Promise<string> {
  const actor = { userId: world.lawyerA.id, ip: '203.0.113.9' };
  const filing = await createFiling(
    handle.db,
    actor,
    world.coupangCase,
    parseFilingRequest(packetRequest({ batesPrefix: 'CPG', ...values })),
    TEST_NOW,
  );
  await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]);
  const { filingId } = filing;
  const texts: string[] = [];
  for (const part of await listFilingParts(handle.db, filingId)) {
    const bytes = await readVerifiedBlob(handle.db, part.sha256);
    texts.push(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: bytes! }).toString());
  }
  return texts.join('\n');
}

describe('filing papers from the claim definition (coupang-2025)', () => {
  it('snapshots the category, the party-list dimensions and the damage categories as the definition names them', async () => {
    const [member, , seller] = world.coupangVerified;
    const snapshots = await buildClaimantSnapshots(handle.db, world.coupangCase.id, [member.id, seller.id], 'ko');
    expect(snapshots[0].category).toEqual({ id: 'member', label: { ko: '쿠팡 회원', en: 'Coupang customer' } });
    expect(snapshots[0].dimensions).toEqual({ category: { ko: '쿠팡 회원', en: 'Coupang customer' } });
    expect(snapshots[1].damages.items.map((item) => item.category)).toEqual(['위자료', '실제 손해']);
    expect(snapshots[1].statement?.text).toContain('쿠팡');
  });

  it.skipIf(!hasPoppler)('prints the KR packet: the category column, per-category counts and totals, the declarations', async () => {
    const text = await generatePacketText({ format: 'kr', language: 'ko' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('신청인 유형');
    expect(flat).toContain('마켓플레이스 판매자');
    expect(flat).toMatch(/쿠팡 회원은 2명 ?\(청구금액 합계 [^)]*200,000원\)/);
    expect(flat).toMatch(/마켓플레이스 판매자는 1명 ?\(청구금액 합계 [^)]*350,000원\)/);
    expect(flat).not.toMatch(/\{\{\s*category\./);
    expect(flat.replace(/\s+/g, '')).toContain('진술서');
  });

  it.skipIf(!hasPoppler)('prints the US packet in English: the category column and the per-category sentence', async () => {
    const text = await generatePacketText({ format: 'us', language: 'en' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Category');
    expect(flat).toContain('Coupang customer');
    expect(flat).toMatch(/2 are Coupang customers \(claims totalling [^)]*200,000/);
    expect(flat).toMatch(/1 are marketplace sellers \(claims totalling [^)]*350,000/);
    expect(flat).not.toMatch(/\{\{\s*category\./);
    expect(flat).not.toMatch(/slammer|MS02/i);
    // English papers name people in Latin letters and places in English (issue 18, item 5).
    expect(flat).toContain('Gil-dong Hong');
    expect(flat).toContain('Mapo-gu, Seoul');
    expect(flat).not.toMatch(/서울특별시|부산광역시|경기도/);
  });
});
