import { createHash } from 'node:crypto';
import { assemblePacket, preflightPdf } from '@/lib/pdf';
import { makePhoto, makeSamplePdf, makeScreenshot } from '@/lib/pdf/__fixtures__/exhibit-files';
import { SAMPLE_CASE } from '@/lib/pdf/__fixtures__/sample-case';
import { syntheticClaimants } from '@/lib/pdf/__fixtures__/synthetic-claimants';
import { renderPacketDocuments } from '@/lib/filings/render/packet-documents';
import { PageProgress } from '@/lib/filings/render/page-progress';

const rss = () => Math.round(process.memoryUsage().rss / 1e6);
let peak = 0; setInterval(() => { peak = Math.max(peak, rss()); }, 20).unref();
(async () => {
  const n = Number(process.argv[2] ?? 1000);
  const people = syntheticClaimants(Math.ceil(n / 2.5), 2003);
  const files: { sha256: string; bytes: Uint8Array }[] = [];
  for (let index = 0; index < n; index++) {
    const roll = index % 20;
    const bytes = roll < 12 ? await makeSamplePdf({ pages: 1 + (index % 5), seed: index }) : roll < 17 ? await makePhoto('jpeg', index, 1280, 960) : roll < 19 ? await makePhoto('png', index, 800, 600) : await makeScreenshot(index, index % 40 === 19, 1280, 800);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    files.push({ sha256, bytes });
    const owner = people[Math.floor(index / 2.5)];
    owner.evidence.push({ id: `e${index}`, kind: 'x', label: 'file', originalFilename: `f${index}`, mime: roll < 12 ? 'application/pdf' : roll < 17 ? 'image/jpeg' : 'image/png', sha256, pageCount: roll < 12 ? 1 + (index % 5) : undefined });
  }
  console.log('generated', rss(), 'MB');
  peak = 0;
  let t = performance.now();
  const lap = (m: string) => { console.log(m, ((performance.now() - t) / 1000).toFixed(1), 's rss', rss(), 'peak', peak); t = performance.now(); };
  const input = { caseInfo: SAMPLE_CASE, claimants: people, documents: { complaint: false, partyList: false, appointment: false, powerOfAttorney: 'none' as const, declarations: false, exhibits: true }, format: 'kr' as const, language: 'ko' as const, bates: { prefix: 'STK', start: 1 }, maxPartBytes: 50 << 20, documentDate: new Date().toISOString(), representativeClaimantIds: [], files };
  const rendered = await renderPacketDocuments(input, ['exhibits'], new PageProgress([1], () => {}));
  lap('bundle');
  files.length = 0;
  const result = await assemblePacket({ documents: rendered.map((r) => r.document), metadata: { title: 'x', language: 'ko', createdAt: new Date() }, maxPartBytes: 50 << 20 });
  lap('assemble');
  for (const part of result.parts) { await preflightPdf(part.bytes, 'kr', { maxBytes: 50 << 20 }); lap(`preflight ${part.pageCount}p ${(part.byteLength / 1e6).toFixed(1)}MB`); }
})();
