import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, evidence } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';
import { setupTestDatabase } from '@/tests/helpers/database';
import { describeClaimAnswers, findMissingForReview } from './claim-answers';
import { loadClaimantFile, openClaimantFile } from './claimant-file';
import { contentDisposition, openEvidenceFile } from './evidence-access';
import { addReviewNote } from './notes';
import { type ReviewWorld, createReviewWorld } from './test-world';

let handle: DatabaseHandle;
let world: ReviewWorld;

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createReviewWorld(handle.db, { claimants: 10 });
});

describe('the claimant file', () => {
  it('lists the definition’s questions with their answers in the reader’s language, and what the definition says is missing', async () => {
    const file = await loadClaimantFile(handle.db, world.caseA.id, world.walkthrough.id);
    const { definition, state } = file!.claim!;
    const steps = describeClaimAnswers(definition, state, 'ko');
    const connection = steps.find((step) => step.id === 'connection')!;
    expect(connection.title).toBe('인터넷 회선');
    expect(connection.answers).toEqual(
      expect.arrayContaining([
        { id: 'isp', label: '통신사', value: 'KT (메가패스)' },
        { id: 'service_address', label: '회선을 쓰던 곳의 주소', value: '서울특별시 마포구 월드컵로 12, 302호' },
      ]),
    );
    const english = describeClaimAnswers(definition, state, 'en').find((step) => step.id === 'connection')!;
    expect(english.answers.find((answer) => answer.id === 'isp')).toEqual({ id: 'isp', label: 'Provider', value: 'KT (Megapass)' });
    // The walkthrough never answered the patch questionnaire: the definition names what it lacks.
    const missing = findMissingForReview(definition, state, file!.evidence, file!.damages);
    expect(missing.map((item) => item.questionId)).toEqual(expect.arrayContaining(['ran_sql_server', 'warned']));
    expect(missing.every((item) => item.message.ko && item.message.en)).toBe(true);
    const complete = findMissingForReview(
      definition,
      { ...state, answers: { ...state.answers, ran_sql_server: 'no', warned: 'no' } },
      file!.evidence,
      file!.damages,
    );
    expect(complete.filter((item) => item.kind === 'answer')).toEqual([]);
  });

  it('holds the decrypted details, damages with their total, consents with their records and the evidence', async () => {
    const file = await loadClaimantFile(handle.db, world.caseA.id, world.walkthrough.id);
    expect(file).not.toBeNull();
    expect(file!.details).toEqual({
      phone: '010-2003-0125',
      dateOfBirth: '1975-03-14',
      address: '서울특별시 마포구 월드컵로 12, 302호',
    });
    // The answers as the claim definition holds them, the sealed service address opened for the lawyer.
    expect(file!.claim?.definition.key).toBe('slammer-2003');
    expect(file!.claim?.state.answers).toMatchObject({ isp: 'kt', service_address: '서울특별시 마포구 월드컵로 12, 302호' });
    expect(file!.email).toBe('reviewee@joinder.test');
    expect(file!.damagesTotalKrw).toBe(101_935);
    expect(file!.consents.map((row) => row.consent.kind).sort()).toEqual(['representative_appointment', 'retainer']);
    expect(file!.consents[0].consent).toMatchObject({ signerIp: '198.51.100.7', documentVersion: 1 });
    expect(file!.consents[0].consent.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file!.evidence.map((row) => row.detectedMime).sort()).toEqual(['application/pdf', 'image/jpeg']);
    expect(file!.flags.map((row) => row.flag.reason).sort()).toEqual(['same_evidence', 'same_identity']);
    expect(file!.flags.every((row) => row.otherReference?.startsWith('SLM-'))).toBe(true);
  });

  it('shows every statement version and what the amendment changed', async () => {
    const file = await loadClaimantFile(handle.db, world.caseA.id, world.walkthrough.id);
    const [first, second] = file!.statements;
    expect([first.statement.version, second.statement.version]).toEqual([1, 2]);
    expect(first.changes).toBeNull();
    expect(second.changes!.answers.map((change) => change.key)).toEqual(['outageNoticedAt', 'warned', 'warnedAt']);
    expect(second.changes!.answers.find((change) => change.key === 'warned')).toEqual({
      key: 'warned',
      before: 'none',
      after: 'isp_notice',
    });
    const removed = second
      .changes!.text.filter((part) => part.kind === 'removed')
      .map((part) => part.text)
      .join('');
    const added = second
      .changes!.text.filter((part) => part.kind === 'added')
      .map((part) => part.text)
      .join('');
    expect(removed).toContain('14:40경부터');
    expect(added).toContain('14:35경부터');
    expect(
      second
        .changes!.text.filter((part) => part.kind !== 'removed')
        .map((part) => part.text)
        .join(''),
    ).toBe(second.statement.renderedText);
  });

  it('is not found through another case, and opening it is audited in the same transaction', async () => {
    expect(await loadClaimantFile(handle.db, world.caseB.id, world.walkthrough.id)).toBeNull();
    expect(
      await openClaimantFile(handle.db, { caseId: world.caseB.id, claimantId: world.walkthrough.id, actorId: world.lawyerB.id, ip: null }),
    ).toBeNull();
    const opened = await openClaimantFile(handle.db, {
      caseId: world.caseA.id,
      claimantId: world.walkthrough.id,
      actorId: world.lawyerA.id,
      ip: '192.0.2.4',
    });
    expect(opened?.claimant.id).toBe(world.walkthrough.id);
    const entries = await handle.db.select().from(auditLog).where(eq(auditLog.subjectId, world.walkthrough.id));
    expect(entries.map((entry) => [entry.action, entry.actorUserId])).toEqual([['claimant.viewed', world.lawyerA.id]]);
  });

  it('keeps an internal notes thread', async () => {
    await addReviewNote(handle.db, {
      caseId: world.caseA.id,
      claimantId: world.walkthrough.id,
      body: '  동일인 여부 전화 확인 필요  ',
      actorId: world.lawyerA.id,
      ip: null,
    });
    await expect(
      addReviewNote(handle.db, {
        caseId: world.caseA.id,
        claimantId: world.walkthrough.id,
        body: ' ',
        actorId: world.lawyerA.id,
        ip: null,
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      addReviewNote(handle.db, {
        caseId: world.caseB.id,
        claimantId: world.walkthrough.id,
        body: 'x',
        actorId: world.lawyerB.id,
        ip: null,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const file = await loadClaimantFile(handle.db, world.caseA.id, world.walkthrough.id);
    expect(file!.notes.map((row) => [row.note.body, row.authorName])).toEqual([['동일인 여부 전화 확인 필요', '변호사 데모']]);
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'review.note_added'));
    expect(JSON.stringify(audit.details)).not.toContain('전화');
  });
});

describe('evidence files', () => {
  it('serves the verified bytes inline or as a download and records which', async () => {
    const files = await handle.db.select().from(evidence).where(eq(evidence.claimantId, world.walkthrough.id));
    const pdf = files.find((file) => file.detectedMime === 'application/pdf')!;
    const input = { caseId: world.caseA.id, claimantId: world.walkthrough.id, evidenceId: pdf.id, actorId: world.lawyerA.id, ip: null };
    const viewed = await openEvidenceFile(handle.db, { ...input, disposition: 'inline' });
    expect(sha256Hex(new Uint8Array(await new Response(viewed.stream).arrayBuffer()))).toBe(pdf.sha256);
    expect(viewed.disposition).toBe('inline');
    await (await openEvidenceFile(handle.db, { ...input, disposition: 'attachment' })).stream.cancel();
    const entries = await handle.db.select().from(auditLog).where(eq(auditLog.subjectId, pdf.id));
    expect(entries.map((entry) => entry.action)).toEqual(['evidence.viewed', 'evidence.downloaded']);
    expect(entries[0].details).toMatchObject({ sha256: pdf.sha256, claimantId: world.walkthrough.id });
  });

  it('finds nothing when the evidence id is paired with another claimant or case', async () => {
    const [file] = await handle.db.select().from(evidence).where(eq(evidence.claimantId, world.walkthrough.id));
    const attempt = (caseId: string, claimantId: string) =>
      openEvidenceFile(handle.db, { caseId, claimantId, evidenceId: file.id, disposition: 'inline', actorId: world.lawyerB.id, ip: null });
    await expect(attempt(world.caseB.id, world.walkthrough.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(attempt(world.caseA.id, world.otherCaseClaimant.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await handle.db.select().from(auditLog).where(eq(auditLog.actorUserId, world.lawyerB.id))).length).toBe(0);
  });

  it('names files safely in Content-Disposition, Korean names included', () => {
    expect(contentDisposition('attachment', '요금 "청구서".pdf')).toBe(
      `attachment; filename="__ _____.pdf"; filename*=UTF-8''${encodeURIComponent('요금 "청구서".pdf')}`,
    );
  });
});
