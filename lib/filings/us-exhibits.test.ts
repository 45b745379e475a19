import { execFileSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { evidence, filings } from '@/db/schema';
import { putBlob, readVerifiedBlob } from '@/lib/blobs/blobs';
import { sha256Hex } from '@/lib/crypto/hash';
import { translateKey } from '@/lib/http/route';
import { getTranslator } from '@/lib/i18n/translator';
import { makePhoto } from '@/lib/pdf/__fixtures__/exhibit-files';
import { setupTestDatabase } from '@/tests/helpers/database';
import { runQueuedJobs } from '@/tests/helpers/jobs';
import { actAs } from '@/tests/helpers/next-context';
import { readZip } from '@/tests/helpers/zip';
import { createFiling } from './create-filing';
import { FILING_GENERATE_JOB } from './job-kind';
import type { FilingOptions } from './options';
import { type PartPreflight, listFilingAttachments, listFilingParts } from './queries';
import { parseFilingRequest } from './schemas';
import { SUBMISSION_MANIFEST, type SubmissionFile } from './submission';
import { type FilingWorld, TEST_NOW, createFilingWorld, insertFiledClaimant, packetRequest } from './test-world';

vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  ...(await import('@/tests/helpers/next-context')).nextAuthMock,
}));

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let handle: DatabaseHandle;
let world: FilingWorld;
let filingId: string;

/** A US (CM/ECF) packet of these claimants, built by the job. */
async function buildUsPacket(
  references: string[],
  selectionName: string,
  maxPartBytes?: number,
  overrides: Record<string, string> = {},
): Promise<string> {
  const created = await createFiling(
    handle.db,
    { userId: world.lawyerA.id, ip: null },
    world.caseA,
    parseFilingRequest(
      packetRequest({
        format: 'us',
        language: 'en',
        maxPartMb: '5',
        claimantSource: 'references',
        references: references.join('\n'),
        selectionName,
        ...overrides,
      }),
    ),
    TEST_NOW,
  );
  if (maxPartBytes !== undefined) {
    // The form's smallest limit is 5 MB; a smaller court limit stands in for a larger exhibit.
    const [row] = await handle.db.select({ options: filings.options }).from(filings).where(eq(filings.id, created.filingId));
    await handle.db
      .update(filings)
      .set({ options: { ...(row.options as FilingOptions), maxPartBytes } })
      .where(eq(filings.id, created.filingId));
  }
  await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]);
  return created.filingId;
}

beforeAll(async () => {
  handle = await setupTestDatabase();
  // The first claimant has two files (Exhibit 1-1, 1-2), the others one each (Exhibit 2, 3).
  world = await createFilingWorld(handle.db, { verified: 3 });
  filingId = await buildUsPacket(
    world.verified.map((claimant) => claimant.referenceNumber!),
    'us exhibits',
  );
}, 180_000);

describe('US (CM/ECF) exhibits', () => {
  it('are filed one by one: the main documents, the exhibit index, then every exhibit as its own file under the limit', async () => {
    const [filing] = await handle.db.select().from(filings).where(eq(filings.id, filingId));
    expect(filing.status).toBe('done');
    const limit = (filing.options as FilingOptions).maxPartBytes;
    const parts = await listFilingParts(handle.db, filingId);
    const preflights = parts.map((part) => part.preflight as PartPreflight);
    const groups = preflights.map((preflight) => preflight.group);
    expect(groups.filter((group) => group !== 'main')).toEqual(['exhibitIndex', 'exhibit', 'exhibit', 'exhibit', 'exhibit']);
    expect(groups.indexOf('exhibitIndex')).toBe(groups.lastIndexOf('main') + 1);
    const exhibits = parts.filter((_, index) => groups[index] === 'exhibit');
    expect(exhibits.map((part) => (part.preflight as PartPreflight).exhibit?.label)).toEqual([
      'Exhibit 1-1',
      'Exhibit 1-2',
      'Exhibit 2',
      'Exhibit 3',
    ]);
    for (const part of parts) {
      const preflight = part.preflight as PartPreflight;
      expect(part.byteSize, preflight.documents.join()).toBeLessThanOrEqual(limit);
      expect(preflight.ok, preflight.documents.join()).toBe(true);
      expect(preflight.checks.find((check) => check.id === 'file-size')?.ok).toBe(true);
    }
    // Each exhibit file is its slip sheet and its own pages (the fixture bills have 1 or 2).
    const claimantFiles = await handle.db
      .select({ pageCount: evidence.pageCount, claimantId: evidence.claimantId })
      .from(evidence)
      .where(eq(evidence.caseId, world.caseA.id));
    expect(exhibits.reduce((sum, part) => sum + part.pageCount, 0)).toBe(
      claimantFiles
        .filter((file) => world.verified.some((claimant) => claimant.id === file.claimantId))
        .reduce((sum, file) => sum + 1 + (file.pageCount ?? 1), 0),
    );
    for (const part of exhibits) {
      const bytes = (await readVerifiedBlob(handle.db, part.sha256))!;
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBe(part.pageCount);
      expect(doc.getTitle()).toContain((part.preflight as PartPreflight).exhibit!.label);
    }
  });

  it.skipIf(!hasPoppler)('prints in each exhibit file its own label, not another exhibit', async () => {
    const parts = (await listFilingParts(handle.db, filingId)).filter((part) => (part.preflight as PartPreflight).group === 'exhibit');
    for (const part of parts) {
      const label = (part.preflight as PartPreflight).exhibit!.label;
      const text = execFileSync('pdftotext', ['-', '-'], { input: (await readVerifiedBlob(handle.db, part.sha256))! }).toString('utf8');
      expect(text).toContain(label);
      const others = ['Exhibit 1-1', 'Exhibit 1-2', 'Exhibit 2', 'Exhibit 3'].filter((other) => other !== label);
      for (const other of others) expect(text, `${label} file`).not.toMatch(new RegExp(`${other}(?![-\\d])`));
    }
  });

  it('go into the submission zip in upload order, named by exhibit, with SUBMISSION.json naming each', async () => {
    const { GET } = await import('@/app/api/cases/[slug]/filings/[version]/submission/route');
    await actAs(handle.db, world.lawyerA.id, { isStaff: true });
    const [filing] = await handle.db.select({ version: filings.version }).from(filings).where(eq(filings.id, filingId));
    const response = await GET(new Request('http://localhost/dl'), {
      params: Promise.resolve({ slug: 'slammer-2003', version: String(filing.version) }),
    });
    await actAs(handle.db, null);
    expect(response.status).toBe(200);
    const entries = readZip(Buffer.from(await response.arrayBuffer()));
    const manifest = JSON.parse(entries.get(SUBMISSION_MANIFEST)!.toString('utf8')) as { files: (SubmissionFile & { order: number })[] };
    expect([...entries.keys()]).toEqual([...manifest.files.map((file) => file.name), SUBMISSION_MANIFEST]);
    const parts = await listFilingParts(handle.db, filingId);
    expect(manifest.files.slice(0, parts.length).map((file) => file.sha256)).toEqual(parts.map((part) => part.sha256));
    const exhibits = manifest.files.filter((file) => file.kind === 'exhibit');
    expect(exhibits.map((file) => [file.exhibit, file.name.replace(/^\d+-/, '')])).toEqual([
      ['Exhibit 1-1', `slammer-2003-v${filing.version}-exhibit-1-1.pdf`],
      ['Exhibit 1-2', `slammer-2003-v${filing.version}-exhibit-1-2.pdf`],
      ['Exhibit 2', `slammer-2003-v${filing.version}-exhibit-2.pdf`],
      ['Exhibit 3', `slammer-2003-v${filing.version}-exhibit-3.pdf`],
    ]);
    for (const file of manifest.files) {
      expect(entries.get(file.name)!.byteLength, file.name).toBe(file.byteSize);
      expect(sha256Hex(entries.get(file.name)!), file.name).toBe(file.sha256);
    }
  });

  it('stops the build when one exhibit alone is over the limit: failed, naming it, in both languages, nothing stored', async () => {
    const claimant = await insertFiledClaimant(handle.db, world.caseA.id, { evidenceFiles: 1 });
    const [bill] = await handle.db.select().from(evidence).where(eq(evidence.claimantId, claimant.id));
    const photo = await makePhoto('jpeg', 7, 2400, 2400);
    const limit = 300 * 1024;
    expect(photo.byteLength).toBeGreaterThan(2 * limit);
    await handle.db.insert(evidence).values({
      claimantId: claimant.id,
      caseId: world.caseA.id,
      kind: bill.kind,
      label: 'Photo of the modem',
      originalFilename: 'modem.jpg',
      detectedMime: 'image/jpeg',
      byteSize: photo.byteLength,
      sha256: await putBlob(handle.db, photo, 'image/jpeg'),
      pageCount: 1,
      uploadedBy: bill.uploadedBy,
    });
    // One claimant appoints nobody: no 선정서.
    const failedId = await buildUsPacket([claimant.referenceNumber!], 'exhibit over the limit', limit, { docAppointment: '' });

    const [failed] = await handle.db.select().from(filings).where(eq(filings.id, failedId));
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^filings\.errors\.exhibitTooLarge\|/);
    const english = translateKey(getTranslator('en'), failed.error!);
    expect(english).toContain('Exhibit 1-2');
    expect(english).toContain('modem.jpg');
    expect(translateKey(getTranslator('ko'), failed.error!)).toContain('CM/ECF');
    expect(await listFilingParts(handle.db, failedId)).toEqual([]);
    expect(await listFilingAttachments(handle.db, failedId)).toEqual([]);
  });
});
