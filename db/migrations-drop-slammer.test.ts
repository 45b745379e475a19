import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { decryptField, encryptField } from '@/lib/crypto/field-encryption';
import { createTestDatabase } from '@/tests/helpers/database';

/**
 * The drop of the Slammer columns (migration drop_slammer_columns), run on a database migrated up
 * to the migration before it and holding a claimant written in the old shape after the move of
 * 0029 (as an old seed or old code would have): its data moves into `answers` before the columns
 * go, a claimant already moved keeps its answers as they are, and defendants keep their kind.
 */
const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');

function migrationsBeforeTheDrop(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-before-drop-'));
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  // Named by its tag's end, not its number: the number changes when branches merge.
  const drop = journal.entries.findIndex((entry) => entry.tag.endsWith('_drop_slammer_columns'));
  expect(drop).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, drop);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

let handle: DatabaseHandle;
type Row = Record<string, unknown>;
const rows = async (query: ReturnType<typeof sql>) => ((await handle.db.execute(query)) as unknown as { rows: Row[] }).rows;
const ADDRESS = '부산광역시 해운대구 센텀로 1';
let caseId: string;
let oldShapeId: string;
let movedId: string;

beforeAll(async () => {
  handle = await createTestDatabase({ empty: true });
  await migrateDatabase(handle, migrationsBeforeTheDrop());
  const user = async (email: string) =>
    ((await rows(sql`insert into users (email, name, password_hash) values (${email}, 'x', 'x') returning id`))[0] as { id: string }).id;
  // A case made after 0029 (which gave every case then existing the Slammer definition).
  [{ id: caseId }] = (await rows(
    sql`insert into cases (slug, title_ko, title_en, reference_prefix) values ('slammer-2003', '슬래머', 'Slammer', 'SLM') returning id`,
  )) as { id: string }[];
  // Its published definition as far as the database reads it: the dimensions 0029 wrote for Slammer.
  await handle.db.execute(sql`
    insert into claim_definitions (case_id, version, definition, dimension_questions, published_at)
    values (${caseId}, 1, '{}'::jsonb, '{"isp":"isp","line_type":"line_type","ran_sql_server":"ran_sql_server","warned":"warned"}'::jsonb, now())`);
  await handle.db.execute(sql`update cases set claim_definition_version = 1 where id = ${caseId}`);
  [{ id: oldShapeId }] = (await rows(sql`
    insert into claimants (case_id, user_id, category, legal_name, region, isp, isp_other, line_type, service_address_encrypted,
      monthly_fee_krw, pc_bang_seats, outage_started_at, outage_ended_at, outage_impacts, completed_steps, statement_draft)
    values (${caseId}, ${await user('old-shape@example.com')}, 'pc_bang', '박민수', 'busan', 'other', '동네 케이블', 'cable',
      ${encryptField(ADDRESS)}, 40000, 25, '2003-01-25T05:35:00Z', '2003-01-26T01:00:00Z', ${sql.raw(`array['no_internet']`)},
      ${sql.raw(`array['type','identity','connection','outage']`)}, '{"ranSqlServer":"no","warned":"unsure"}'::jsonb)
    returning id`)) as { id: string }[];
  [{ id: movedId }] = (await rows(sql`
    insert into claimants (case_id, user_id, category, definition_version, answers, isp)
    values (${caseId}, ${await user('moved@example.com')}, 'home_subscriber', 1, '{"isp":"hanaro","line_type":"adsl"}'::jsonb, 'kt')
    returning id`)) as { id: string }[];
  await handle.db.execute(sql`
    insert into defendants (case_id, position, kind, name_ko, name_en) values (${caseId}, 0, 'isp', '케이티', 'KT')`);
  await migrateDatabase(handle);
});

const claimant = async (id: string) => (await rows(sql`select * from claimants where id = ${id}`))[0];

describe('dropping the Slammer columns', () => {
  it('moves a claimant still in the old shape into answers first, nothing lost', async () => {
    const row = await claimant(oldShapeId);
    const { service_address: sealed, ...answers } = row.answers as Record<string, unknown>;
    expect(answers).toEqual({
      pc_bang_seats: 25,
      isp: 'other',
      'isp.other': '동네 케이블',
      line_type: 'cable',
      same_as_home: 'no',
      monthly_fee: 40000,
      outage_started_at: '2003-01-25T14:35',
      outage_ended_at: '2003-01-26T10:00',
      impacts: ['no_internet'],
      ran_sql_server: 'no',
      warned: 'unsure',
    });
    expect(decryptField((sealed as { $encrypted: string }).$encrypted)).toBe(ADDRESS);
    expect(row.definition_version).toBe(1);
  });

  it('leaves answers already given as they are, and the columns are gone', async () => {
    const row = await claimant(movedId);
    expect(row.answers).toEqual({ isp: 'hanaro', line_type: 'adsl' });
    expect(
      Object.keys(row).filter((column) =>
        /^(isp|line_type|pc_bang_seats|outage_|monthly_fee_krw|service_address|statement_draft)/.test(column),
      ),
    ).toEqual([]);
  });

  it('indexes the moved answers for the filters', async () => {
    const values = await rows(sql`select dimension, value from claimant_dimensions where claimant_id = ${oldShapeId} order by 1, 2`);
    expect(values.map((value) => `${value.dimension}=${value.value}`)).toEqual([
      'isp=other',
      'line_type=cable',
      'ran_sql_server=no',
      'warned=unsure',
    ]);
  });

  it('keeps a defendant that was an ISP as a service provider', async () => {
    const [defendant] = await rows(sql`select kind::text as kind from defendants where case_id = ${caseId}`);
    expect(defendant.kind).toBe('service_provider');
  });
});
