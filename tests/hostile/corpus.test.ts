import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { HOSTILE_BODIES } from './bodies';
import { HOSTILE_FILES } from './files';
import { HOSTILE_REQUESTS } from './requests';
import { HOSTILE_TEXTS } from './strings';
import { encodeHostile } from './targets';

const file = async (id: string) => {
  const found = HOSTILE_FILES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no corpus file ${id}`);
  return Buffer.from(await found.build());
};

describe('the hostile corpus', () => {
  it('holds at least 200 distinct cases across every category the issue names', () => {
    const ids = [...HOSTILE_TEXTS, ...HOSTILE_BODIES, ...HOSTILE_FILES, ...HOSTILE_REQUESTS].map((item) => item.id);
    expect(ids.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(HOSTILE_TEXTS.map((text) => text.category))).toEqual(new Set(['sql', 'script', 'layout', 'bidi', 'email', 'format']));
  });

  it('has a 10 MB JSON body, declared and chunked', () => {
    const big = HOSTILE_BODIES.filter((body) => body.id.startsWith('json-10mb'));
    expect(big.map((body) => Boolean(body.isChunked))).toEqual([false, true]);
    expect(big[0].build().byteLength).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('builds a real 100,000-page PDF under the 20 MB upload limit', async () => {
    const bytes = await file('pdf-100000-pages');
    expect(bytes.byteLength).toBeLessThan(20 * 1024 * 1024);
    expect(bytes.toString('latin1').match(/\/Type \/Page \/Parent/g)?.length).toBe(100_000);
    expect(bytes.toString('latin1')).toContain('/Count 100000 ');
  });

  it('builds PDFs that run JavaScript, launch programs, are encrypted or cut short', async () => {
    for (const id of ['pdf-javascript-openaction', 'pdf-javascript-names-tree', 'pdf-javascript-page-aa'])
      expect((await file(id)).toString('latin1')).toContain('/JavaScript');
    expect((await file('pdf-launch-action')).toString('latin1')).toContain('/Launch');
    expect((await file('pdf-encrypted')).toString('latin1')).toMatch(/\/Encrypt \d+ 0 R/);
    expect((await file('pdf-truncated-half')).toString('latin1')).not.toContain('%%EOF');
    // 200 MB of zeros inside a stream of well under a megabyte.
    expect((await file('pdf-flate-bomb')).byteLength).toBeLessThan(1024 * 1024);
  });

  it('builds a decompression-bomb image that image libraries refuse to decode by default', async () => {
    const bomb = await file('image-png-bomb-400-megapixels');
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ width: 20_000, height: 20_000 });
    await expect(sharp(bomb).raw().toBuffer()).rejects.toThrow(/pixel limit/i);
  });

  it('builds an image that carries GPS coordinates and one that lies about its size', async () => {
    const exif = (await sharp(await file('image-jpeg-gps-exif')).metadata()).exif;
    expect(exif?.toString('latin1')).toMatch(/Joinder/);
    // The GPS IFD pointer (tag 0x8825), in either byte order.
    expect(exif?.includes(Buffer.from([0x25, 0x88])) || exif?.includes(Buffer.from([0x88, 0x25]))).toBe(true);
    expect((await sharp(await file('image-jpeg-dimension-lie'), { limitInputPixels: false }).metadata()).width).toBe(65_500);
  });

  it('builds polyglots that are two formats at once', async () => {
    const jpegPdf = await file('polyglot-jpeg-pdf');
    expect([...jpegPdf.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(jpegPdf.toString('latin1')).toContain('%PDF-1.7');
    expect((await file('polyglot-pdf-html')).toString('latin1')).toMatch(/^%PDF-1\.4\n<html>/);
    expect((await file('polyglot-png-php')).toString('latin1')).toContain('<?php');
  });

  it('builds PDFs that carry attached files and actions that reach other files or send data', async () => {
    expect((await file('pdf-attached-script-pdf-and-html')).toString('latin1')).toContain('/EmbeddedFiles');
    const actions = (await file('pdf-attachment-annotation-and-remote-actions')).toString('latin1');
    for (const name of ['/FileAttachment', '/GoToR', '/GoToE', '/SubmitForm', '/ImportData', '/RichMedia', '/AA'])
      expect(actions).toContain(name);
  });

  it('has the raw requests scanners sent: TRACE, CR/LF/NUL for a header, cross-site actions', () => {
    const ids = HOSTILE_REQUESTS.map((request) => request.id);
    expect(ids).toEqual(expect.arrayContaining(['trace-home', 'auth-error-control-0', 'cross-origin-action-0']));
    expect(HOSTILE_REQUESTS.every((request) => request.expect.every((status) => status < 500))).toBe(true);
  });

  it('sends a lone surrogate as the invalid UTF-8 a script would, and keeps real emoji intact', () => {
    expect(encodeHostile('a\ud800b')).toBe('a%ED%A0%80b');
    expect(encodeHostile('👨‍👩')).toBe(encodeURIComponent('👨‍👩'));
  });
});
