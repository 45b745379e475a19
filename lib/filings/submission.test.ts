import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { type User, auditLog, claimants, filingClaimants } from '@/db/schema';
import { readVerifiedBlob } from '@/lib/blobs/blobs';
import { encryptField } from '@/lib/crypto/field-encryption';
import { sha256Hex } from '@/lib/crypto/hash';
import type { ClaimantSnapshot } from '@/lib/pdf/types';
import { setupTestDatabase } from '@/tests/helpers/database';
import { runQueuedJobs } from '@/tests/helpers/jobs';
import { actAs } from '@/tests/helpers/next-context';
import { readZip } from '@/tests/helpers/zip';
import { createFiling } from './create-filing';
import { FILING_GENERATE_JOB } from './job-kind';
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
let filingId: string;

async function buildPacket(overrides: Record<string, string>): Promise<string> {
  const ids = world.verified.map((claimant) => claimant.referenceNumber).join('\n');
  const created = await createFiling(
    handle.db,
    { userId: world.lawyerA.id, ip: null },
    world.caseA,
    parseFilingRequest(packetRequest({ docExhibits: '', claimantSource: 'references', references: ids, ...overrides })),
    TEST_NOW,
  );
  await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]);
  return created.filingId;
}

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createFilingWorld(handle.db, { verified: 3 });
  // A minor joins through both parents, who hold the account and sign.
  await handle.db
    .update(claimants)
    .set({
      isMinor: true,
      guardianRelation: 'parents',
      guardianNames: ['김아버지', '이어머니'],
      dateOfBirthEncrypted: encryptField('2013-06-01'),
    })
    .where(eq(claimants.id, world.verified[1].id));
  filingId = await buildPacket({ selectionName: 'submission test' });
}, 120_000);

describe('party list as XLSX', () => {
  it('is stored with the packet: the printed columns, one row per claimant, a minor with the legal representative, text kept as text', async () => {
    const attachment = (await listFilingAttachments(handle.db, filingId)).find((row) => row.kind === 'party_list_xlsx');
    expect(attachment).toMatchObject({ fileName: 'slammer-2003-v1-party-list.xlsx', pageCount: null });
    const bytes = (await readVerifiedBlob(handle.db, attachment!.sha256))!;
    expect(attachment!.byteSize).toBe(bytes.byteLength);
    const workbook = new ExcelJS.Workbook();
    // exceljs types its Buffer as an ArrayBuffer; at run time it reads either.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['당사자목록']);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['번호', '성명', '생년월일', '주소']);
    expect(header.slice(-3)).toEqual(['청구금액', '법정대리인', '접수번호']);
    expect(sheet.actualRowCount).toBe(1 + world.verified.length);

    const snapshots = (
      await handle.db
        .select({ snapshot: filingClaimants.snapshot })
        .from(filingClaimants)
        .where(eq(filingClaimants.filingId, filingId))
        .orderBy(filingClaimants.position)
    ).map((row) => row.snapshot as ClaimantSnapshot);
    snapshots.forEach((snapshot, index) => {
      const cells = (sheet.getRow(index + 2).values as unknown[]).slice(1);
      expect(cells[0]).toBe(index + 1);
      expect(cells[1]).toBe(snapshot.legalName);
      expect(cells[3]).toBe(snapshot.address);
      expect(cells.at(-3)).toBe(snapshot.damages.totalKrw);
      expect(cells.at(-1)).toBe(snapshot.referenceNumber);
    });
    const minorIndex = snapshots.findIndex((snapshot) => snapshot.id === world.verified[1].id);
    const minor = sheet.getRow(minorIndex + 2);
    expect(minor.getCell(3).value).toBe('2013. 6. 1.');
    expect(minor.getCell(3).numFmt).toBe('@');
    expect(minor.getCell(header.length - 1).value).toBe('법정대리인(친권자 부모) 김아버지, 이어머니');
    expect(sheet.getRow(2).getCell(header.length - 1).value).toBeFalsy();
  });

  it('is not made for a packet without the printed party list', async () => {
    const withoutList = await buildPacket({ docPartyList: '', selectionName: 'no party list' });
    const kinds = (await listFilingAttachments(handle.db, withoutList)).map((row) => row.kind);
    expect(kinds).toEqual(['authority_annex', 'authority_manifest']);
  });
});

describe('GET /api/cases/[slug]/filings/[version]/submission', () => {
  const context = (params: { slug: string; version: string }) => ({ params: Promise.resolve(params) });
  const signInAs = (user: User | null) => actAs(handle.db, user?.id ?? null, { isStaff: true });
  beforeEach(() => actAs(handle.db, null));

  it('streams the parts, then the party list, the annex and its manifest, with a manifest whose sizes and hashes match', async () => {
    const { GET } = await import('@/app/api/cases/[slug]/filings/[version]/submission/route');
    await signInAs(world.lawyerA);
    const response = await GET(new Request('http://localhost/dl'), context({ slug: 'slammer-2003', version: '1' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="slammer-2003-filing-v1-submission\.zip"/);
    const entries = readZip(Buffer.from(await response.arrayBuffer()));
    const names = [...entries.keys()];
    expect(names.at(-1)).toBe(SUBMISSION_MANIFEST);
    const manifest = JSON.parse(entries.get(SUBMISSION_MANIFEST)!.toString('utf8')) as {
      filingVersion: number;
      files: (SubmissionFile & { order: number })[];
    };
    expect(manifest.filingVersion).toBe(1);
    expect(manifest.files.map((file) => file.name)).toEqual(names.slice(0, -1));

    const parts = await listFilingParts(handle.db, filingId);
    expect(manifest.files.map((file) => file.kind)).toEqual([
      ...parts.map(() => 'part'),
      'party_list_xlsx',
      'authority_annex',
      'authority_manifest',
    ]);
    expect(names[0]).toBe(`01-slammer-2003-filing-v1-part-1-of-${parts.length}.pdf`);
    expect(names.slice(-4, -1)).toEqual([
      `0${parts.length + 1}-slammer-2003-v1-party-list.xlsx`,
      `0${parts.length + 2}-slammer-2003-v1-authority.pdf`,
      `0${parts.length + 3}-slammer-2003-v1-authority.json`,
    ]);
    for (const file of manifest.files) {
      const entry = entries.get(file.name)!;
      expect(file.byteSize, file.name).toBe(entry.byteLength);
      expect(file.sha256, file.name).toBe(sha256Hex(entry));
    }
    expect(manifest.files[0].pageCount).toBe(parts[0].pageCount);
    expect(manifest.files.find((file) => file.kind === 'party_list_xlsx')!.pageCount).toBeNull();

    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'filing.downloaded'), eq(auditLog.subjectId, filingId)));
    expect(audit.actorUserId).toBe(world.lawyerA.id);
    expect((audit.details as { submission: unknown[] }).submission).toHaveLength(manifest.files.length);
  });

  it('refuses everyone but the lawyers of the case, and a version that is not finished, as not found', async () => {
    const { GET } = await import('@/app/api/cases/[slug]/filings/[version]/submission/route');
    for (const [name, user, version, status] of [
      ['anonymous', null, '1', 401],
      ['lawyer of another case', world.lawyerB, '1', 404],
      ['claimant', world.claimantUser, '1', 404],
      ['no such version', world.lawyerA, '99', 404],
    ] as const) {
      await signInAs(user);
      const response = await GET(new Request('http://localhost/dl'), context({ slug: 'slammer-2003', version }));
      expect(response.status, name).toBe(status);
      await actAs(handle.db, null);
    }
  });
});
