import { renderExhibitBundle } from '@/lib/pdf/exhibits/render-exhibit-bundle';
import type { ExhibitFile } from '@/lib/pdf/types';
import { exhibitFile, makePhoto, makeSamplePdf, makeScreenshot } from '@/lib/pdf/__fixtures__/exhibit-files';
import { SAMPLE_CASE } from '@/lib/pdf/__fixtures__/sample-case';
import { DEMO_NOW, syntheticClaimants } from '@/lib/pdf/__fixtures__/synthetic-claimants';
import { summarize, trackPeakRss } from '../lib/stats';
import type { BenchContext, BenchResult, BenchScenario } from '../lib/types';

/**
 * 1,000 evidence files generated in memory, shaped like a real intake: bills and statements as
 * 1–5 page PDFs (60 %), phone photos as JPEG (25 %), photos saved as PNG (10 %, re-encoded to
 * JPEG), screenshots as PNG (5 %, kept lossless); a few photos uploaded twice.
 */
async function generateFiles(count: number, log: (message: string) => void): Promise<ExhibitFile[]> {
  const claimants = syntheticClaimants(Math.ceil(count / 2.5), 2003);
  const files: ExhibitFile[] = [];
  const started = performance.now();
  let lastPhoto: Uint8Array | undefined;
  for (let index = 0; index < count; index++) {
    const claimant = claimants[Math.floor(index / 2.5)];
    const roll = index % 20;
    if (roll < 12) {
      const pages = 1 + (index % 5);
      files.push(
        exhibitFile(await makeSamplePdf({ pages, seed: index, rotate: index % 37 === 0 ? 90 : 0 }), claimant, {
          label: `통신요금 고지서 ${pages}면`,
          filename: `bill-${index}.pdf`,
          mime: 'application/pdf',
        }),
      );
    } else if (roll < 17) {
      const photo = index % 50 === 13 && lastPhoto ? lastPhoto : await makePhoto('jpeg', index, 1280, 960);
      lastPhoto = photo;
      files.push(exhibitFile(photo, claimant, { label: '장애 당시 사진', filename: `IMG_${index}.jpg`, mime: 'image/jpeg' }));
    } else if (roll < 19) {
      files.push(
        exhibitFile(await makePhoto('png', index, 800, 600), claimant, {
          label: '매장 사진 (PNG)',
          filename: `photo-${index}.png`,
          mime: 'image/png',
        }),
      );
    } else {
      files.push(
        exhibitFile(await makeScreenshot(index, index % 40 === 19, 1280, 800), claimant, {
          label: '접속 오류 화면',
          filename: `screen-${index}.png`,
          mime: 'image/png',
        }),
      );
    }
  }
  const megabytes = files.reduce((sum, file) => sum + (file.data as Uint8Array).length, 0) / 1e6;
  log(
    `exhibits-1k: generated ${files.length} files (${megabytes.toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return files;
}

async function runExhibits1k(context: BenchContext): Promise<BenchResult> {
  const files = await generateFiles(Math.round(1000 * context.scale), context.log);
  (globalThis as { gc?: () => void }).gc?.();
  const timer = trackPeakRss(20);
  let sampled = 0;
  const start = performance.now();
  const result = await renderExhibitBundle(
    { case: SAMPLE_CASE, files, bates: { prefix: 'SLM' } },
    { format: 'kr', language: 'ko', now: DEMO_NOW, onProgress: () => (sampled = Math.max(sampled, process.memoryUsage.rss())) },
  );
  const elapsed = performance.now() - start;
  const peakRssMb = Math.max(timer.stop(), Math.round(sampled / 1024 / 1024));
  const value = elapsed / 1000;
  const jpegs = result.entries.filter((entry) => entry.imageEncoding === 'jpeg').length;
  const notes = `${files.length} files → ${result.pageCount} pages, ${(result.bytes.length / 1e6).toFixed(1)} MB, ${result.batesFirst}–${result.batesLast}; ${jpegs} PNG photos re-encoded as JPEG`;
  context.log(`exhibits-1k: ${value.toFixed(1)} s, ${peakRssMb} MB peak; ${notes}`);
  return {
    name: 'exhibits-1k',
    ...summarize([elapsed], elapsed),
    peakRssMb,
    value,
    unit: 's',
    ceiling: null,
    ratio: null,
    target: '≤ 60 s, ≤ 1 GB peak RSS',
    pass: value <= 60 && peakRssMb <= 1024,
    notes,
  };
}

export const scenarios: BenchScenario[] = [
  {
    name: 'exhibits-1k',
    description: 'Exhibit bundle (renderer) of 1,000 evidence files: PDFs copied, photos placed, every page stamped',
    run: runExhibits1k,
  },
];
