import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CASE_US } from '@/lib/pdf/__fixtures__/sample-case';
import { DEMO_NOW, demoClaimants } from '@/lib/pdf/__fixtures__/synthetic-claimants';
import { sha256Hex } from '@/lib/crypto/hash';
import { initialsOf } from '@/lib/pdf/format';
import { type PartyListXlsxRow, renderPartyListXlsx } from './party-list-xlsx';

async function readSheet(bytes: Uint8Array): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('renderPartyListXlsx', () => {
  it('follows the US schedule (FRCP 5.2): English headings, locality only, a minor by initials, with the legal representative', async () => {
    const rows: PartyListXlsxRow[] = demoClaimants(3).map((claimant, index) => ({
      ...claimant,
      dateOfBirth: index === 1 ? '1995-02-01' : claimant.dateOfBirth,
      guardian: index === 1 ? { relation: 'mother' as const, names: ['Kim Young-hee'] } : undefined,
    }));
    const bytes = await renderPartyListXlsx({ caseInfo: SAMPLE_CASE_US, rows }, { format: 'us', language: 'en', now: DEMO_NOW });
    const sheet = await readSheet(bytes);
    expect(sheet[0]).toEqual(['No.', 'Name', 'Locality', 'Amount claimed', 'Legal representative', 'Reference number']);
    expect(sheet).toHaveLength(4);
    expect(sheet[1][2]).toBe(rows[0].locality);
    expect(sheet.flat()).not.toContain(rows[0].address);
    expect(sheet[2][1]).toBe(initialsOf(rows[1].legalNameLatin ?? rows[1].legalName));
    expect(sheet[2][4]).toBe('Legal representative (mother): Kim Young-hee');
    expect(sheet[3][0]).toBe(3);
    expect(sheet[3].slice(2, 4)).toEqual([rows[2].locality, rows[2].damages.totalKrw]);
    expect(sheet[3][4]).toBeUndefined();
    expect(sheet[3][5]).toBe(rows[2].referenceNumber);
  });

  describe('bytes', () => {
    afterEach(() => vi.useRealTimers());
    const rows: PartyListXlsxRow[] = demoClaimants(5);
    /** Written at a given wall-clock time: only `Date` is faked, so the streams still run. */
    async function renderAt(wallClock: string, input: readonly PartyListXlsxRow[], now = DEMO_NOW): Promise<Uint8Array> {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(wallClock));
      try {
        return await renderPartyListXlsx({ caseInfo: SAMPLE_CASE_US, rows: input }, { format: 'kr', language: 'ko', now });
      } finally {
        vi.useRealTimers();
      }
    }

    it('depend only on the input: the same list written hours apart is byte for byte the same', async () => {
      const first = await renderAt('2031-01-01T00:00:00Z', rows);
      const second = await renderAt('2031-01-01T05:17:43Z', rows);
      expect(sha256Hex(second)).toBe(sha256Hex(first));
      expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    });

    it('carry the document date, not the time of writing, in the properties and the zip entries', async () => {
      const bytes = await renderAt('2031-01-01T05:17:43Z', rows);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      expect(workbook.created.toISOString()).toBe(DEMO_NOW.toISOString());
      expect(workbook.modified.toISOString()).toBe(DEMO_NOW.toISOString());
      const zip = await JSZip.loadAsync(bytes);
      const years = Object.values(zip.files).map((entry) => entry.date.getUTCFullYear());
      expect(years.length).toBeGreaterThan(5);
      expect(new Set(years)).toEqual(new Set([DEMO_NOW.getUTCFullYear()]));
    });

    it('differ when the input does: another row, or another document date', async () => {
      const base = sha256Hex(await renderAt('2031-01-01T00:00:00Z', rows));
      const changed = rows.map((row, index) => (index === 2 ? { ...row, damages: { totalKrw: row.damages.totalKrw + 1 } } : row));
      expect(sha256Hex(await renderAt('2031-01-01T00:00:00Z', changed))).not.toBe(base);
      const later = new Date(DEMO_NOW.getTime() + 86_400_000);
      expect(sha256Hex(await renderAt('2031-01-01T00:00:00Z', rows, later))).not.toBe(base);
    });
  });
});
