import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type NewClaimant, claimants, consentDocuments, consents, damageItems, evidence, statements, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { hangulInitials, normalizeName } from '@/lib/format/names';
import { blindIndex, encryptField } from '@/lib/crypto/field-encryption';
import { sha256Hex } from '@/lib/crypto/hash';
import { putBlob } from '@/lib/blobs/blobs';
import { normalizePhone } from '@/lib/format/contact';
import { DEMO_PASSWORD } from './demo-case';
import { minimalPdf } from './minimal-pdf';
import { syntheticOutageScreenshot } from './synthetic-image';

/** The submitted claimant the review walkthrough (and its e2e test) signs in as. */
export const REVIEW_DEMO_EMAIL = 'reviewee@joinder.test';
export const REVIEW_DEMO_NAME = '한가람';

type Person = {
  key: string;
  name: string;
  email: string;
  dateOfBirth: string;
  phone: string;
  ip: string;
  minutesAgo: number;
  evidence: ('pdf' | 'jpeg' | 'shared-jpeg')[];
  canSignIn?: boolean;
};

/**
 * Claimants with the signals a reviewer must catch, planted on purpose: one pair with the same
 * name and date of birth, one with the same phone, one with the same mailbox spelled two ways,
 * one sharing an evidence file, and six sign-ups from one address within eight minutes. The first
 * one has a known password, two statement versions and a PDF and a JPEG, for the walkthrough.
 */
const PEOPLE: Person[] = [
  {
    key: 'walkthrough',
    name: REVIEW_DEMO_NAME,
    email: REVIEW_DEMO_EMAIL,
    dateOfBirth: '1975-03-14',
    phone: '010-2003-0125',
    ip: '198.51.100.7',
    minutesAgo: 300,
    evidence: ['pdf', 'jpeg'],
    canSignIn: true,
  },
  {
    key: 'identity-twin',
    name: '한 가람',
    email: 'garam.han@example.kr',
    dateOfBirth: '1975-03-14',
    phone: '010-7301-2211',
    ip: '198.51.100.8',
    minutesAgo: 240,
    evidence: ['pdf'],
  },
  {
    key: 'phone-a',
    name: '김영희',
    email: 'younghee.kim@example.kr',
    dateOfBirth: '1968-11-02',
    phone: '010-5555-0101',
    ip: '198.51.100.21',
    minutesAgo: 220,
    evidence: ['pdf'],
  },
  {
    key: 'phone-b',
    name: '김영이',
    email: 'young2.kim@example.kr',
    dateOfBirth: '1969-01-20',
    phone: '+82 10 5555 0101',
    ip: '198.51.100.22',
    minutesAgo: 200,
    evidence: ['pdf'],
  },
  {
    key: 'email-a',
    name: '이민수',
    email: 'lee.minsu@gmail.com',
    dateOfBirth: '1980-07-07',
    phone: '010-4100-7788',
    ip: '198.51.100.31',
    minutesAgo: 180,
    evidence: ['pdf'],
  },
  {
    key: 'email-b',
    name: '이민서',
    email: 'leeminsu+slammer@gmail.com',
    dateOfBirth: '1981-02-17',
    phone: '010-4100-9900',
    ip: '198.51.100.32',
    minutesAgo: 170,
    evidence: ['pdf'],
  },
  {
    key: 'evidence-copy',
    name: '박철수',
    email: 'chulsoo.park@example.kr',
    dateOfBirth: '1972-05-30',
    phone: '010-6200-1234',
    ip: '198.51.100.41',
    minutesAgo: 160,
    evidence: ['shared-jpeg'],
  },
  ...[0, 1, 2, 3, 4, 5].map((index) => ({
    key: `burst-${index}`,
    name: ['최지훈', '최수민', '최예린', '최도윤', '최하준', '최서아'][index],
    email: `burst${index}.choi@example.kr`,
    dateOfBirth: `199${index}-0${index + 1}-1${index}`,
    phone: `010-8800-00${10 + index}`,
    ip: '203.0.113.99',
    minutesAgo: 120 - index * 1.5,
    evidence: ['pdf' as const],
  })),
];

export async function seedReviewFixtures(
  db: Database,
  input: { caseId: string; nextReference: () => string; now?: Date },
): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, REVIEW_DEMO_EMAIL));
  if (existing) return { created: false };
  const now = input.now ?? new Date();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const screenshot = await syntheticOutageScreenshot();
  const docs = await db
    .select()
    .from(consentDocuments)
    .where(and(eq(consentDocuments.caseId, input.caseId), eq(consentDocuments.locale, 'ko')));

  await db.transaction(async (tx) => {
    const screenshotSha = await putBlob(tx, screenshot, 'image/jpeg');
    for (const person of PEOPLE) {
      const createdAt = new Date(now.getTime() - person.minutesAgo * 60_000);
      const submittedAt = new Date(createdAt.getTime() + 40 * 60_000);
      const [user] = await tx
        .insert(users)
        .values({
          email: person.email,
          name: person.name,
          passwordHash: person.canSignIn ? passwordHash : '!synthetic-account-no-password',
          emailVerifiedAt: createdAt,
          createdAt,
        })
        .returning({ id: users.id });
      const damages = [
        {
          category: 'service_fee' as const,
          description: '월 요금 30,000원의 2일분',
          amountKrw: 1_935,
          calculation: { monthlyFeeKrw: 30_000, days: 2 },
        },
        { category: 'other' as const, description: '정신적 손해', amountKrw: 100_000, calculation: null },
      ];
      const values: NewClaimant = {
        caseId: input.caseId,
        userId: user.id,
        referenceNumber: input.nextReference(),
        status: 'submitted',
        category: 'home_subscriber',
        legalName: person.name,
        nameNormalized: normalizeName(person.name),
        nameInitials: hangulInitials(person.name),
        dateOfBirthEncrypted: encryptField(person.dateOfBirth),
        phoneEncrypted: encryptField(person.phone),
        phoneHash: blindIndex('phone', normalizePhone(person.phone)),
        identityHash: blindIndex('identity', `${normalizeName(person.name)}|${person.dateOfBirth}`),
        addressEncrypted: encryptField('서울특별시 마포구 월드컵로 12, 302호'),
        locality: '서울특별시 마포구',
        region: 'seoul',
        completedSteps: ['type', 'identity', 'connection', 'outage', 'damages', 'statement', 'evidence', 'consent'],
        // The same answers as the claim definition (slammer-2003, version 1) stores them; the address
        // stays encrypted as an answer, as the wizard and migration 0029 keep it.
        definitionVersion: 1,
        answers: {
          isp: 'kt',
          line_type: 'adsl',
          same_as_home: 'no',
          service_address: { $encrypted: encryptField('서울특별시 마포구 월드컵로 12, 302호') },
          monthly_fee: 30_000,
          outage_started_at: '2003-01-25T14:31',
          outage_ended_at: '2003-01-27T09:10',
          impacts: ['no_internet'],
        },
        claimedTotalKrw: damages.reduce((sum, item) => sum + item.amountKrw, 0),
        hasSignedStatement: true,
        hasSignedConsent: true,
        evidenceCount: person.evidence.length,
        signupIpHash: blindIndex('ip', person.ip),
        source: 'naver-cafe',
        submittedAt,
        lastActivityAt: submittedAt,
        createdAt,
        updatedAt: submittedAt,
      };
      const [claimant] = await tx.insert(claimants).values(values).returning({ id: claimants.id });
      await tx
        .insert(damageItems)
        .values(damages.map((item, position) => ({ ...item, position, claimantId: claimant.id, caseId: input.caseId })));
      await insertStatements(tx, {
        claimantId: claimant.id,
        caseId: input.caseId,
        name: person.name,
        ip: person.ip,
        signedAt: submittedAt,
        amended: person.canSignIn === true,
      });
      for (const doc of docs.filter((d) => d.kind === 'retainer' || d.kind === 'representative_appointment')) {
        await tx.insert(consents).values({
          claimantId: claimant.id,
          caseId: input.caseId,
          kind: doc.kind,
          documentId: doc.id,
          documentVersion: doc.version,
          textSha256: doc.bodySha256,
          signerName: person.name,
          signedAt: submittedAt,
          signerIp: person.ip,
          signerUserAgent: 'Mozilla/5.0 (Linux; Android 14) seed',
        });
      }
      for (const [index, kind] of person.evidence.entries()) {
        const isImage = kind !== 'pdf';
        const bytes = isImage ? screenshot : minimalPdf(`KT Megapass bill, January 2003 - ${person.key}`);
        const sha256 = isImage ? screenshotSha : await putBlob(tx, bytes, 'application/pdf');
        await tx.insert(evidence).values({
          claimantId: claimant.id,
          caseId: input.caseId,
          kind: isImage ? 'screenshot' : 'isp_bill',
          label: isImage ? '접속 불가 화면' : '2003년 1월 요금 청구서',
          originalFilename: isImage ? `outage-${index + 1}.jpg` : `bill-${index + 1}.pdf`,
          detectedMime: isImage ? 'image/jpeg' : 'application/pdf',
          byteSize: bytes.length,
          sha256,
          pageCount: isImage ? null : 1,
          uploadedBy: user.id,
          uploadedAt: createdAt,
        });
      }
    }
  });
  return { created: true };
}

async function insertStatements(
  tx: Database,
  input: { claimantId: string; caseId: string; name: string; ip: string; signedAt: Date; amended: boolean },
) {
  const first = {
    answers: { ranSqlServer: 'no', patchApplied: 'not_applicable', warned: 'none', outageNoticedAt: '2003-01-25T14:40' },
    text: `본인 ${input.name}은(는) SQL Server 2000이나 MSDE를 운영하지 않았습니다.\n2003. 1. 25. 14:40경부터 인터넷에 접속할 수 없었습니다.\n통신사나 마이크로소프트로부터 어떠한 경고도 받지 못했습니다.`,
  };
  const [v1] = await tx
    .insert(statements)
    .values({
      claimantId: input.claimantId,
      caseId: input.caseId,
      kind: 'claim',
      version: 1,
      answers: first.answers,
      renderedText: first.text,
      language: 'ko',
      signerName: input.name,
      signedAt: input.signedAt,
      signerIp: input.ip,
      signerUserAgent: 'Mozilla/5.0 (Linux; Android 14) seed',
      textSha256: sha256Hex(first.text),
    })
    .returning({ id: statements.id });
  if (!input.amended) return;
  const second = {
    answers: { ...first.answers, warned: 'isp_notice', warnedAt: '2003-01-26', outageNoticedAt: '2003-01-25T14:35' },
    text: `본인 ${input.name}은(는) SQL Server 2000이나 MSDE를 운영하지 않았습니다.\n2003. 1. 25. 14:35경부터 인터넷에 접속할 수 없었습니다.\n2003. 1. 26. 통신사의 장애 안내 문자를 받았을 뿐, 사전 경고는 받지 못했습니다.`,
  };
  const amendedAt = new Date(input.signedAt.getTime() + 20 * 60_000);
  await tx.insert(statements).values({
    claimantId: input.claimantId,
    caseId: input.caseId,
    kind: 'claim',
    version: 2,
    answers: second.answers,
    renderedText: second.text,
    language: 'ko',
    signerName: input.name,
    signedAt: amendedAt,
    signerIp: input.ip,
    signerUserAgent: 'Mozilla/5.0 (Linux; Android 14) seed',
    textSha256: sha256Hex(second.text),
    supersedesId: v1.id,
  });
}
