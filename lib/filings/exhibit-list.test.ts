import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { evidence, filingClaimants } from '@/db/schema';
import { readVerifiedBlob } from '@/lib/blobs/blobs';
import { hasPoppler, pdfText } from '@/lib/pdf/__fixtures__/poppler';
import type { ClaimantSnapshot } from '@/lib/pdf/types';
import { setupTestDatabase } from '@/tests/helpers/database';
import { runQueuedJobs } from '@/tests/helpers/jobs';
import { createFiling } from './create-filing';
import { FILING_GENERATE_JOB } from './job-kind';
import { listFilingAttachments, listFilingParts } from './queries';
import { parseFilingRequest } from './schemas';
import { type FilingWorld, TEST_NOW, createFilingWorld, packetRequest } from './test-world';

let handle: DatabaseHandle;
let world: FilingWorld;

const LABEL = /갑 제\d+호증(?:의 \d+)?/g;

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createFilingWorld(handle.db, { verified: 3 });
  // Every file of the case gets its own 작성자, 작성일 and 입증취지, except one left blank.
  const files = await handle.db
    .select({ id: evidence.id })
    .from(evidence)
    .where(eq(evidence.caseId, world.caseA.id))
    .orderBy(asc(evidence.id));
  for (const [index, file] of files.entries()) {
    if (index === 0) continue;
    await handle.db
      .update(evidence)
      .set({
        label: `청구서 ${index}`,
        documentAuthor: `작성자${index}`,
        documentDate: `2003-01-${String(10 + index).padStart(2, '0')}`,
        provesWhat: `입증취지${index}`,
      })
      .where(eq(evidence.id, file.id));
  }
});

async function build(values: Record<string, string> = {}) {
  const { filingId } = await createFiling(
    handle.db,
    { userId: world.lawyerA.id, ip: '203.0.113.9' },
    world.caseA,
    parseFilingRequest(packetRequest(values)),
    TEST_NOW,
  );
  await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]);
  return filingId;
}

function uniqueLabels(text: string): string[] {
  return [...new Set(text.match(LABEL) ?? [])];
}

describe('exhibit list (증거목록)', () => {
  it.skipIf(!hasPoppler)(
    'is stored with the packet and lists each exhibit with the bundle’s number, title, author, date and 입증취지, in order',
    async () => {
      const filingId = await build();
      const attachment = (await listFilingAttachments(handle.db, filingId)).find((row) => row.kind === 'exhibit_list');
      expect(attachment?.fileName).toBe('slammer-2003-v1-exhibit-list.pdf');
      expect(attachment?.pageCount).toBeGreaterThan(0);
      const text = pdfText((await readVerifiedBlob(handle.db, attachment!.sha256))!);
      expect(text).toContain('증거목록');
      expect(text).not.toMatch(/undefined|null/);

      const snapshots = await handle.db
        .select({ snapshot: filingClaimants.snapshot })
        .from(filingClaimants)
        .where(eq(filingClaimants.filingId, filingId))
        .orderBy(asc(filingClaimants.position));
      const files = snapshots.flatMap((row) => (row.snapshot as ClaimantSnapshot).evidence);
      expect(files.length).toBeGreaterThan(3);
      const labels = uniqueLabels(text);
      expect(labels[0]).toMatch(/^갑 제1호증/);
      let at = -1;
      for (const file of files) {
        const fields = [
          file.label,
          file.author,
          file.documentDate && file.documentDate.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1. $2. $3.'),
          file.provesWhat,
        ];
        for (const field of fields.filter(Boolean) as string[]) {
          const found = text.indexOf(field, at + 1);
          expect(found, field).toBeGreaterThan(at);
          at = found;
        }
      }
      // The exhibit bundle's index (증 거 목 록) names the same exhibits in the same order.
      const parts = await listFilingParts(handle.db, filingId);
      const packetText = (await Promise.all(parts.map(async (part) => pdfText((await readVerifiedBlob(handle.db, part.sha256))!)))).join(
        '\n',
      );
      const bundleIndex = packetText.slice(packetText.indexOf('증 거 목 록'));
      expect(uniqueLabels(bundleIndex)).toEqual(labels);
      expect(labels.length).toBeGreaterThan(1);
      expect(labels.some((label) => label.includes('의'))).toBe(true);
    },
  );

  it('is not made for a packet without exhibits', async () => {
    const filingId = await build({ docExhibits: '' });
    expect((await listFilingAttachments(handle.db, filingId)).map((row) => row.kind)).not.toContain('exhibit_list');
  });
});
