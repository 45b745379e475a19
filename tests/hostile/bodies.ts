/**
 * Hostile request bodies, built when used (a few are megabytes). Every one is sent to every route
 * handler on disk and to the server-action endpoint: the answer must be a 4xx with a message
 * (413 for the oversized ones), never a 500 and never a dead server.
 */
export type HostileBody = {
  id: string;
  category: 'json' | 'multipart' | 'urlencoded' | 'content-type';
  contentType: string | null;
  build: () => Uint8Array;
  /** Sent as a stream without Content-Length (Transfer-Encoding: chunked). */
  isChunked?: boolean;
  /** Bigger than any route accepts: 413 (or the connection closed after a 413) is the only right answer. */
  isOversized?: boolean;
};

const text = (value: string) => () => new TextEncoder().encode(value);
const MB = 1024 * 1024;
const BOUNDARY = '----joinderHostileBoundary7MA4YWxkTrZu0gW';

function tenMegabyteJson(): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ name: 'x'.repeat(10 * MB), email: 'big@joinder.test', privacyConsent: true }));
}

function part(name: string, value: string, extraHeaders = ''): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n${extraHeaders}\r\n${value}\r\n`;
}

const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

export const HOSTILE_BODIES: HostileBody[] = [
  { id: 'json-10mb', category: 'json', contentType: 'application/json', build: tenMegabyteJson, isOversized: true },
  {
    id: 'json-10mb-chunked',
    category: 'json',
    contentType: 'application/json',
    build: tenMegabyteJson,
    isChunked: true,
    isOversized: true,
  },
  {
    id: 'json-deeply-nested',
    category: 'json',
    contentType: 'application/json',
    build: text(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  },
  {
    id: 'json-deep-objects',
    category: 'json',
    contentType: 'application/json',
    build: text(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`),
  },
  {
    id: 'json-50k-keys',
    category: 'json',
    contentType: 'application/json',
    build: text(JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])))),
  },
  {
    id: 'json-invalid-utf8',
    category: 'json',
    contentType: 'application/json',
    build: () => new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]),
  },
  { id: 'json-bom', category: 'json', contentType: 'application/json', build: text('\uFEFF{"name":"홍길동","email":"bom@joinder.test"}') },
  { id: 'json-trailing-garbage', category: 'json', contentType: 'application/json', build: text('{"name":"a"} trailing') },
  { id: 'json-single-quotes', category: 'json', contentType: 'application/json', build: text("{'name': 'a'}") },
  { id: 'json-nan', category: 'json', contentType: 'application/json', build: text('{"amount": NaN, "n": Infinity}') },
  {
    id: 'json-duplicate-keys',
    category: 'json',
    contentType: 'application/json',
    build: text('{"email":"a@joinder.test","email":"b@joinder.test","privacyConsent":true,"privacyConsent":false}'),
  },
  {
    id: 'json-proto-pollution',
    category: 'json',
    contentType: 'application/json',
    build: text('{"__proto__":{"isPlatformAdmin":true,"role":"admin"},"name":"p","email":"p@joinder.test"}'),
  },
  {
    id: 'json-constructor-prototype',
    category: 'json',
    contentType: 'application/json',
    build: text('{"constructor":{"prototype":{"isPlatformAdmin":true}}}'),
  },
  { id: 'json-null', category: 'json', contentType: 'application/json', build: text('null') },
  { id: 'json-array', category: 'json', contentType: 'application/json', build: text('[{"name":"a"}]') },
  { id: 'json-string', category: 'json', contentType: 'application/json', build: text('"just a string"') },
  {
    id: 'json-huge-number',
    category: 'json',
    contentType: 'application/json',
    build: text('{"amount": 1e999999, "seats": -99999999999999999999}'),
  },
  { id: 'json-empty', category: 'json', contentType: 'application/json', build: text('') },
  { id: 'json-whitespace', category: 'json', contentType: 'application/json', build: text('   \n\t  ') },
  {
    id: 'json-utf16',
    category: 'json',
    contentType: 'application/json; charset=utf-16',
    build: () => new Uint8Array(Buffer.from('\uFEFF{"name":"a"}', 'utf16le')),
  },
  { id: 'json-as-text-plain', category: 'content-type', contentType: 'text/plain', build: text('{"name":"a","email":"a@joinder.test"}') },
  {
    id: 'xml-external-entity',
    category: 'content-type',
    contentType: 'application/xml',
    build: text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'),
  },
  {
    id: 'content-type-garbage',
    category: 'content-type',
    contentType: 'application/json; charset=x-unknown;; boundary; ====',
    build: text('{}'),
  },
  { id: 'no-content-type', category: 'content-type', contentType: null, build: text('name=a&email=b') },
  { id: 'multipart-missing-boundary', category: 'multipart', contentType: 'multipart/form-data', build: text(part('name', 'a')) },
  {
    id: 'multipart-wrong-boundary',
    category: 'multipart',
    contentType: 'multipart/form-data; boundary=not-the-one',
    build: text(`${part('name', 'a')}--${BOUNDARY}--\r\n`),
  },
  {
    id: 'multipart-unterminated',
    category: 'multipart',
    contentType: MULTIPART,
    build: text(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then nothing`,
    ),
  },
  {
    id: 'multipart-no-disposition',
    category: 'multipart',
    contentType: MULTIPART,
    build: text(`--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nvalue\r\n--${BOUNDARY}--\r\n`),
  },
  {
    id: 'multipart-10k-parts',
    category: 'multipart',
    contentType: MULTIPART,
    build: text(`${Array.from({ length: 10_000 }, (_, i) => part(`f${i}`, 'x')).join('')}--${BOUNDARY}--\r\n`),
  },
  {
    id: 'multipart-100kb-header',
    category: 'multipart',
    contentType: MULTIPART,
    build: text(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"; filename="${'b'.repeat(100_000)}.pdf"\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
    ),
  },
  {
    id: 'multipart-traversal-filename',
    category: 'multipart',
    contentType: MULTIPART,
    build: text(
      `${part('file', '%PDF-1.4', '')}--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="../../../../etc/passwd"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--${BOUNDARY}--\r\n`,
    ),
  },
  {
    id: 'multipart-nul-filename',
    category: 'multipart',
    contentType: MULTIPART,
    build: text(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf\u0000.exe"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--${BOUNDARY}--\r\n`,
    ),
  },
  {
    id: 'multipart-base64-junk',
    category: 'multipart',
    contentType: MULTIPART,
    build: text(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n--${BOUNDARY}--\r\n`,
    ),
  },
  {
    id: 'multipart-nested',
    category: 'multipart',
    contentType: MULTIPART,
    build: text(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"\r\nContent-Type: multipart/mixed; boundary=inner\r\n\r\n--inner\r\nContent-Disposition: file; filename="x.pdf"\r\n\r\n%PDF\r\n--inner--\r\n--${BOUNDARY}--\r\n`,
    ),
  },
  { id: 'multipart-empty', category: 'multipart', contentType: MULTIPART, build: text('') },
  {
    id: 'multipart-only-preamble',
    category: 'multipart',
    contentType: MULTIPART,
    build: text('This is the preamble and there are no parts at all.\r\n'),
  },
  {
    id: 'multipart-long-boundary',
    category: 'multipart',
    contentType: `multipart/form-data; boundary=${'b'.repeat(200)}`,
    build: text(`--${'b'.repeat(200)}\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--${'b'.repeat(200)}--\r\n`),
  },
  {
    id: 'multipart-declared-10mb',
    category: 'multipart',
    contentType: MULTIPART,
    build: () => new TextEncoder().encode(`${part('name', 'x'.repeat(10 * MB))}--${BOUNDARY}--\r\n`),
    isOversized: false,
  },
  {
    id: 'multipart-30mb-file',
    category: 'multipart',
    contentType: MULTIPART,
    build: () =>
      new TextEncoder().encode(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n${'0'.repeat(30 * MB)}\r\n--${BOUNDARY}--\r\n`,
      ),
    isOversized: true,
  },
  {
    id: 'urlencoded-bad-escapes',
    category: 'urlencoded',
    contentType: 'application/x-www-form-urlencoded',
    build: text('name=%ZZ%E0%A4%A&email=%&password=%%%'),
  },
  {
    id: 'urlencoded-100k-params',
    category: 'urlencoded',
    contentType: 'application/x-www-form-urlencoded',
    build: text(Array.from({ length: 100_000 }, (_, i) => `p${i}=1`).join('&')),
  },
  {
    id: 'urlencoded-deep-brackets',
    category: 'urlencoded',
    contentType: 'application/x-www-form-urlencoded',
    build: text(`a${'[b]'.repeat(5_000)}=1&__proto__[isPlatformAdmin]=true`),
  },
];
