import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CASE_US } from '@/lib/pdf/__fixtures__/sample-case';
import { DEMO_NOW, demoClaimants } from '@/lib/pdf/__fixtures__/synthetic-claimants';
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
});
