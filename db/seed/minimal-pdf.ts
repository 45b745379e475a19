/**
 * A small valid one-page PDF that looks like a bill (a header band, item rows, a total box and a
 * barcode that encodes `line`), drawn with vector shapes only — no fonts, so pre-flight's "fonts
 * embedded" check holds for seeded exhibits as it would for a scan. Built as a string so seeding
 * thousands of evidence files costs microseconds each. `line` is kept whole in the document's Info
 * dictionary, so every file's bytes (and hash) differ — shared hashes would read as the same
 * evidence under two claimants — and its tail is drawn as the barcode.
 */
export function minimalPdf(line: string): Uint8Array {
  const bars: string[] = [];
  let x = 72;
  for (const char of line.slice(-22)) {
    const code = char.codePointAt(0)! % 256;
    for (let bit = 0; bit < 8; bit++) {
      const width = (code >> bit) & 1 ? 2 : 1;
      bars.push(`${x} 96 ${width} 36 re`);
      x += width + 1;
      if (x > 520) break;
    }
    if (x > 520) break;
  }
  const rows = Array.from({ length: 8 }, (_, index) => `72 ${640 - index * 32} m 523 ${640 - index * 32} l`).join(' ');
  const stream = [
    '0.12 0.54 0.51 rg 72 740 451 48 re f',
    '0.85 g 72 680 200 36 re f',
    `0.6 G 0.8 w ${rows} S`,
    '0 G 1.5 w 360 300 163 56 re S',
    `0 g ${bars.join(' ')} f`,
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    `<< /Title (${line.replace(/[()\\]/g, '').replace(/[^\x20-\x7e]/g, '?')}) >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
