import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { filings } from '@/db/schema';
import { readVerifiedBlob } from '@/lib/blobs/blobs';
import { preflightPdf } from '@/lib/pdf';
import { hasPoppler, pdfText } from '@/lib/pdf/__fixtures__/poppler';
import { setupTestDatabase } from '@/tests/helpers/database';
import { runQueuedJobs } from '@/tests/helpers/jobs';
import { actAs } from '@/tests/helpers/next-context';
import { readZip } from '@/tests/helpers/zip';
import { createFiling } from './create-filing';
import { FILING_GENERATE_JOB } from './job-kind';
import type { FilingOptions } from './options';
import { listFilingAttachments, listFilingParts } from './queries';
import { parseFilingRequest } from './schemas';
import { SUBMISSION_MANIFEST, type SubmissionFile } from './submission';
import { type FilingWorld, TEST_NOW, createFilingWorld, packetRequest } from './test-world';

vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  ...(await import('@/tests/helpers/next-context')).nextAuthMock,
}));

let handle: DatabaseHandle;
let world: FilingWorld;
/** The annex of a build under the form's default limit: one file. */
let wholeAnnex: { bytes: Uint8Array; pageCount: number; fileName: string };
let builds = 0;

/**
 * Builds a packet of only the party list (and so the annex) for every verified claimant, with
 * the per-file limit set to `limit` before its job runs. The form's smallest limit is 5 MB; a
 * limit of tens of kilobytes stands in for a round of tens of thousands of claimants.
 */
async function buildWithLimit(limit: number | null): Promise<{ filingId: string; version: number }> {
  const ids = world.verified.map((claimant) => claimant.referenceNumber).join('\n');
  const { filingId } = await createFiling(
    handle.db,
    { userId: world.lawyerA.id, ip: null },
    world.caseA,
    parseFilingRequest(
      packetRequest({
        docComplaint: '',
        docAppointment: '',
        powerOfAttorney: 'none',
        docDeclarations: '',
        docExhibits: '',
        claimantSource: 'references',
        references: ids,
        selectionName: `annex parts ${++builds}`,
      }),
    ),
    TEST_NOW,
  );
  const [row] = await handle.db
    .select({ options: filings.options, version: filings.version })
    .from(filings)
    .where(eq(filings.id, filingId));
  if (limit !== null)
    await handle.db
      .update(filings)
      .set({ options: { ...(row.options as FilingOptions), maxPartBytes: limit } })
      .where(eq(filings.id, filingId));
  await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]);
  return { filingId, version: row.version };
}

beforeAll(async () => {
  handle = await setupTestDatabase();
  // Enough rows for an annex of several pages; its embedded fonts are most of a small file.
  world = await createFilingWorld(handle.db, { verified: 60 });
  const { filingId } = await buildWithLimit(null);
  const [annex] = (await listFilingAttachments(handle.db, filingId)).filter((row) => row.kind === 'authority_annex');
  wholeAnnex = { bytes: (await readVerifiedBlob(handle.db, annex.sha256))!, pageCount: annex.pageCount!, fileName: annex.fileName };
}, 180_000);

describe('an authority annex over the per-file limit', () => {
  beforeEach(() => actAs(handle.db, null));

  it('is one file with today’s name when it fits', () => {
    expect(wholeAnnex.fileName).toBe('slammer-2003-v1-authority.pdf');
    expect(wholeAnnex.pageCount).toBeGreaterThan(2);
  });

  it('is stored as numbered parts, each under the limit and passing pre-flight, in order, all in SUBMISSION.json', async () => {
    const limit = Math.floor(wholeAnnex.bytes.byteLength * 0.9);
    const { filingId, version } = await buildWithLimit(limit);
    const [filing] = await handle.db.select().from(filings).where(eq(filings.id, filingId));
    expect(filing.status, filing.error ?? '').toBe('done');

    const attachments = await listFilingAttachments(handle.db, filingId);
    const annex = attachments.filter((row) => row.kind === 'authority_annex');
    expect(annex.length).toBeGreaterThan(1);
    expect(annex.map((row) => row.part)).toEqual(annex.map((_, index) => index + 1));
    expect(annex.map((row) => row.fileName)).toEqual(annex.map((_, index) => `slammer-2003-v${version}-authority-${index + 1}.pdf`));
    // The manifest is data, not a filed PDF: one file whatever the limit.
    expect(attachments.filter((row) => row.kind === 'authority_manifest').map((row) => row.part)).toEqual([1]);

    const references = world.verified.map((claimant) => claimant.referenceNumber ?? '');
    const printed: string[] = [];
    for (const row of annex) {
      const bytes = (await readVerifiedBlob(handle.db, row.sha256))!;
      expect(bytes.byteLength, row.fileName).toBeLessThanOrEqual(limit);
      expect(row.byteSize).toBe(bytes.byteLength);
      const preflight = await preflightPdf(bytes, 'kr', { maxBytes: limit });
      expect(
        preflight.checks.filter((check) => !check.ok),
        row.fileName,
      ).toEqual([]);
      expect(preflight.pageCount).toBe(row.pageCount);
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(pdf.getTitle()).toContain(`(${annex.length}개 중 ${row.part})`);
      if (hasPoppler) {
        const manifest = attachments.find((file) => file.kind === 'authority_manifest')!;
        const text = pdfText(bytes).replace(/\s+/g, ' ');
        // The first part says how every part is checked; every part names the manifest by its hash.
        if (row.part === 1) expect(text).toContain('npm run authority:verify');
        else expect(text).not.toContain('npm run authority:verify');
        expect(text).toContain(`목록 SHA-256: ${manifest.sha256}`);
        printed.push(...references.filter((reference) => text.includes(`(${reference})`)));
      }
    }
    // Split between claimants: each one's rows are in exactly one part, none lost.
    if (hasPoppler) expect(printed.sort()).toEqual([...references].sort());

    const { GET } = await import('@/app/api/cases/[slug]/filings/[version]/submission/route');
    await actAs(handle.db, world.lawyerA.id, { isStaff: true });
    const response = await GET(new Request('http://localhost/dl'), {
      params: Promise.resolve({ slug: 'slammer-2003', version: String(version) }),
    });
    expect(response.status).toBe(200);
    const entries = readZip(Buffer.from(await response.arrayBuffer()));
    const manifest = JSON.parse(entries.get(SUBMISSION_MANIFEST)!.toString('utf8')) as { files: SubmissionFile[] };
    const parts = await listFilingParts(handle.db, filingId);
    expect(manifest.files.map((file) => file.kind)).toEqual([
      ...parts.map(() => 'part'),
      'party_list_xlsx',
      ...annex.map(() => 'authority_annex'),
      'authority_manifest',
    ]);
    const annexFiles = manifest.files.filter((file) => file.kind === 'authority_annex');
    expect(annexFiles.map((file) => file.name)).toEqual(
      annex.map((row, index) => `${String(parts.length + 2 + index).padStart(2, '0')}-${row.fileName}`),
    );
    expect(annexFiles.map((file) => file.sha256)).toEqual(annex.map((row) => row.sha256));
    expect([...entries.keys()].slice(0, -1)).toEqual(manifest.files.map((file) => file.name));
  });

  it('is downloaded part by part; the address without a part stays part 1', async () => {
    const limit = Math.floor(wholeAnnex.bytes.byteLength * 0.9);
    const { filingId, version } = await buildWithLimit(limit);
    const annex = (await listFilingAttachments(handle.db, filingId)).filter((row) => row.kind === 'authority_annex');
    const byKind = await import('@/app/api/cases/[slug]/filings/[version]/attachments/[kind]/route');
    const byPart = await import('@/app/api/cases/[slug]/filings/[version]/attachments/[kind]/[part]/route');
    const params = { slug: 'slammer-2003', version: String(version), kind: 'authority_annex' };
    await actAs(handle.db, world.lawyerA.id, { isStaff: true });
    const first = await byKind.GET(new Request('http://localhost/dl'), { params: Promise.resolve(params) });
    expect(first.headers.get('content-disposition')).toContain(annex[0].fileName);
    for (const row of annex) {
      const response = await byPart.GET(new Request('http://localhost/dl'), {
        params: Promise.resolve({ ...params, part: String(row.part) }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain(row.fileName);
      expect(Buffer.from(await response.arrayBuffer()).byteLength).toBe(row.byteSize);
    }
    const beyond = { ...params, part: String(annex.length + 1) };
    expect((await byPart.GET(new Request('http://localhost/dl'), { params: Promise.resolve(beyond) })).status).toBe(404);
  });
});
