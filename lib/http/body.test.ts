import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { SMALL_BODY_MAX_BYTES, bodyLimitFor, isDeclaredBodyTooLarge, readFormBody, readJsonBody, readJsonOrFormBody } from './body';
import { handleRoute } from './route';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://joinder.test/api/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** A body that arrives in chunks without a declared length, as a streaming client sends it. */
function chunked(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, totalBytes - sent)).fill(0x20);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe('reading request bodies', () => {
  it('parses JSON and form posts into fields', async () => {
    expect(await readJsonBody(post('{"name":"홍길동"}', { 'content-type': 'application/json' }))).toEqual({ name: '홍길동' });
    expect(await readJsonOrFormBody(post('name=%ED%99%8D&x=1', { 'content-type': 'application/x-www-form-urlencoded' }))).toEqual({
      name: '홍',
      x: '1',
    });
  });

  it('refuses a body declared too large before reading it, and a chunked one as soon as it grows too large', async () => {
    expect(isDeclaredBodyTooLarge(new Headers({ 'content-length': String(10 * 1024 * 1024), 'content-type': 'application/json' }))).toBe(
      true,
    );
    expect(isDeclaredBodyTooLarge(new Headers({ 'content-length': '900', 'content-type': 'application/json' }))).toBe(false);
    expect(bodyLimitFor('multipart/form-data; boundary=x')).toBeGreaterThan(20 * 1024 * 1024);
    // A post to a page is a server action: 1 MB, files or not.
    expect(bodyLimitFor('multipart/form-data; boundary=x', '/sign-up')).toBe(SMALL_BODY_MAX_BYTES);
    await expect(readJsonBody(post(chunked(SMALL_BODY_MAX_BYTES + 1)))).rejects.toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('turns broken JSON, invalid UTF-8 and broken multipart into 422 with a message key', async () => {
    await expect(readJsonBody(post('{"name": "unterminated'))).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'security.body.malformed',
    });
    await expect(readJsonBody(post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(readJsonOrFormBody(post('[1,2,3]'))).rejects.toMatchObject({ code: 'invalid_input' });
    const brokenMultipart = post('--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue-without-closing-boundary', {
      'content-type': 'multipart/form-data; boundary=XYZ',
    });
    await expect(readFormBody(brokenMultipart)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('route handlers that parse bodies themselves', () => {
  it('answer 422 rather than 500 when request.json() or request.formData() fails', async () => {
    const jsonRoute = handleRoute(async (request) => Response.json(await request.json()));
    const formRoute = handleRoute(async (request) => Response.json(Object.fromEntries(await request.formData())));
    const badJson = await jsonRoute(post('{nope', { 'content-type': 'application/json' }), { params: Promise.resolve({}) });
    expect(badJson.status).toBe(422);
    expect(await badJson.json()).toMatchObject({ error: 'invalid_input', message: expect.stringContaining('JSON') });
    const badForm = await formRoute(post('garbage', { 'content-type': 'multipart/form-data; boundary=nothing' }), {
      params: Promise.resolve({}),
    });
    expect(badForm.status).toBe(422);
  });

  it('still answer 500 for our own bugs, with no detail', async () => {
    const buggy = handleRoute(async () => {
      throw new Error('secret internal detail');
    });
    const original = console.error;
    console.error = () => {};
    try {
      const response = await buggy(post('{}'), { params: Promise.resolve({}) });
      expect(response.status).toBe(500);
      expect(await response.text()).not.toContain('secret internal detail');
    } finally {
      console.error = original;
    }
    expect(new AppError('payload_too_large').status).toBe(413);
  });
});
