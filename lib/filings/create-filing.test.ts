import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, claimantSelections, filingClaimants, filings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { getTranslator } from '@/lib/i18n/translator';
import { translateKey } from '@/lib/http/route';
import type { ClaimantSnapshot } from '@/lib/pdf/types';
import { setupTestDatabase } from '@/tests/helpers/database';
import { listJobs } from '@/tests/helpers/jobs';
import { createFiling } from './create-filing';
import { FILING_GENERATE_JOB } from './job-kind';
import type { FilingOptions } from './options';
import { parseFilingRequest } from './schemas';
import { buildClaimantSnapshots } from './snapshot';
import { type FilingWorld, TEST_NOW, createFilingWorld, packetRequest } from './test-world';

let handle: DatabaseHandle;
let world: FilingWorld;

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createFilingWorld(handle.db);
});

async function fieldErrorsOf(work: () => unknown): Promise<Record<string, string>> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input') return error.fieldErrors ?? {};
    throw error;
  }
  throw new Error('expected invalid_input');
}

describe('packet options', () => {
  it('accepts a complete request and turns checkboxes and numbers into typed values', () => {
    const input = parseFilingRequest(packetRequest({ batesPrefix: ' slm ', maxPartMb: '35', docDeclarations: '' }));
    expect(input).toMatchObject({
      docComplaint: true,
      docDeclarations: false,
      batesPrefix: 'SLM',
      maxPartMb: 35,
      powerOfAttorney: 'combined',
      format: 'kr',
    });
  });

  it('names each wrong field with a key that exists in both catalogs', async () => {
    const errors = await fieldErrorsOf(() =>
      parseFilingRequest({
        ...packetRequest(),
        docComplaint: '',
        docPartyList: '',
        docAppointment: '',
        docDeclarations: '',
        docExhibits: '',
        powerOfAttorney: 'none',
        batesPrefix: 'slm 01!',
        maxPartMb: '80',
        batesStart: '0',
        claimantSource: 'references',
        references: 'SLM-000001, what?',
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(['batesPrefix', 'batesStart', 'documents', 'maxPartMb', 'references', 'selectionName']);
    expect(errors.documents).toBe('filings.validation.noDocuments');
    expect(errors.references).toContain('WHAT?');
    for (const locale of ['ko', 'en'] as const) {
      const t = getTranslator(locale);
      for (const key of Object.values(errors)) expect(translateKey(t, key)).not.toMatch(/^(filings|validation)\./);
    }
    expect(translateKey(getTranslator('ko'), errors.maxPartMb)).toContain('50');
  });
});

describe('claimant snapshots', () => {
  it('decrypts personal fields and freezes damages, consents, the latest statement and evidence hashes', async () => {
    const [first] = await buildClaimantSnapshots(handle.db, world.caseA.id, [world.verified[0].id], 'ko');
    expect(first).toMatchObject({
      referenceNumber: world.verified[0].referenceNumber,
      legalName: '홍길동',
      dateOfBirth: '1971-04-12',
      address: '서울특별시 마포구 월드컵로 12, 302호',
      phone: '010-2003-0125',
    });
    expect(first.damages.totalKrw).toBe(51_935);
    expect(first.damages.items.map((item) => item.category)).toEqual(['장애 기간 이용요금', '데이터 손실']);
    expect(first.category).toEqual({ id: 'home_subscriber', label: { ko: '가정 가입자', en: 'Home subscriber' } });
    expect(first.dimensions).toMatchObject({ isp: { ko: 'KT (메가패스)', en: 'KT (Megapass)' }, line_type: { ko: 'ADSL', en: 'ADSL' } });
    expect(first.consents.map((consent) => consent.kind).sort()).toEqual(['representative_appointment', 'retainer']);
    expect(first.consents[0].textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.statement?.text).toContain('MSDE');
    expect(first.evidence).toHaveLength(2);
    expect(first.evidence.every((file) => /^[0-9a-f]{64}$/.test(file.sha256))).toBe(true);
    expect(JSON.stringify(first)).not.toContain(world.verified[0].addressEncrypted ?? '-');
  });

  it('takes only verified claimants of the case, whatever ids it is given', async () => {
    const ids = [world.verified[1].id, world.submitted.id, world.otherCaseClaimant.id, world.verified[0].id];
    const snapshots = await buildClaimantSnapshots(handle.db, world.caseA.id, ids, 'en');
    expect(snapshots.map((snapshot) => snapshot.id)).toEqual([world.verified[1].id, world.verified[0].id]);
    expect(snapshots[0].damages.items[1].category).toBe('Data loss');
  });
});

describe('createFiling', () => {
  const actor = () => ({ userId: world.lawyerA.id, ip: '203.0.113.9' });

  it('writes the filing, its snapshot, the job and the audit row together, numbering versions per case', async () => {
    const first = await createFiling(handle.db, actor(), world.caseA, parseFilingRequest(packetRequest()), TEST_NOW);
    const second = await createFiling(
      handle.db,
      actor(),
      world.caseA,
      parseFilingRequest(packetRequest({ format: 'us', language: 'en' })),
      TEST_NOW,
    );
    expect([first.version, second.version]).toEqual([1, 2]);

    const [row] = await handle.db.select().from(filings).where(eq(filings.id, first.filingId));
    const options = row.options as FilingOptions;
    expect(row.status).toBe('queued');
    expect(options).toMatchObject({
      format: 'kr',
      language: 'ko',
      bates: { prefix: 'SLM', start: 1 },
      maxPartBytes: 20 * 1024 * 1024,
      documentDate: TEST_NOW.toISOString(),
    });
    expect(options.caseInfo.defendants).toHaveLength(7);
    expect(options.caseInfo.counsel.attorneys.map((attorney) => attorney.name.ko)).toEqual(['변호사 데모']);
    expect(options.caseInfo.templates.causesOfAction.ko).toContain('# 1. 당사자들의 지위');
    expect(options.representativeClaimantIds).toHaveLength(1);

    const held = await handle.db
      .select()
      .from(filingClaimants)
      .where(eq(filingClaimants.filingId, first.filingId))
      .orderBy(filingClaimants.position);
    const verifiedIds = [...world.verified, world.withoutAppointment].map((claimant) => claimant.id).sort();
    expect(held.map((entry) => entry.claimantId).sort()).toEqual(verifiedIds);
    expect((held[0].snapshot as ClaimantSnapshot).dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const queued = await listJobs(handle.db, FILING_GENERATE_JOB);
    expect(queued.map((job) => job.data.filingId)).toEqual(expect.arrayContaining([first.filingId, second.filingId]));
    // The filing names its job: one owner of the run, no lookup through the payload.
    const [named] = await handle.db.select({ jobId: filings.jobId }).from(filings).where(eq(filings.id, first.filingId));
    expect(queued.find((job) => job.data.filingId === first.filingId)?.id).toBe(named.jobId);
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'filing.requested'), eq(auditLog.subjectId, first.filingId)));
    expect(audit).toMatchObject({ actorUserId: world.lawyerA.id, caseId: world.caseA.id, ip: '203.0.113.9' });
    expect(audit.details).toMatchObject({ version: 1, claimants: 5, format: 'kr' });
    expect(JSON.stringify(audit.details)).not.toContain('홍길동');
  });

  it('saves a pasted list of reference numbers as a selection and files exactly those, in that order', async () => {
    const refs = [world.verified[2].referenceNumber, world.verified[0].referenceNumber].join('\n');
    const { filingId } = await createFiling(
      handle.db,
      actor(),
      world.caseA,
      parseFilingRequest(packetRequest({ claimantSource: 'references', references: refs, selectionName: '1차 제출' })),
      TEST_NOW,
    );
    const held = await handle.db
      .select()
      .from(filingClaimants)
      .where(eq(filingClaimants.filingId, filingId))
      .orderBy(filingClaimants.position);
    expect(held.map((entry) => entry.claimantId)).toEqual([world.verified[2].id, world.verified[0].id]);
    const [selection] = await handle.db.select().from(claimantSelections).where(eq(claimantSelections.name, '1차 제출'));
    expect(selection.claimantIds).toEqual([world.verified[2].id, world.verified[0].id]);

    const again = await createFiling(
      handle.db,
      actor(),
      world.caseA,
      parseFilingRequest(packetRequest({ claimantSource: 'selection', selectionId: selection.id })),
      TEST_NOW,
    );
    expect((await handle.db.select().from(filingClaimants).where(eq(filingClaimants.filingId, again.filingId))).length).toBe(2);
  });

  it('refuses claimants who are not verified or belong to another case, naming them, and saves nothing', async () => {
    const before = (await handle.db.select().from(filings)).length;
    const refs = [world.verified[0].referenceNumber, world.submitted.referenceNumber, world.otherCaseClaimant.referenceNumber].join(' ');
    const errors = await fieldErrorsOf(() =>
      createFiling(
        handle.db,
        actor(),
        world.caseA,
        parseFilingRequest(packetRequest({ claimantSource: 'references', references: refs, selectionName: '혼합' })),
        TEST_NOW,
      ),
    );
    expect(errors.references).toContain('filings.validation.unknownReferences');
    expect(errors.references).toContain(world.otherCaseClaimant.referenceNumber!);
    const notVerified = await fieldErrorsOf(() =>
      createFiling(
        handle.db,
        actor(),
        world.caseA,
        parseFilingRequest(
          packetRequest({
            claimantSource: 'references',
            references: `${world.verified[0].referenceNumber} ${world.submitted.referenceNumber}`,
            selectionName: '혼합',
          }),
        ),
        TEST_NOW,
      ),
    );
    expect(notVerified.references).toContain(world.submitted.referenceNumber!);
    expect((await handle.db.select().from(filings)).length).toBe(before);
    expect(await handle.db.select().from(claimantSelections).where(eq(claimantSelections.name, '혼합'))).toEqual([]);
  });

  it('refuses a selection of another case and a representative outside the filing', async () => {
    const [foreign] = await handle.db
      .insert(claimantSelections)
      .values({ caseId: world.caseB.id, name: 'B', claimantIds: [world.otherCaseClaimant.id] })
      .returning();
    const errors = await fieldErrorsOf(() =>
      createFiling(
        handle.db,
        actor(),
        world.caseA,
        parseFilingRequest(packetRequest({ claimantSource: 'selection', selectionId: foreign.id })),
        TEST_NOW,
      ),
    );
    expect(errors.selectionId).toBe('validation.choose');
    const representative = await fieldErrorsOf(() =>
      createFiling(
        handle.db,
        actor(),
        world.caseA,
        parseFilingRequest(packetRequest({ representativeReference: world.submitted.referenceNumber! })),
        TEST_NOW,
      ),
    );
    expect(representative.representativeReference).toBe('filings.validation.representativeNotIncluded');
  });

  it('checks what the chosen documents need: an appointer for the 선정서', async () => {
    const refs = world.withoutAppointment.referenceNumber!;
    const errors = await fieldErrorsOf(() =>
      createFiling(
        handle.db,
        actor(),
        world.caseA,
        parseFilingRequest(packetRequest({ claimantSource: 'references', references: refs, selectionName: '단독' })),
        TEST_NOW,
      ),
    );
    expect(errors.docAppointment).toBe('filings.validation.noAppointers');
  });
});
