import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { SLAMMER_2003 } from '@/lib/claims/definitions/slammer-2003';
import { answersToFormValues, type ClaimAnswers, claimDefinitionSchema, renderStatement, validateStepAnswers } from '@/lib/claims';
import { decryptField, encryptField } from '@/lib/crypto/field-encryption';
import { createTestDatabase } from '@/tests/helpers/database';

/**
 * The move of Slammer's columns into `answers` (migration claim_definitions_data_move), run on a
 * database migrated only up to the migration before the change and seeded in the old shape.
 */
const LAST_OLD_MIGRATION = '0027_upload_pieces_storage_external';
const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');

function oldMigrationsFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-old-migrations-'));
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === LAST_OLD_MIGRATION);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

let handle: DatabaseHandle;
type Row = Record<string, unknown>;
const rows = async (query: ReturnType<typeof sql>) => ((await handle.db.execute(query)) as unknown as { rows: Row[] }).rows;

const SERVICE_ADDRESS = '서울 강남구 역삼동 1 슬래머 PC방';
const STATEMENT_DRAFT = {
  ranSqlServer: 'yes',
  products: ['msde_2000', 'other'],
  productOther: 'SQL Server 7 데스크톱',
  patches: {
    ms02_039: { status: 'applied', appliedOn: '2002-09-02' },
    ms02_056: { status: 'not_applied', appliedOn: null },
    ms02_061: { status: 'unsure', appliedOn: null },
  },
  administeredBy: 'other',
  administeredByOther: '동네 컴퓨터 가게',
  warned: 'yes',
  warnedBy: ['isp', 'other'],
  warnedByOther: '구청',
  warnedOn: '2003-01-20',
  warnedHow: ['email', 'isp_notice'],
  freeText: '패치는 직원이 했습니다.',
};

let caseId: string;
let pcBangId: string;
let homeId: string;
let freshId: string;
let countersBefore: Row[];

beforeAll(async () => {
  handle = await setupTestDatabaseAt(oldMigrationsFolder());
  const [user] = await rows(sql`insert into users (email, name, password_hash) values ('old@example.com', 'old', 'x') returning id`);
  const [other] = await rows(sql`insert into users (email, name, password_hash) values ('home@example.com', 'home', 'x') returning id`);
  const [fresh] = await rows(sql`insert into users (email, name, password_hash) values ('fresh@example.com', 'fresh', 'x') returning id`);
  [{ id: caseId }] = (await rows(
    sql`insert into cases (slug, title_ko, title_en, reference_prefix) values ('slammer-2003', '슬래머', 'Slammer', 'SLM') returning id`,
  )) as { id: string }[];
  [{ id: pcBangId }] = (await rows(sql`
    insert into claimants (case_id, user_id, status, reference_number, type, legal_name, region, business_name, business_registration_number,
      isp, isp_other, line_type, service_address_encrypted, monthly_fee_krw, pc_bang_seats,
      outage_started_at, outage_ended_at, outage_impacts, outage_note, statement_draft, completed_steps, claimed_total_krw, submitted_at)
    values (${caseId}, ${user.id}, 'submitted', 'SLM-000001', 'pc_bang', '김철수', 'seoul', '슬래머 PC방', '1248100998',
      'other', '동네 케이블', 'vdsl', ${encryptField(SERVICE_ADDRESS)}, 88000, 40,
      '2003-01-25T05:30:00Z', '2003-01-27T00:00:00Z', ${sql.raw(`array['business_closed','games_down']`)}, '주말 내내 영업 못 함',
      ${JSON.stringify(STATEMENT_DRAFT)}::jsonb, ${sql.raw(`array['type','identity','connection','outage','damages','statement']`)}, 1700000, now())
    returning id`)) as { id: string }[];
  [{ id: homeId }] = (await rows(sql`
    insert into claimants (case_id, user_id, type, legal_name, region, isp, line_type, monthly_fee_krw, completed_steps, statement_draft)
    values (${caseId}, ${other.id}, 'home_subscriber', '이영희', 'busan', 'kt', 'adsl', 35000, ${sql.raw(`array['type','identity','connection']`)},
      ${JSON.stringify({ ...STATEMENT_DRAFT, ranSqlServer: 'no', products: [], productOther: '', patches: null, administeredBy: null, administeredByOther: '', warned: 'no', warnedBy: [], warnedByOther: '', warnedOn: null, warnedHow: [], freeText: '' })}::jsonb)
    returning id`)) as { id: string }[];
  [{ id: freshId }] = (await rows(sql`insert into claimants (case_id, user_id) values (${caseId}, ${fresh.id}) returning id`)) as {
    id: string;
  }[];
  await handle.db.execute(sql`
    insert into damage_items (claimant_id, case_id, position, category, description, amount_krw, calculation) values
      (${pcBangId}, ${caseId}, 0, 'lost_revenue', '좌석 손실', 1700000, '{"helper":"seats","seats":40,"hourlyRateKrw":1000,"hours":42.5}'),
      (${homeId}, ${caseId}, 0, 'service_fee', '', 2115, '{"helper":"pro_rata","monthlyFeeKrw":35000,"hours":43.5}')`);
  countersBefore = await readCounters();
  await migrateDatabase(handle);
});

async function setupTestDatabaseAt(folder: string): Promise<DatabaseHandle> {
  const created = await createTestDatabase({ empty: true });
  await migrateDatabase(created, folder);
  return created;
}

/** The claimant counters, the category under one name (`type` before the rollups followed the definition, `category` after). */
async function readCounters(): Promise<Row[]> {
  return rows(sql`
    select metric, case dimension when 'type' then 'category' else dimension end as dimension, dimension_value,
      sum(delta)::int as total from metric_counters
    where case_id = ${caseId} and metric like 'claimants.%' and dimension in ('', 'region', 'isp', 'type', 'category')
    group by 1, 2, 3 having sum(delta) <> 0 order by 1, 2, 3`);
}

async function claimant(id: string): Promise<Row> {
  const [row] = await rows(sql`select * from claimants where id = ${id}`);
  return row;
}

describe('moving Slammer claims onto the definition', () => {
  it('gives every case the Slammer definition as published version 1, which validates and cannot change', async () => {
    const [definition] = await rows(sql`select * from claim_definitions where case_id = ${caseId}`);
    expect(definition).toMatchObject({ version: 1, dimension_questions: { isp: 'isp', line_type: 'line_type' } });
    expect(definition.published_at).not.toBeNull();
    expect(claimDefinitionSchema.safeParse(definition.definition).success).toBe(true);
    expect((await rows(sql`select claim_definition_version from cases where id = ${caseId}`))[0].claim_definition_version).toBe(1);
    await expect(handle.db.execute(sql`update claim_definitions set definition = '{}' where case_id = ${caseId}`)).rejects.toThrow();
  });

  it('moves the connection, outage and questionnaire into answers under the question ids, nothing lost', async () => {
    const row = await claimant(pcBangId);
    const { service_address: sealed, ...answers } = row.answers as Record<string, unknown>;
    expect(answers).toEqual({
      pc_bang_seats: 40,
      isp: 'other',
      'isp.other': '동네 케이블',
      line_type: 'vdsl',
      same_as_home: 'no',
      monthly_fee: 88000,
      outage_started_at: '2003-01-25T14:30',
      outage_ended_at: '2003-01-27T09:00',
      impacts: ['business_closed', 'games_down'],
      outage_note: '주말 내내 영업 못 함',
      ran_sql_server: 'yes',
      products: ['msde_2000', 'other'],
      'products.other': 'SQL Server 7 데스크톱',
      ms02_039_status: 'applied',
      ms02_039_applied_on: '2002-09-02',
      ms02_056_status: 'not_applied',
      ms02_061_status: 'unsure',
      administered_by: 'other',
      'administered_by.other': '동네 컴퓨터 가게',
      warned: 'yes',
      warned_by: ['isp', 'other'],
      'warned_by.other': '구청',
      warned_on: '2003-01-20',
      warned_how: ['email', 'isp_notice'],
      free_text: '패치는 직원이 했습니다.',
    });
    // The service address stays encrypted at rest, in the sealed form the store opens.
    expect(decryptField((sealed as { $encrypted: string }).$encrypted)).toBe(SERVICE_ADDRESS);
    expect(row).toMatchObject({ category: 'pc_bang', definition_version: 1 });
    // The old columns are gone once nothing read them (migration drop_slammer_columns); their data lives on above.
    expect(Object.keys(row)).not.toEqual(expect.arrayContaining(['isp']));
    expect(
      Object.keys(row).filter((column) => /^(isp|line_type|pc_bang_seats|outage_|monthly_fee_krw|statement_draft)/.test(column)),
    ).toEqual([]);
  });

  it('leaves answers the definition accepts step by step, and a statement that says what the draft said', async () => {
    const row = await claimant(pcBangId);
    const answers = { ...(row.answers as ClaimAnswers), service_address: SERVICE_ADDRESS };
    const values = answersToFormValues(SLAMMER_2003, answers);
    for (const step of SLAMMER_2003.steps) {
      const result = validateStepAnswers(SLAMMER_2003, step.id, values, { category: 'pc_bang', answers });
      expect(result.ok ? [] : result.issues, step.id).toEqual([]);
    }
    const text = renderStatement(SLAMMER_2003, { category: 'pc_bang', answers, signerName: '김철수', caseTitle: '슬래머' }, 'ko');
    expect(text).toContain('2002년 9월 2일');
    expect(text).toContain('구청');
  });

  it('moves a home subscriber without a questionnaire branch, and a fresh draft to an empty answer set', async () => {
    expect((await claimant(homeId)).answers).toEqual({
      isp: 'kt',
      line_type: 'adsl',
      same_as_home: 'yes',
      monthly_fee: 35000,
      ran_sql_server: 'no',
      warned: 'no',
    });
    expect(await claimant(freshId)).toMatchObject({ answers: {}, definition_version: 1, category: null });
  });

  it('indexes the dimension answers, keeps the dashboard counts, converts helper inputs', async () => {
    const dimensions = await rows(
      sql`select claimant_id, dimension, value from claimant_dimensions where case_id = ${caseId} order by 1, 2, 3`,
    );
    expect(dimensions.filter((row) => row.claimant_id === pcBangId).map((row) => `${row.dimension}=${row.value}`)).toEqual([
      'isp=other',
      'line_type=vdsl',
      'ran_sql_server=yes',
      'warned=yes',
    ]);
    expect(await readCounters()).toEqual(countersBefore);
    const items = await rows(sql`select claimant_id, amount_krw, calculation from damage_items order by amount_krw`);
    expect(items.map((item) => item.calculation)).toEqual([
      { helper: 'pro_rata', formula: 'monthly_fee * hours / 720', inputs: { monthly_fee: 35000, hours: 43.5 } },
      { helper: 'seats', formula: 'seats * hourly_rate * hours', inputs: { seats: 40, hourly_rate: 1000, hours: 42.5 } },
    ]);
    expect(items.map((item) => Number(item.amount_krw))).toEqual([2115, 1700000]);
  });

  it('keeps the dimension index in step with later answers', async () => {
    await handle.db.execute(sql`update claimants set answers = answers || '{"isp":"kt","warned":"no"}' where id = ${pcBangId}`);
    const values = await rows(sql`select dimension, value from claimant_dimensions where claimant_id = ${pcBangId} order by 1`);
    expect(values.map((row) => `${row.dimension}=${row.value}`)).toEqual(['isp=kt', 'line_type=vdsl', 'ran_sql_server=yes', 'warned=no']);
    const counters = await readCounters();
    expect(
      counters.find((row) => row.dimension === 'isp' && row.dimension_value === 'kt' && row.metric === 'claimants.registered')?.total,
    ).toBe(2);
  });
});
