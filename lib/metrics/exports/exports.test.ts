import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { type Case, auditLog, supporters } from '@/db/schema';
import { SLAMMER_2003 } from '@/lib/claims/definitions/slammer-2003';
import { publishDefinition } from '@/lib/claims/store';
import { encryptField } from '@/lib/crypto/field-encryption';
import { setupTestDatabase } from '@/tests/helpers/database';
import { GET as exportClaimants } from '@/app/api/cases/[slug]/exports/claimants/route';
import { GET as exportSupporters } from '@/app/api/cases/[slug]/exports/supporters/route';
import { addCaseMember, createTestCase, insertClaimant, insertSupporter } from '../test-fixtures';
import { routeRequest, signInForTest, signOutForTest } from '../test-session';
import { csvCell, csvLine } from './csv';

vi.mock('next-auth', async (importOriginal) => {
  const actual = await importOriginal<typeof import('next-auth')>();
  const { testSession } = await import('../test-session');
  return { ...actual, getServerSession: async () => testSession.current };
});

let db: Database;
let found: Case;
let otherCase: Case;
let organizer: Awaited<ReturnType<typeof addCaseMember>>;
let lawyer: Awaited<ReturnType<typeof addCaseMember>>;
let otherOrganizer: Awaited<ReturnType<typeof addCaseMember>>;
const SUPPORTER_COUNT = 4_100; // more than two batches, so the keyset pagination is exercised

beforeAll(async () => {
  db = (await setupTestDatabase()).db;
  found = await createTestCase(db);
  otherCase = await createTestCase(db);
  organizer = await addCaseMember(db, found.id, 'organizer');
  lawyer = await addCaseMember(db, found.id, 'lawyer');
  otherOrganizer = await addCaseMember(db, otherCase.id, 'organizer');
  // Many share one timestamp: the cursor must not skip or repeat rows within the same instant.
  const sameInstant = new Date('2003-02-01T03:00:00Z');
  const rows = Array.from({ length: SUPPORTER_COUNT }, (_, index) => ({
    caseId: found.id,
    name: index === 0 ? '=HYPERLINK("http://evil")' : `지지자${index}`,
    email: `bulk${index}@example.test`,
    region: index % 3 === 0 ? 'seoul' : 'busan',
    phoneEncrypted: index === 1 ? encryptField('010-1234-5678') : null,
    consentVersion: 1,
    createdAt: index % 2 === 0 ? sameInstant : new Date(sameInstant.getTime() + index * 1000),
  }));
  for (let start = 0; start < rows.length; start += 1_000) await db.insert(supporters).values(rows.slice(start, start + 1_000));
  await insertSupporter(db, found.id, { name: '철회한사람', email: 'withdrawn@example.test', withdrawnAt: new Date() });
  await insertSupporter(db, otherCase.id, { name: '다른사건사람', email: 'other@example.test' });
  // The case's claim definition gives the export its answer columns (the provider, the line …).
  const published = await publishDefinition(db, { caseId: found.id, definition: SLAMMER_2003, actorUserId: lawyer.id, ip: null });
  await insertClaimant(db, found.id, {
    legalName: '김원고',
    status: 'submitted',
    region: 'seoul',
    locality: '서울특별시 마포구',
    category: 'home_subscriber',
    definitionVersion: published.version,
    answers: { isp: 'kt', line_type: 'adsl', same_as_home: 'no', service_address: { $encrypted: encryptField('마포구 회선 주소 9') } },
    phoneEncrypted: encryptField('01022223333'),
    dateOfBirthEncrypted: encryptField('1970-05-06'),
    addressEncrypted: encryptField('서울특별시 마포구 월드컵북로 1, 101동 202호'),
    hasSignedStatement: true,
    hasSignedConsent: true,
    evidenceCount: 2,
  });
  await insertClaimant(db, found.id, { legalName: '철회원고', status: 'withdrawn' });
  await insertClaimant(db, found.id, { legalName: '처리제한원고', status: 'verified', restrictedAt: new Date() });
});

beforeEach(() => signOutForTest());

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) =>
      line
        .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
        .filter((cell) => cell !== '')
        .map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')),
    );
}

describe('CSV cells', () => {
  it('quotes what needs quoting and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(true)).toBe('Y');
    expect(csvCell(new Date('2003-01-25T05:30:00Z'))).toBe('2003-01-25 14:30');
    expect(csvLine(['a', null, 3])).toBe('a,,3\r\n');
  });
});

describe('GET /api/cases/{slug}/exports/supporters', () => {
  it('streams every supporter of the case once, with a BOM and Korean headers, and audits the count', async () => {
    await signInForTest(db, organizer);
    const response = await exportSupporters(
      ...routeRequest(`/api/cases/${found.slug}/exports/supporters`, { slug: found.slug }, { cookie: 'NEXT_LOCALE=ko' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="supporters-case-[0-9a-f]+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual(['서명 시각', '이름', '이메일', '휴대전화', '지역', '유입 경로', '언어', '이메일 확인 시각']);
    const emails = rows.slice(1).map((row) => row[2]);
    expect(emails.length).toBe(SUPPORTER_COUNT);
    expect(new Set(emails).size).toBe(SUPPORTER_COUNT);
    expect(emails).not.toContain('withdrawn@example.test');
    expect(emails).not.toContain('other@example.test');
    expect(rows.find((row) => row[2] === 'bulk0@example.test')?.[1]).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows.find((row) => row[2] === 'bulk1@example.test')?.[3]).toBe('010-1234-5678');
    expect(rows.find((row) => row[2] === 'bulk3@example.test')?.[4]).toBe('서울특별시');
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.caseId, found.id), eq(auditLog.action, 'export.supporters')));
    expect(audit.actorUserId).toBe(organizer.id);
    expect(audit.details).toMatchObject({ rows: SUPPORTER_COUNT, role: 'organizer' });
    expect(JSON.stringify(audit.details)).not.toMatch(/@|지지자/);
  });

  it('answers 404 to an organizer of another case and 401 to strangers, without an audit row', async () => {
    await signInForTest(db, otherOrganizer);
    expect((await exportSupporters(...routeRequest(`/api/cases/${found.slug}/exports/supporters`, { slug: found.slug }))).status).toBe(404);
    signOutForTest();
    expect((await exportSupporters(...routeRequest(`/api/cases/${found.slug}/exports/supporters`, { slug: found.slug }))).status).toBe(401);
    const audits = await db.select().from(auditLog).where(eq(auditLog.actorUserId, otherOrganizer.id));
    expect(audits).toEqual([]);
  });
});

describe('GET /api/cases/{slug}/exports/claimants', () => {
  const download = async () => {
    const response = await exportClaimants(
      ...routeRequest(`/api/cases/${found.slug}/exports/claimants`, { slug: found.slug }, { cookie: 'NEXT_LOCALE=en' }),
    );
    expect(response.status).toBe(200);
    return parseCsv(await response.text());
  };

  it('gives organizers contact and progress only: no date of birth, no detailed address', async () => {
    await signInForTest(db, organizer);
    const [header, ...rows] = await download();
    expect(header).not.toContain('Date of birth');
    expect(header).not.toContain('Address');
    expect(header).toContain('City / district');
    // Everyone counted as registered is a row; a restricted claimant keeps only a reference and a status.
    expect(rows.length).toBe(2);
    const restricted = rows.find((cells) => cells.some((cell) => cell.includes('processing restricted')))!;
    expect(restricted.filter((cell) => cell !== '')).toHaveLength(2);
    const row = Object.fromEntries(header.map((name, index) => [name, rows.find((cells) => cells !== restricted)![index]]));
    expect(row).toMatchObject({
      Name: '김원고',
      Mobile: '010-2222-3333',
      'City / district': '서울특별시 마포구',
      Complete: 'Y',
      Status: 'Submitted',
      'Claimant type': 'Home subscriber',
      Provider: 'KT (Megapass)',
      'Line type': 'ADSL',
    });
    // Free text (sealed in the answers) is no organizer's: not even its column.
    expect(header).not.toContain('Address of the line');
    expect(rows.flat().join(' ')).not.toMatch(/1970-05-06|월드컵북로|철회원고|처리제한원고|회선 주소/);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, organizer.id), eq(auditLog.action, 'export.claimants')));
    expect(audit.details).toMatchObject({ rows: 2, role: 'organizer' });
  });

  it('gives lawyers the identifying fields as well', async () => {
    await signInForTest(db, lawyer);
    const [header, ...rows] = await download();
    const row = Object.fromEntries(header.map((name, index) => [name, rows.find((cells) => cells[header.indexOf('Name')])![index]]));
    expect(row).toMatchObject({
      'Date of birth': '1970-05-06',
      Address: '서울특별시 마포구 월드컵북로 1, 101동 202호',
      Provider: 'KT (Megapass)',
      'Address of the line': '마포구 회선 주소 9',
    });
  });

  it('answers 404 to an organizer of another case', async () => {
    await signInForTest(db, otherOrganizer);
    expect((await exportClaimants(...routeRequest(`/api/cases/${found.slug}/exports/claimants`, { slug: found.slug }))).status).toBe(404);
  });
});
