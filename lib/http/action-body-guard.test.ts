import { describe, expect, it } from 'vitest';
import { encodeActionArguments } from '@/tests/support/http-session';
import { findPagePostProblem } from './action-body-guard';

async function asBody(args: unknown[]): Promise<{ contentType: string; bytes: Uint8Array<ArrayBuffer> }> {
  const encoded = await encodeActionArguments(args);
  const response = new Response(encoded);
  return {
    contentType: response.headers.get('content-type') ?? 'text/plain;charset=UTF-8',
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

const check = async (args: unknown[]) => findPagePostProblem({ ...(await asBody(args)), isActionCall: true });
const raw = (text: string, contentType = 'text/plain;charset=UTF-8') =>
  findPagePostProblem({ contentType, isActionCall: true, bytes: new Uint8Array(new TextEncoder().encode(text)) });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('the server-action body guard', () => {
  it('lets through what our forms and React send', async () => {
    expect(await check([null, form({ name: '홍길동', email: 'a@b.kr' })])).toBeNull();
    expect(await check([null, form({})])).toBeNull();
    expect(await check([form({ locale: 'ko' })])).toBeNull();
    expect(await check(['ko'])).toBeNull();
    expect(await check([{ nested: { list: [1, 'two', null] } }, new Date(0), 10n, undefined, '$literal dollar'])).toBeNull();
    expect(await check([new Map([['a', 1]]), new Set([1, 2])])).toBeNull();
  });

  it('refuses what no form of ours sends: broken JSON, a non-array root, dangling or unknown references, deep nesting', async () => {
    for (const body of [
      '',
      '[',
      'not json',
      'null',
      '"string"',
      '{"a":1}',
      '["$Q1"]',
      '["$@1"]',
      '["$h1"]',
      '["$F1"]',
      '["$T"]',
      '["$Z9"]',
      `${'['.repeat(100)}${']'.repeat(100)}`,
    ]) {
      expect(await raw(body), body.slice(0, 20)).toBe('malformed');
    }
    expect(await raw('[]', 'application/json')).toBe('unsupported_media');
    expect(await raw('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb', 'multipart/form-data; boundary=x')).toBe('malformed');
    const noRoot = new Response(form({ name: 'a' }));
    expect(
      await findPagePostProblem({
        contentType: noRoot.headers.get('content-type'),
        isActionCall: true,
        bytes: new Uint8Array(await noRoot.arrayBuffer()),
      }),
    ).toBe('malformed');
  });

  it('checks a form posted without JavaScript by its progressive-enhancement fields', async () => {
    const fields = form({
      $ACTION_REF_2: '',
      '$ACTION_2:0': '{"id":"60ab","bound":"$@1"}',
      '$ACTION_2:1': '[null]',
      $ACTION_KEY: 'k1',
      name: 'x',
    });
    const ok = new Response(fields);
    expect(
      await findPagePostProblem({
        contentType: ok.headers.get('content-type'),
        isActionCall: false,
        bytes: new Uint8Array(await ok.arrayBuffer()),
      }),
    ).toBeNull();
    const dangling = new Response(form({ '$ACTION_2:0': '{"id":"60ab","bound":"$@1"}' }));
    expect(
      await findPagePostProblem({
        contentType: dangling.headers.get('content-type'),
        isActionCall: false,
        bytes: new Uint8Array(await dangling.arrayBuffer()),
      }),
    ).toBe('malformed');
    expect(
      await findPagePostProblem({
        contentType: 'application/x-www-form-urlencoded',
        isActionCall: false,
        bytes: new Uint8Array(new TextEncoder().encode('a=%ZZ')),
      }),
    ).toBeNull();
  });
});
