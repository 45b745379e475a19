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
import { COUPANG_CASE_SLUG } from '@/db/seed/coupang-case';
import { DEMO_CASE_SLUG } from '@/db/seed/demo-case';
import { seedDemoCase } from '@/db/seed/demo';
import { hangulInitials, normalizeName } from '@/lib/format/names';
import { encryptField } from '@/lib/crypto/field-encryption';
import { sha256Hex } from '@/lib/crypto/hash';
import { putBlob } from '@/lib/blobs/blobs';
import { renderStatement } from '@/lib/claims';
import { COUPANG_2025 } from '@/lib/claims/definitions/coupang-2025';
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
    region: 'seoul',
    latinName: 'Gil-dong Hong',
    phone: '010-2003-0125',
  },
  {
    name: '김영희',
    dob: '1968-11-02',
    address: '부산광역시 해운대구 중동 1392',
    locality: '부산광역시 해운대구',
    region: 'busan',
    latinName: 'Young-hee Kim',
    phone: '010-5555-0101',
  },
  {
    name: '이민수',
    dob: '1980-07-07',
    address: '경기도 성남시 분당구 정자동 206',
    locality: '경기도 성남시 분당구',
    region: 'gyeonggi',
    latinName: 'Min-su Lee',
    phone: '010-4100-7788',
  },
  {
    name: '박철수',
    dob: '1972-05-30',
    address: '대전광역시 유성구 대학로 99',
    locality: '대전광역시 유성구',
    region: 'daejeon',
    latinName: 'Cheol-su Park',
    phone: '010-6200-1234',
  },
  {
    name: '최지훈',
    dob: '1990-01-10',
    address: '광주광역시 북구 용봉로 77',
    locality: '광주광역시 북구',
    region: 'gwangju',
    latinName: 'Ji-hoon Choi',
    phone: '010-8800-0010',
  },
  {
    name: '정수민',
    dob: '1985-09-21',
    address: '인천광역시 남동구 구월동 1138',
    locality: '인천광역시 남동구',
    region: 'incheon',
    latinName: 'Su-min Jeong',
    phone: '010-3300-4411',
  },
];

/**
 * What a claimant answered under the case's claim definition: `slammer` (the demo case's
 * definition) or `coupang` (coupang-2025: a customer or a marketplace seller, the fixed 위자료 and,
 * for sellers, an itemised loss; the statement rendered from the definition).
 */
type ClaimProfile = 'slammer' | 'coupang_member' | 'coupang_seller';

type ClaimantSpec = {
  status?: ClaimantStatus;
  signsAppointment?: boolean;
  evidenceFiles?: number;
  caseId?: string;
  prefix?: string;
  claim?: ClaimProfile;
};

type ClaimFixture = {
  category: string;
  answers: Record<string, string | string[]>;
  damages: { category: string; description: string; amountKrw: number }[];
  statementText: string;
  evidence: { kind: string; label: string };
};

function claimFixture(profile: ClaimProfile, name: string): ClaimFixture {
  if (profile === 'slammer') {
    return {
      category: 'home_subscriber',
      answers: { isp: 'kt', line_type: 'adsl', same_as_home: 'yes', ran_sql_server: 'no' },
      damages: [
        { category: 'service_fee', description: '월 요금 30,000원의 2일분', amountKrw: 1_935 },
        { category: 'data_loss', description: '작업 파일 손실', amountKrw: 50_000 },
      ],
      statementText: `본인 ${name}은(는) SQL Server 2000이나 MSDE를 운영하지 않았습니다.\n\n2003. 1. 25. 14:40경부터 인터넷에 접속할 수 없었습니다.`,
      evidence: { kind: 'isp_bill', label: '2003년 1월 요금 청구서' },
    };
  }
  const isSeller = profile === 'coupang_seller';
  const category = isSeller ? 'seller' : 'member';
  const answers: Record<string, string | string[]> = {
    account_email: `account-${serial}@example.kr`,
    notice_received: 'no',
    exposed_items: ['name', 'email', 'phone'],
    harm_suffered: 'no',
    ...(isSeller ? { store_name: '바른상점' } : {}),
  };
  const damages = [
    { category: 'consolation', description: '1인당 위자료', amountKrw: 100_000 },
    ...(isSeller ? [{ category: 'actual_loss', description: '스미싱 피해 금액', amountKrw: 250_000 }] : []),
  ];
  return {
    category,
    answers,
    damages,
    statementText: renderStatement(COUPANG_2025, { category, answers, caseTitle: '쿠팡 개인정보 유출 사건', signerName: name }, 'ko'),
    evidence: { kind: 'account_screenshot', label: '쿠팡 계정 화면' },
  };
}

let serial = 0;

async function account(db: Database, email: string, name: string) {
  const [user] = await db.insert(users).values({ email, name, passwordHash: '!test', emailVerifiedAt: new Date() }).returning();
  return user;
}

/** A complete claimant: encrypted personal fields, damages, signed consents and statement, evidence files. */
export async function insertFiledClaimant(db: Database, caseId: string, spec: ClaimantSpec = {}) {
  serial += 1;
  const person = PEOPLE[(serial - 1) % PEOPLE.length];
  const user = await account(db, `filing-${serial}-${Date.now()}@test.kr`, person.name);
  const reference = `${spec.prefix ?? 'SLM'}-${String(900_000 + serial).padStart(6, '0')}`;
  const signedAt = new Date('2026-02-10T03:00:00Z');
  const claim = claimFixture(spec.claim ?? 'slammer', person.name);
  const damages = claim.damages;
  const [caseRow] = await db
    .select({ version: cases.claimDefinitionVersion })
    .from(cases)
    .where(eq(cases.id, spec.caseId ?? caseId));
  const [claimant] = await db
    .insert(claimants)
    .values({
      caseId: spec.caseId ?? caseId,
      userId: user.id,
      referenceNumber: reference,
      status: spec.status ?? 'verified',
      category: claim.category,
      answers: claim.answers,
      definitionVersion: caseRow?.version ?? null,
      legalName: person.name,
      nameNormalized: normalizeName(person.name),
      nameInitials: hangulInitials(person.name),
      dateOfBirthEncrypted: encryptField(person.dob),
      phoneEncrypted: encryptField(person.phone),
      addressEncrypted: encryptField(person.address),
      locality: person.locality,
      region: person.region,
      latinName: person.latinName,
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
  const text = claim.statementText;
  await db.insert(statements).values({
    claimantId: claimant.id,
    caseId: claimantCaseId,
    kind: 'claim',
    version: 1,
    answers: claim.answers,
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
      kind: claim.evidence.kind,
      label: claim.evidence.label,
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

/**
 * `coupang`: that many verified claimants of the coupang-2025 demo case as well (customers, every
 * third a marketplace seller), on its own claim definition.
 */
export async function createFilingWorld(db: Database, options: { verified?: number; coupang?: number } = {}) {
  await seedDemoCase(db, TEST_NOW);
  const [caseA] = await db.select().from(cases).where(eq(cases.slug, DEMO_CASE_SLUG));
  const [coupangCase] = await db.select().from(cases).where(eq(cases.slug, COUPANG_CASE_SLUG));
  const coupangVerified = [];
  for (let index = 0; index < (options.coupang ?? 0); index++) {
    const claim = index % 3 === 2 ? 'coupang_seller' : 'coupang_member';
    coupangVerified.push(await insertFiledClaimant(db, coupangCase.id, { claim, prefix: 'CPG' }));
  }
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
    coupangCase,
    coupangVerified,
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
