import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { cases } from '@/db/schema';
import { seedAccessFixtures } from '@/db/seed/access-fixtures';
import { seedDemoCase } from '@/db/seed/demo';
import { seedVolume } from '@/db/seed/volume';
import { setupTestDatabase } from '@/tests/helpers/database';

/**
 * PIPA art. 24-2: no resident registration number (주민등록번호) may be collected without a specific
 * legal basis, and Joinder has none — the date of birth identifies instead. These checks fail the
 * build when a column, a form field, a schema key or a catalog label for one appears, or when one
 * turns up in stored data.
 */
const ROOT = process.cwd();
/** Identifiers, column and field names that would hold one. `business_registration_number` (사업자등록번호) is fine. */
const RRN_NAME = /(^|[^a-z])(rrn|ssn|jumin|resident_?(registration|number|num|no|id)|national_?id|주민)/i;
/** 900101-1234567 and 9001011234567: six birth digits, a sex/century digit 1–4, six more. */
const RRN_VALUE = /(?<!\d)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-?[1-4]\d{6}(?!\d)/;
/** The catalogs may say that none is collected, never ask for one. */
const NEGATION = /(받지 않|수집하지 않|않습니다|묻지 않|아니라|never|not |No )/;
/** The names of what refuses one (the intake's detector and its message), the opposite of collecting it. */
const REFUSAL_NAMES = new Set(['RRN_PATTERN', 'rrnRefused']);

/** Names in code that would carry one: form `name=` attributes, object keys, variables, columns. */
function findRrnNames(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/^\s*--.*$/gm, '');
  const names = [
    ...[...code.matchAll(/\bname=\{?["'`]([^"'`]+)["'`]/g)].map((match) => match[1]),
    ...[...code.matchAll(/["']?([A-Za-z_$][\w$]*)["']?\s*[:=(]/g)].map((match) => match[1]),
    ...[...code.matchAll(/\b(?:text|varchar|integer|bigint)\(\s*["']([\w]+)["']/g)].map((match) => match[1]),
  ];
  return names.filter(
    (name) => !REFUSAL_NAMES.has(name) && RRN_NAME.test(name.replace(/businessRegistrationNumber|business_registration_number/g, '')),
  );
}

function walk(directory: string, extensions: readonly string[]): string[] {
  const full = path.join(ROOT, directory);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)) ? [path.relative(ROOT, file)] : [];
  });
}

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await setupTestDatabase();
  const demo = await seedDemoCase(handle.db);
  await seedVolume(handle.db, { caseId: demo.caseId, referencePrefix: 'SLM', claimants: 150, supporters: 300 });
  await seedAccessFixtures(handle.db);
});

describe('no resident registration numbers (PIPA art. 24-2)', () => {
  it('no table, column or enum value of the migrated database is meant for one', async () => {
    const result = await handle.db.execute(sql`
      select table_name || '.' || column_name as name from information_schema.columns where table_schema = 'public'
      union all select t.typname || '=' || e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid`);
    const names = (result as unknown as { rows: { name: string }[] }).rows.map((row) => row.name);
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((name) => RRN_NAME.test(name.replace(/business_registration_number/g, '')))).toEqual([]);
  });

  it('no form field, zod schema key or identifier in the code is named for one', () => {
    const files = [
      ...walk('app', ['.ts', '.tsx']),
      ...walk('lib', ['.ts', '.tsx']),
      ...walk('db/schema', ['.ts']),
      ...walk('db/migrations', ['.sql']),
    ].filter((file) => !file.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) =>
      findRrnNames(fs.readFileSync(path.join(ROOT, file), 'utf8')).map((name) => `${file}: ${name}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the catalogs never ask for one: any mention says it is not collected', () => {
    const offenders: string[] = [];
    for (const locale of ['ko', 'en']) {
      for (const file of walk(`lib/i18n/messages/${locale}`, ['.json'])) {
        for (const [key, text] of flatten(JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')))) {
          if (RRN_NAME.test(key) && !REFUSAL_NAMES.has(key.split('.').at(-1) ?? '')) offenders.push(`${file}: key ${key}`);
          const mentions = /주민\s*등록\s*번호|주민번호|resident registration/i.test(text);
          if (mentions && !NEGATION.test(text)) offenders.push(`${file}: ${key} asks for one`);
          if (RRN_VALUE.test(text)) offenders.push(`${file}: ${key} holds one`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no stored text in a seeded database looks like one', async () => {
    const [demo] = await handle.db.select({ id: cases.id }).from(cases).where(eq(cases.slug, 'slammer-2003'));
    expect(demo).toBeTruthy();
    const columns = await handle.db.execute(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'ARRAY')`);
    const found: string[] = [];
    // Hashes and ciphertexts are derived, not typed: random hex or base64 can spell thirteen digits.
    const typed = (columns as unknown as { rows: { table_name: string; column_name: string }[] }).rows.filter(
      ({ column_name: column }) => !/(hash|sha256|encrypted|token)$/.test(column),
    );
    expect(typed.length).toBeGreaterThan(30);
    for (const { table_name: table, column_name: column } of typed) {
      const hits = await handle.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text ~ ${'(^|[^0-9])[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])-?[1-4][0-9]{6}([^0-9]|$)'}`,
      );
      const n = (hits as unknown as { rows: { n: number }[] }).rows[0].n;
      if (n > 0) found.push(`${table}.${column}: ${n}`);
    }
    expect(found).toEqual([]);
  });

  it('the pattern itself recognises the number in its usual forms', () => {
    expect(RRN_VALUE.test('900101-1234567')).toBe(true);
    expect(RRN_VALUE.test('주민번호 0312254123456 입니다')).toBe(true);
    expect(RRN_VALUE.test('2003-01-25 14:30')).toBe(false);
    expect(RRN_NAME.test('residentRegistrationNumber')).toBe(true);
    expect(RRN_NAME.test('jumin_no')).toBe(true);
    expect(findRrnNames('<TextField name="residentNumber" /><input name="rrn" />')).toEqual(['residentNumber', 'rrn']);
    expect(findRrnNames('const schema = z.object({ juminNo: z.string() });')).toEqual(['juminNo']);
    expect(findRrnNames("residentRegistration: text('resident_registration'),")).toEqual(['residentRegistration', 'resident_registration']);
    expect(findRrnNames("businessRegistrationNumber: text('business_registration_number'), // no RRN here")).toEqual([]);
  });
});
