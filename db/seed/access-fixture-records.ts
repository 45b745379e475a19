import { eq, max } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  type Case,
  blobs,
  campaignCodes,
  cases,
  claimants,
  defendants,
  duplicateFlags,
  evidence,
  filingAttachments,
  filingParts,
  filings,
  statements,
} from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/hash';
import { buildCaseInfo } from '@/lib/filings/case-info';
import type { FilingOptions } from '@/lib/filings/options';
import { ACCESS_FIXTURE_IDS, ACCESS_FIXTURE_VALUES, type ClaimantKey, type FixtureOwners } from './access-fixture-ids';
import { minimalPdf } from './minimal-pdf';

/** The records of db/seed/access-fixtures.ts, written inside its transaction. */

async function storePdf(tx: Database, line: string): Promise<{ sha256: string; byteSize: number }> {
  const bytes = minimalPdf(line);
  const sha256 = sha256Hex(bytes);
  await tx.insert(blobs).values({ sha256, bytes, byteSize: bytes.byteLength, mime: 'application/pdf' }).onConflictDoNothing();
  return { sha256, byteSize: bytes.byteLength };
}

/** For each claimant: a signed statement, an evidence file and a spare one (the delete probes take it). */
export async function seedClaimantRecords(tx: Database, owners: FixtureOwners, now: Date): Promise<void> {
  for (const [key, owner] of Object.entries(owners) as [ClaimantKey, FixtureOwners[ClaimantKey]][]) {
    const claimantId = ACCESS_FIXTURE_IDS[`claimant${key}`];
    const text = `Fixture statement of claimant ${key}.`;
    await tx.insert(statements).values({
      id: ACCESS_FIXTURE_IDS[`statement${key}`],
      claimantId,
      caseId: owner.caseId,
      kind: 'claim',
      version: 1,
      answers: {},
      renderedText: text,
      language: 'en',
      signerName: `Claimant ${key}`,
      signedAt: now,
      signerIp: '127.0.0.1',
      signerUserAgent: 'fixture',
      textSha256: sha256Hex(text),
    });
    for (const [id, name] of [
      [ACCESS_FIXTURE_IDS[`evidence${key}`], `bill-${key}`],
      [ACCESS_FIXTURE_IDS[`spareEvidence${key}`], `spare-${key}`],
    ] as const) {
      const file = await storePdf(tx, `Evidence ${name} of claimant ${key}`);
      await tx.insert(evidence).values({
        id,
        claimantId,
        caseId: owner.caseId,
        kind: 'isp_bill',
        originalFilename: `${name}.pdf`,
        detectedMime: 'application/pdf',
        byteSize: file.byteSize,
        sha256: file.sha256,
        pageCount: 1,
        uploadedBy: owner.userId,
      });
    }
    await tx.update(claimants).set({ hasSignedStatement: true, evidenceCount: 2 }).where(eq(claimants.id, claimantId));
  }
  // A and B look alike to the duplicate check: the comparison page and the flag actions need a flag.
  await tx.insert(duplicateFlags).values({
    id: ACCESS_FIXTURE_IDS.flagDemo,
    caseId: owners.A.caseId,
    claimantId: ACCESS_FIXTURE_IDS.claimantA,
    otherClaimantId: ACCESS_FIXTURE_IDS.claimantB,
    reason: 'same_phone',
    detail: {},
  });
  await tx.update(claimants).set({ openFlagCount: 1 }).where(eq(claimants.id, ACCESS_FIXTURE_IDS.claimantA));
}

function fixtureFilingOptions(caseInfo: FilingOptions['caseInfo'], now: Date): FilingOptions {
  return {
    documents: { complaint: true, partyList: true, appointment: false, powerOfAttorney: 'none', declarations: false, exhibits: false },
    format: 'kr',
    language: 'ko',
    bates: { prefix: 'MTX', start: 1 },
    maxPartBytes: 20 * 1024 * 1024,
    claimants: { source: 'all_verified' },
    representativeClaimantIds: [],
    documentDate: now.toISOString(),
    caseInfo,
  };
}

/** Per case (demo and other): a finished filing with one part and an annex, a campaign code and a defendant. */
export async function seedCaseRecords(tx: Database, demo: Case, now: Date): Promise<void> {
  const [other] = await tx.select().from(cases).where(eq(cases.id, ACCESS_FIXTURE_IDS.otherCaseId));
  const perCase = [
    {
      found: demo,
      filingId: ACCESS_FIXTURE_IDS.filingDemo,
      version: ACCESS_FIXTURE_VALUES.filingVersionDemo,
      campaign: ACCESS_FIXTURE_VALUES.campaignDemo,
      defendantId: ACCESS_FIXTURE_IDS.defendantSpare,
    },
    {
      found: other,
      filingId: ACCESS_FIXTURE_IDS.filingOther,
      version: ACCESS_FIXTURE_VALUES.filingVersionOther,
      campaign: ACCESS_FIXTURE_VALUES.campaignOther,
      defendantId: ACCESS_FIXTURE_IDS.defendantOther,
    },
  ];
  for (const { found, filingId, version, campaign, defendantId } of perCase) {
    const part = await storePdf(tx, `Filing ${found.slug} version ${version}`);
    const options = fixtureFilingOptions(await buildCaseInfo(tx, found, 'kr'), now);
    await tx.insert(filings).values({
      id: filingId,
      caseId: found.id,
      version: Number(version),
      options,
      status: 'done',
      finishedAt: now,
      progressDone: 1,
      progressTotal: 1,
    });
    await tx.insert(filingParts).values({ filingId, partNumber: 1, sha256: part.sha256, pageCount: 1, byteSize: part.byteSize });
    // Only the download's guard is probed: the annex row may name the part's one-page PDF.
    await tx.insert(filingAttachments).values({
      filingId,
      kind: 'authority_annex',
      sha256: part.sha256,
      byteSize: part.byteSize,
      pageCount: 1,
      fileName: `${found.slug}-v${version}-authority.pdf`,
    });
    await tx.insert(campaignCodes).values({ caseId: found.id, code: campaign, label: `Matrix ${found.slug}` });
    const [{ last }] = await tx
      .select({ last: max(defendants.position) })
      .from(defendants)
      .where(eq(defendants.caseId, found.id));
    await tx.insert(defendants).values({
      id: defendantId,
      caseId: found.id,
      position: (last ?? 0) + 1,
      kind: 'company',
      nameKo: '시험 피고',
      nameEn: 'Test defendant',
      addressKo: '서울',
      addressEn: 'Seoul',
    });
  }
}
