import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database, DatabaseHandle } from '@/db/client';
import { type User, auditLog, blobs, claimants, consents, filingAttachments, filings, statements, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { readVerifiedBlob } from '@/lib/blobs/blobs';
import { encryptField } from '@/lib/crypto/field-encryption';
import { sha256Hex } from '@/lib/crypto/hash';
import { translateKey } from '@/lib/http/route';
import { getTranslator } from '@/lib/i18n/translator';
import { preflightPdf } from '@/lib/pdf';
import { setupTestDatabase } from '@/tests/helpers/database';
import { runQueuedJobs } from '@/tests/helpers/jobs';
import { actAs } from '@/tests/helpers/next-context';
import { type AuthorityManifest, authorityManifestSchema } from './authority-manifest';
import { createFiling } from './create-filing';
import { discardDraftsHolding } from './discard-drafts';
import { FILING_GENERATE_JOB } from './job-kind';
import { loadAuthorityManifest } from './load-authority';
import type { FilingOptions } from './options';
import { listFilingAttachments, listFilingParts } from './queries';
import { parseFilingRequest } from './schemas';
import { type FilingWorld, TEST_NOW, createFilingWorld, packetRequest } from './test-world';
import { type AuthorityVerification, verifyAuthorityManifest } from './verify-authority';

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
let manifest: AuthorityManifest;
let manifestBytes: Uint8Array;
let annexBytes: Uint8Array;

/** The audit rows real signing writes (lib/consents/sign.ts, lib/statements/sign.ts); the test world inserts signatures directly. */
async function auditSignatures(db: Database, claimantIds: string[]) {
  for (const row of await db.select().from(consents).where(inArray(consents.claimantId, claimantIds)))
    await recordAudit(db, {
      action: 'consent.signed',
      actorUserId: null,
      caseId: row.caseId,
      subjectType: 'consent',
      subjectId: row.id,
      ip: row.signerIp,
      details: { claimantId: row.claimantId, kind: row.kind, documentVersion: row.documentVersion, textSha256: row.textSha256 },
    });
  for (const row of await db.select().from(statements).where(inArray(statements.claimantId, claimantIds)))
    await recordAudit(db, {
      action: 'statement.signed',
      actorUserId: null,
      caseId: row.caseId,
      subjectType: 'statement',
      subjectId: row.id,
      ip: row.signerIp,
      details: { claimantId: row.claimantId, version: row.version, textSha256: row.textSha256 },
    });
}

beforeAll(async () => {
  handle = await setupTestDatabase();
  world = await createFilingWorld(handle.db, { verified: 3 });
  const [, minor] = world.verified;
  // A minor joins through both parents, who hold the account and sign.
  await handle.db
    .update(claimants)
    .set({
      isMinor: true,
      guardianRelation: 'parents',
      guardianNames: ['김아버지', '이어머니'],
      dateOfBirthEncrypted: encryptField('2013-06-01'),
    })
    .where(eq(claimants.id, minor.id));
  await auditSignatures(
    handle.db,
    world.verified.map((claimant) => claimant.id),
  );
  const ids = world.verified.map((claimant) => claimant.referenceNumber).join('\n');
  const created = await createFiling(
    handle.db,
    { userId: world.lawyerA.id, ip: null },
    world.caseA,
    parseFilingRequest(packetRequest({ docExhibits: '', claimantSource: 'references', references: ids, selectionName: 'authority test' })),
    TEST_NOW,
  );
  filingId = created.filingId;
  await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]);
  const attachments = await listFilingAttachments(handle.db, filingId);
  const byKind = new Map(attachments.map((row) => [row.kind, row]));
  annexBytes = (await readVerifiedBlob(handle.db, byKind.get('authority_annex')!.sha256))!;
  manifestBytes = (await readVerifiedBlob(handle.db, byKind.get('authority_manifest')!.sha256))!;
  manifest = authorityManifestSchema.parse(JSON.parse(Buffer.from(manifestBytes).toString('utf8')));
});

/** Changes the database as a superuser could (triggers off), verifies, and rolls everything back. */
async function verifyAfter(tamper: (tx: Database) => Promise<void>): Promise<AuthorityVerification> {
  let report: AuthorityVerification | undefined;
  await handle.db
    .transaction(async (tx) => {
      await tamper(tx);
      report = await verifyAuthorityManifest(tx, manifest);
      tx.rollback();
    })
    .catch((error: Error) => {
      if (!/rollback/i.test(error.message)) throw error;
    });
  return report!;
}

describe('proof of authority', () => {
  it('is built with the packet: an annex PDF and its manifest, stored as blobs and recorded as attachments', async () => {
    const [filing] = await handle.db.select().from(filings).where(eq(filings.id, filingId));
    expect(filing.status).toBe('done');
    const attachments = await listFilingAttachments(handle.db, filingId);
    expect(attachments.map((row) => [row.kind, row.fileName])).toEqual([
      ['authority_annex', 'slammer-2003-v1-authority.pdf'],
      ['authority_manifest', 'slammer-2003-v1-authority.json'],
      ['party_list_xlsx', 'slammer-2003-v1-party-list.xlsx'],
    ]);
    expect(attachments[0].pageCount).toBeGreaterThan(0);
    expect(attachments[1].pageCount).toBeNull();
    expect(attachments[1].sha256).toBe(sha256Hex(manifestBytes));
    expect(attachments[1].byteSize).toBe(manifestBytes.byteLength);
    expect(Buffer.from(annexBytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('lists every claimant with what the database holds: name, birth date, e-mail verified, guardian, signatures and their audit entries', async () => {
    expect(manifest).toMatchObject({ version: 1, filing: { id: filingId, version: 1, caseSlug: 'slammer-2003' } });
    expect(manifest.claimants.map((entry) => entry.claimantId)).toEqual(world.verified.map((claimant) => claimant.id));
    for (const entry of manifest.claimants) {
      const [person] = await handle.db
        .select({ email: users.email, verifiedAt: users.emailVerifiedAt })
        .from(claimants)
        .innerJoin(users, eq(users.id, claimants.userId))
        .where(eq(claimants.id, entry.claimantId));
      expect(entry.email).toEqual({ address: person.email, verifiedAt: person.verifiedAt!.toISOString() });
      expect(entry.phone.verifiedAt).toBeNull();
      const signed = await handle.db.select().from(consents).where(eq(consents.claimantId, entry.claimantId));
      const statement = await handle.db.select().from(statements).where(eq(statements.claimantId, entry.claimantId));
      expect(entry.documents.map((document) => [document.id, document.textSha256]).sort()).toEqual(
        [...signed, ...statement].map((row) => [row.id, row.textSha256]).sort(),
      );
      const audits = await handle.db
        .select()
        .from(auditLog)
        .where(
          inArray(
            auditLog.subjectId,
            entry.documents.map((document) => document.id),
          ),
        );
      expect(entry.auditEntries.map((audit) => [audit.id, audit.hash]).sort()).toEqual(audits.map((row) => [row.id, row.hash]).sort());
      expect(entry.auditEntries).toHaveLength(entry.documents.length);
    }
    expect(manifest.claimants[1]).toMatchObject({
      isMinor: true,
      dateOfBirth: '2013-06-01',
      guardian: { relation: 'parents', names: ['김아버지', '이어머니'] },
    });
    expect(manifest.claimants[0].guardian).toBeNull();
  });

  it('names the guardian the filing froze, not one put on the record after it', async () => {
    const [, minor] = world.verified;
    await handle.db
      .update(claimants)
      .set({ guardianRelation: 'guardian', guardianNames: ['나중후견인'] })
      .where(eq(claimants.id, minor.id));
    try {
      const reloaded = await loadAuthorityManifest(handle.db, filingId, TEST_NOW);
      expect(reloaded.claimants[1]).toMatchObject({ isMinor: true, guardian: { relation: 'parents', names: ['김아버지', '이어머니'] } });
    } finally {
      await handle.db
        .update(claimants)
        .set({ guardianRelation: 'parents', guardianNames: ['김아버지', '이어머니'] })
        .where(eq(claimants.id, minor.id));
    }
  });

  it.runIf(hasPoppler)(
    'prints one row per appointing party, the guardian, the hashes and how to verify, with the manifest SHA-256',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'authority-'));
      const file = path.join(dir, 'annex.pdf');
      fs.writeFileSync(file, annexBytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('선정 및 소송위임 확인서');
      for (const entry of manifest.claimants) {
        expect(text).toContain(entry.legalName);
        expect(text).toContain(entry.referenceNumber);
        for (const document of entry.documents) expect(text).toContain(document.textSha256);
        for (const audit of entry.auditEntries) expect(text).toContain(audit.hash);
      }
      expect(text).toContain('법정대리인(친권자 부모) 김아버지, 이어머니');
      expect(text).toContain('인증하지 않음');
      expect(text).toContain(`목록 SHA-256: ${sha256Hex(manifestBytes)}`);
      expect(text).toContain('npm run authority:verify -- slammer-2003-v1-authority.json');
      execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(dir, 'page')]);
      if (process.env.AUTHORITY_ANNEX_OUT) fs.cpSync(dir, process.env.AUTHORITY_ANNEX_OUT, { recursive: true });
      expect(fs.readdirSync(dir).some((name) => name.endsWith('.png'))).toBe(true);
    },
  );

  it('verifies on an intact database', async () => {
    const report = await verifyAuthorityManifest(handle.db, manifest);
    expect(report.problems).toEqual([]);
    expect(report.rows.map((row) => row.ok)).toEqual([true, true, true]);
    expect(report.ok).toBe(true);
  });

  it("fails naming the row whose consent's text hash was changed", async () => {
    const target = manifest.claimants[2].documents.find((document) => document.kind === 'retainer')!;
    const report = await verifyAfter(async (tx) => {
      await tx.execute(sql`alter table consents disable trigger consents_immutable`);
      await tx
        .update(consents)
        .set({ textSha256: 'f'.repeat(64) })
        .where(eq(consents.id, target.id));
    });
    expect(report.ok).toBe(false);
    expect(report.rows.map((row) => row.ok)).toEqual([true, true, false]);
    expect(report.rows[2].problems.join('\n')).toContain(
      `retainer v${target.version} (${target.id}): the signature records ${'f'.repeat(64)}`,
    );
  });

  it('fails naming the row whose consent was revoked after the build', async () => {
    const target = manifest.claimants[0].documents.find((document) => document.kind === 'representative_appointment')!;
    const report = await verifyAfter(async (tx) => {
      await tx
        .update(consents)
        .set({ revokedAt: new Date('2026-03-05T00:00:00Z') })
        .where(eq(consents.id, target.id));
    });
    expect(report.rows.map((row) => row.ok)).toEqual([false, true, true]);
    expect(report.rows[0].problems).toEqual([
      `representative_appointment v${target.version} (${target.id}): revoked on 2026-03-05T00:00:00.000Z`,
    ]);
  });

  it('fails naming the row whose audit entry was edited, and the broken chain', async () => {
    const target = manifest.claimants[0].auditEntries[0];
    const report = await verifyAfter(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await tx.update(auditLog).set({ ip: '192.0.2.66' }).where(eq(auditLog.id, target.id));
    });
    expect(report.ok).toBe(false);
    expect(report.rows.map((row) => row.ok)).toEqual([false, true, true]);
    expect(report.rows[0].problems).toEqual([
      `audit entry ${target.id} (${target.action}, seq ${target.seq}): its content no longer matches its keyed hash`,
    ]);
    expect(report.problems.join('\n')).toContain(`the audit chain ${manifest.auditChain} breaks at entry ${target.seq} (hash)`);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'npm run authority:verify exits 0 on the intact database, 1 naming the row after tampering, 2 for a file that is not a manifest',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'authority-cli-'));
      const good = path.join(dir, 'manifest.json');
      fs.writeFileSync(good, manifestBytes);
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, '{"version":1}');
      const run = (file: string) =>
        new Promise<{ code: number; out: string }>((resolve) => {
          execFile('npx', ['tsx', 'lib/filings/authority-verify-cli.ts', file], { env: process.env }, (error, stdout, stderr) =>
            resolve({ code: error ? Number((error as { code?: number }).code) : 0, out: stdout + stderr }),
          );
        });
      const ok = await run(good);
      expect(ok.out).toContain(`SHA-256 ${sha256Hex(manifestBytes)}`);
      expect(ok.out).toContain('OK: every row holds.');
      expect(ok.code).toBe(0);
      expect((await run(bad)).code).toBe(2);

      // The CLI is another process: the change must be committed for it to see it, then undone.
      const entry = manifest.claimants[1];
      const target = entry.documents.find((document) => document.kind === 'representative_appointment')!;
      const setHash = (hash: string) =>
        handle.db.transaction(async (tx) => {
          await tx.execute(sql`alter table consents disable trigger consents_immutable`);
          await tx.update(consents).set({ textSha256: hash }).where(eq(consents.id, target.id));
          await tx.execute(sql`alter table consents enable trigger consents_immutable`);
        });
      await setHash('e'.repeat(64));
      const broken = await run(good).finally(() => setHash(target.textSha256));
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`BROKEN  row 2 (${entry.referenceNumber} ${entry.legalName})`);
      expect(broken.out).toContain(`The manifest no longer matches the database for row 2 (${entry.referenceNumber}).`);
    },
    90_000,
  );
});

describe('pre-flight of the annex', () => {
  it('passes the checks the packet parts pass, against the same per-file limit', async () => {
    const [filing] = await handle.db.select({ options: filings.options }).from(filings).where(eq(filings.id, filingId));
    const preflight = await preflightPdf(annexBytes, 'kr', { maxBytes: (filing.options as FilingOptions).maxPartBytes });
    expect(preflight.checks.filter((check) => !check.ok)).toEqual([]);
  });

  // An annex over the limit is split into parts (annex-parts.test.ts); only one that cannot be split refuses.
  it('stops a build whose annex cannot be split under the per-file limit (a page alone is larger): failed with a translated message, nothing stored', async () => {
    const ids = world.verified.map((claimant) => claimant.referenceNumber).join('\n');
    const { filingId: overLimit } = await createFiling(
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
          selectionName: 'annex over the limit',
        }),
      ),
      TEST_NOW,
    );
    // The form's smallest limit is 5 MB; one this small is below the embedded fonts each page
    // of the two-page annex needs, so no split fits. The one-page party list still fits under it.
    const [row] = await handle.db.select({ options: filings.options }).from(filings).where(eq(filings.id, overLimit));
    const limit = Math.floor(annexBytes.byteLength * 0.8);
    await handle.db
      .update(filings)
      .set({ options: { ...(row.options as FilingOptions), maxPartBytes: limit } })
      .where(eq(filings.id, overLimit));
    await runQueuedJobs(handle.db, [FILING_GENERATE_JOB]);

    const [failed] = await handle.db.select().from(filings).where(eq(filings.id, overLimit));
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^filings\.errors\.attachmentTooLarge\|/);
    expect(translateKey(getTranslator('ko'), failed.error!)).toContain('선정 및 소송위임 확인서');
    expect(translateKey(getTranslator('en'), failed.error!)).toContain('confirmation of appointment and power of attorney');
    expect(await listFilingParts(handle.db, overLimit)).toEqual([]);
    expect(await listFilingAttachments(handle.db, overLimit)).toEqual([]);
  });
});

describe('the attachments route', () => {
  const context = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
  const signInAs = (user: User | null) => actAs(handle.db, user?.id ?? null, { isStaff: true });
  beforeEach(() => actAs(handle.db, null));

  it('streams the manifest to the lawyer of the case, audited, and refuses everyone else as not found', async () => {
    const { GET } = await import('@/app/api/cases/[slug]/filings/[version]/attachments/[kind]/route');
    const params = { slug: 'slammer-2003', version: '1', kind: 'authority_manifest' };
    for (const [name, user, status] of [
      ['anonymous', null, 401],
      ['lawyer of the case', world.lawyerA, 200],
      ['lawyer of another case', world.lawyerB, 404],
      ['claimant', world.claimantUser, 404],
    ] as const) {
      await signInAs(user);
      const response = await GET(new Request('http://localhost/dl'), context(params));
      expect(response.status, name).toBe(status);
      if (status === 200) {
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="slammer-2003-v1-authority\.json"/);
        expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(manifestBytes))).toBe(true);
      }
      await actAs(handle.db, null);
    }
    await signInAs(world.lawyerA);
    expect((await GET(new Request('http://localhost/dl'), context({ ...params, kind: 'party_list' }))).status).toBe(404);
    const downloads = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'filing.downloaded'), eq(auditLog.subjectId, filingId)));
    expect(downloads.map((row) => row.actorUserId)).toEqual([world.lawyerA.id]);
    expect(downloads[0].details).toMatchObject({ version: 1, attachment: 'authority_manifest', sha256: sha256Hex(manifestBytes) });
  });
});

describe('erasure of a claimant on the draft', () => {
  it('discards the attachments with the parts, and their blobs', async () => {
    const attachments = await listFilingAttachments(handle.db, filingId);
    await handle.db.transaction((tx) => discardDraftsHolding(tx, [world.verified[0].id], world.adminA.id, null));
    expect(await listFilingAttachments(handle.db, filingId)).toEqual([]);
    const left = await handle.db
      .select({ sha256: blobs.sha256 })
      .from(blobs)
      .where(
        inArray(
          blobs.sha256,
          attachments.map((row) => row.sha256),
        ),
      );
    expect(left).toEqual([]);
    const [discarded] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'filing.discarded'), eq(auditLog.subjectId, filingId)));
    expect(discarded.details).toMatchObject({ attachments: 3 });
    expect(await handle.db.select().from(filingAttachments).where(eq(filingAttachments.filingId, filingId))).toEqual([]);
  });
});
