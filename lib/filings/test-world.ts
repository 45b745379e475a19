import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import type { Database } from '@/db/client';
import {
  type ClaimantStatus,
  caseMemberships,
  cases,
  claimants,
  consentDocuments,
  consents,
  damageItems,
  evidence,
  statements,
  users,
} from '@/db/schema';
import { DEMO_CASE_SLUG } from '@/db/seed/demo-case';
import { seedDemoCase } from '@/db/seed/demo';
import { hangulInitials, normalizeName } from '@/lib/claimants/names';
import { encryptField } from '@/lib/crypto/field-encryption';
import { sha256Hex } from '@/lib/crypto/hash';
import { putBlob } from '@/lib/evidence/blob-store';
import { makeSamplePdf } from '@/lib/pdf/__fixtures__/exhibit-files';

/**
 * Test data for the filings tests: the demo case (defendants, consent texts, demo accounts) with
 * a handful of complete claimants we control, one still under review, one without the
 * appointment consent, and a second case with its own lawyer and a verified claimant — to prove
 * nothing crosses from one case to the other.
 */
export const TEST_NOW = new Date('2026-03-02T01:00:00Z');

const PEOPLE = [
  {
    name: '홍길동',
    dob: '1971-04-12',
    address: '서울특별시 마포구 월드컵로 12, 302호',
    locality: '서울특별시 마포구',
    phone: '010-2003-0125',
  },
  { name: '김영희', dob: '1968-11-02', address: '부산광역시 해운대구 중동 1392', locality: '부산광역시 해운대구', phone: '010-5555-0101' },
  {
    name: '이민수',
    dob: '1980-07-07',
    address: '경기도 성남시 분당구 정자동 206',
    locality: '경기도 성남시 분당구',
    phone: '010-4100-7788',
  },
  { name: '박철수', dob: '1972-05-30', address: '대전광역시 유성구 대학로 99', locality: '대전광역시 유성구', phone: '010-6200-1234' },
  { name: '최지훈', dob: '1990-01-10', address: '광주광역시 북구 용봉로 77', locality: '광주광역시 북구', phone: '010-8800-0010' },
  { name: '정수민', dob: '1985-09-21', address: '인천광역시 남동구 구월동 1138', locality: '인천광역시 남동구', phone: '010-3300-4411' },
];

type ClaimantSpec = { status?: ClaimantStatus; signsAppointment?: boolean; evidenceFiles?: number; caseId?: string; prefix?: string };

let serial = 0;

async function account(db: Database, email: string, name: string) {
  const [user] = await db.insert(users).values({ email, name, passwordHash: '!test' }).returning();
  return user;
}

/** A complete claimant: encrypted personal fields, damages, signed consents and statement, evidence files. */
export async function insertFiledClaimant(db: Database, caseId: string, spec: ClaimantSpec = {}) {
  serial += 1;
  const person = PEOPLE[(serial - 1) % PEOPLE.length];
  const user = await account(db, `filing-${serial}-${Date.now()}@test.kr`, person.name);
  const reference = `${spec.prefix ?? 'SLM'}-${String(900_000 + serial).padStart(6, '0')}`;
  const signedAt = new Date('2026-02-10T03:00:00Z');
  const damages = [
    { category: 'service_fee' as const, description: '월 요금 30,000원의 2일분', amountKrw: 1_935 },
    { category: 'data_loss' as const, description: '작업 파일 손실', amountKrw: 50_000 },
  ];
  const [claimant] = await db
    .insert(claimants)
    .values({
      caseId: spec.caseId ?? caseId,
      userId: user.id,
      referenceNumber: reference,
      status: spec.status ?? 'verified',
      type: 'home_subscriber',
      legalName: person.name,
      nameNormalized: normalizeName(person.name),
      nameInitials: hangulInitials(person.name),
      dateOfBirthEncrypted: encryptField(person.dob),
      phoneEncrypted: encryptField(person.phone),
      addressEncrypted: encryptField(person.address),
      locality: person.locality,
      region: 'seoul',
      isp: 'kt',
      claimedTotalKrw: damages.reduce((sum, item) => sum + item.amountKrw, 0),
      hasSignedStatement: true,
      hasSignedConsent: true,
      evidenceCount: spec.evidenceFiles ?? 1,
      submittedAt: signedAt,
      verifiedAt: spec.status === undefined || spec.status === 'verified' ? signedAt : null,
    })
    .returning();
  const claimantCaseId = claimant.caseId;
  await db
    .insert(damageItems)
    .values(damages.map((item, position) => ({ ...item, position, claimantId: claimant.id, caseId: claimantCaseId })));
  const text = `본인 ${person.name}은(는) SQL Server 2000이나 MSDE를 운영하지 않았습니다.\n\n2003. 1. 25. 14:40경부터 인터넷에 접속할 수 없었습니다.`;
  await db.insert(statements).values({
    claimantId: claimant.id,
    caseId: claimantCaseId,
    kind: 'patch_status',
    version: 1,
    answers: { ranSqlServer: 'no' },
    renderedText: text,
    language: 'ko',
    signerName: person.name,
    signedAt,
    signerIp: '198.51.100.7',
    signerUserAgent: 'test',
    textSha256: sha256Hex(text),
  });
  const docs = await db
    .select()
    .from(consentDocuments)
    .where(and(eq(consentDocuments.caseId, claimantCaseId), eq(consentDocuments.locale, 'ko')));
  for (const doc of docs.filter(
    (d) => d.kind === 'retainer' || (d.kind === 'representative_appointment' && spec.signsAppointment !== false),
  )) {
    await db.insert(consents).values({
      claimantId: claimant.id,
      caseId: claimantCaseId,
      kind: doc.kind,
      documentId: doc.id,
      documentVersion: doc.version,
      textSha256: doc.bodySha256,
      signerName: person.name,
      signedAt,
      signerIp: '198.51.100.7',
      signerUserAgent: 'test',
    });
  }
  for (let index = 0; index < (spec.evidenceFiles ?? 1); index++) {
    // Bills with an embedded font, as generated bills are; the keyword makes every file distinct.
    const bill = await PDFDocument.load(await makeSamplePdf({ pages: 1 + (index % 2), seed: serial * 10 + index }));
    bill.setKeywords([reference, String(index)]);
    const bytes = await bill.save();
    const sha256 = await putBlob(db, bytes, 'application/pdf');
    await db.insert(evidence).values({
      claimantId: claimant.id,
      caseId: claimantCaseId,
      kind: 'isp_bill',
      label: '2003년 1월 요금 청구서',
      originalFilename: `bill-${index + 1}.pdf`,
      detectedMime: 'application/pdf',
      byteSize: bytes.length,
      sha256,
      pageCount: 1 + (index % 2),
      uploadedBy: user.id,
    });
  }
  return claimant;
}

export async function createFilingWorld(db: Database, options: { verified?: number } = {}) {
  await seedDemoCase(db, TEST_NOW);
  const [caseA] = await db.select().from(cases).where(eq(cases.slug, DEMO_CASE_SLUG));
  const verified = [];
  for (let index = 0; index < (options.verified ?? 4); index++)
    verified.push(await insertFiledClaimant(db, caseA.id, { evidenceFiles: index === 0 ? 2 : 1 }));
  const submitted = await insertFiledClaimant(db, caseA.id, { status: 'submitted' });
  const withoutAppointment = await insertFiledClaimant(db, caseA.id, { signsAppointment: false });

  const [caseB] = await db
    .insert(cases)
    .values({ slug: 'blaster-2003', titleKo: '블래스터 웜 사건', titleEn: 'Blaster worm case', referencePrefix: 'BLS' })
    .returning();
  const lawyerB = await account(db, 'lawyer-b@joinder.test', '다른 사건 변호사');
  await db.insert(caseMemberships).values({ caseId: caseB.id, userId: lawyerB.id, role: 'lawyer' });
  const otherCaseClaimant = await insertFiledClaimant(db, caseB.id, { prefix: 'BLS' });

  const byEmail = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];
  return {
    caseA,
    caseB,
    verified,
    submitted,
    withoutAppointment,
    otherCaseClaimant,
    lawyerA: await byEmail('lawyer@joinder.test'),
    organizerA: await byEmail('organizer@joinder.test'),
    adminA: await byEmail('admin@joinder.test'),
    claimantUser: await byEmail('claimant@joinder.test'),
    lawyerB,
  };
}

export type FilingWorld = Awaited<ReturnType<typeof createFilingWorld>>;

/** The builder's form values for a small, complete Korean packet. */
export function packetRequest(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    docComplaint: 'on',
    docPartyList: 'on',
    docAppointment: 'on',
    powerOfAttorney: 'combined',
    docDeclarations: 'on',
    docExhibits: 'on',
    claimantSource: 'all_verified',
    format: 'kr',
    language: 'ko',
    batesPrefix: 'SLM',
    batesStart: '1',
    maxPartMb: '20',
    ...overrides,
  };
}
