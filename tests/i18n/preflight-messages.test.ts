import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { getTranslator } from '@/lib/i18n/translator';
import { preflightPdf } from '@/lib/pdf';

/** What the filing page shows for a failed pre-flight check: in the reader's language, naming what was found. */
describe('pre-flight findings', () => {
  it('are said in Korean and in English, with the fonts and pages they concern', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]).drawText('Unembedded', { x: 60, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) });
    const report = await preflightPdf(await doc.save(), 'kr');
    const fonts = report.checks.find((check) => check.id === 'fonts-embedded')!;
    expect(fonts.ok).toBe(false);
    expect(fonts.params).toEqual({ fonts: 'Helvetica', pages: '1' });
    const ko = getTranslator('ko') as unknown as (key: string, params?: Record<string, string>) => string;
    const en = getTranslator('en') as unknown as (key: string, params?: Record<string, string>) => string;
    expect(ko('filings.preflight.details.fonts-embedded', fonts.params)).toBe(
      '포함되지 않은 글꼴 Helvetica (쪽: 1). 이 쪽의 증거 파일을 의뢰인에게 다시 받아 주세요.',
    );
    expect(en('filings.preflight.details.fonts-embedded', fonts.params)).toContain('Fonts not embedded: Helvetica (pages 1)');
    // Every failed check with findings has its sentence in both languages.
    for (const check of report.checks.filter((item) => !item.ok && item.params)) {
      for (const t of [ko, en]) expect(t(`filings.preflight.details.${check.id}`, check.params)).not.toContain('filings.preflight');
    }
  });
});
