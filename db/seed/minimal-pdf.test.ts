import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@/lib/crypto/hash';
import { minimalPdf } from './minimal-pdf';

describe('seeded evidence PDFs', () => {
  it('differ for lines that share a long prefix (one hash per claimant, no false duplicates)', () => {
    const hashes = new Set(Array.from({ length: 200 }, (_, index) => sha256Hex(minimalPdf(`Synthetic ISP bill for claimant ${index}`))));
    expect(hashes.size).toBe(200);
  });

  it('are valid one-page PDFs without fonts', async () => {
    const document = await PDFDocument.load(minimalPdf('KT Megapass bill, January 2003'));
    expect(document.getPageCount()).toBe(1);
    expect(document.getTitle()).toBe('KT Megapass bill, January 2003');
    expect(new TextDecoder().decode(minimalPdf('x'))).not.toContain('/Font');
  });
});
