import { type Actor, expandPlaceholders } from '@/tests/access/policies';
import { HttpSession, encodeActionArguments, type loadActionIds } from '@/tests/support/http-session';
import type { HostileBody } from './bodies';
import { HOSTILE_FILES, type HostileFile } from './files';
import { HOSTILE_TEXTS, type HostileText, SAMPLE_TEXTS } from './strings';
import type { CallTarget, FormTarget, JsonTarget, QueryTarget, SignInTarget, UploadTarget } from './target-types';

/**
 * Builds the requests of the hostile corpus, one task per request; tests/hostile/run-corpus.ts
 * runs them and judges the answers (`judge`).
 */
export type HostileVerdict = 'ok' | 'server-error' | 'no-message' | 'unescaped-script' | 'wrong-status' | 'connection-error';
export type HostileOutcome = { target: string; input: string; status: number; verdict: HostileVerdict; detail?: string; ms?: number };
export type Judge = (
  target: string,
  input: string,
  response: Response,
  options?: { mustBe413?: boolean; mustSucceed?: boolean },
) => Promise<HostileOutcome>;
export type Task = () => Promise<HostileOutcome>;
export type SessionFor = (actor?: Actor) => Promise<HttpSession>;
type ActionIds = ReturnType<typeof loadActionIds>;

/** Each field's texts: every hostile text, or the sample for fields that take a choice, a number, a date or an id. */
export function fieldTexts(target: { hostileFields: string[]; sampleFields?: string[] }): { field: string; text: HostileText }[] {
  return [
    ...target.hostileFields.flatMap((field) => HOSTILE_TEXTS.map((text) => ({ field, text }))),
    ...(target.sampleFields ?? []).flatMap((field) => SAMPLE_TEXTS.map((text) => ({ field, text }))),
  ];
}

/** Hostile files are built once per run (the 100,000-page PDF takes a moment). */
const built = new Map<string, Promise<Uint8Array>>();
export function bytesOf(file: HostileFile): Promise<Uint8Array> {
  let bytes = built.get(file.id);
  if (!bytes) {
    bytes = file.build();
    built.set(file.id, bytes);
  }
  return bytes;
}

export function formTasks(
  target: FormTarget,
  sessionFor: SessionFor,
  actionIds: ActionIds,
  nextUnique: () => string,
  judge: Judge,
): Task[] {
  const identity = actionIds.get(target.action);
  if (!identity)
    return [
      async () => ({
        target: target.name,
        input: '(action)',
        status: 0,
        verdict: 'connection-error',
        detail: `${target.action} is not in the build manifest`,
      }),
    ];
  const page = target.page ? expandPlaceholders(target.page) : identity.pagePath;
  return fieldTexts(target).map(({ field, text }) => async () => {
    const bound = [...(target.boundArgs ?? [])];
    let fields = target.fields(nextUnique());
    if (field.startsWith('bound:')) bound[Number(field.slice('bound:'.length))] = text.value;
    else fields = target.inject ? target.inject(fields, field, text.value) : { ...fields, [field]: text.value };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const session = await sessionFor(target.signInAs);
    const encoded = await encodeActionArguments([...bound, ...(target.withPreviousState ? [null] : []), form]);
    const response = await session.request(page, {
      method: 'POST',
      headers: { 'Next-Action': identity.id, Accept: 'text/x-component' },
      body: encoded,
    });
    return judge(`${target.name} [${field}]`, text.id, response);
  });
}

export function jsonTasks(target: JsonTarget, sessionFor: SessionFor, nextUnique: () => string, judge: Judge): Task[] {
  return fieldTexts(target).flatMap(({ field, text }) => {
    const send =
      (encoding: 'json' | 'form'): Task =>
      async () => {
        const fields = { ...target.body(nextUnique()), [field]: text.value };
        const session = await sessionFor(target.signInAs);
        const body =
          encoding === 'json'
            ? JSON.stringify(fields)
            : new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)])).toString();
        const contentType = encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
        const accept: Record<string, string> = target.asBrowserForm ? { accept: 'text/html,application/xhtml+xml' } : {};
        return judge(
          `${target.name} [${field}, ${encoding}]`,
          text.id,
          await session.request(expandPlaceholders(target.path), {
            method: target.method,
            headers: { 'content-type': contentType, ...accept },
            body,
          }),
        );
      };
    if (target.asBrowserForm) return [send('form')];
    return target.alsoFormEncoded && SAMPLE_TEXTS.includes(text) ? [send('json'), send('form')] : [send('json')];
  });
}

/** next-auth's credentials callback, each field hostile in turn; a fresh session each time (own CSRF cookie). */
export function signInTasks(target: SignInTarget, baseUrl: string, judge: Judge): Task[] {
  return fieldTexts(target).map(({ field, text }) => async () => {
    const session = new HttpSession(baseUrl);
    const fields: Record<string, string> = {
      csrfToken: await session.csrfToken(),
      email: 'claimant@joinder.test',
      password: 'not the password',
      totp: '',
      json: 'true',
      [field]: text.value,
    };
    const response = await session.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return judge(`${target.name} [${field}]`, text.id, response);
  });
}

export function queryTasks(target: QueryTarget, sessionFor: SessionFor, judge: Judge): Task[] {
  return (target.isSampled ? SAMPLE_TEXTS : HOSTILE_TEXTS).map((text) => async () => {
    const session = await sessionFor(target.signInAs);
    return judge(target.name, text.id, await session.request(target.url(text.value)));
  });
}

export function callTasks(target: CallTarget, sessionFor: SessionFor, actionIds: ActionIds, judge: Judge): Task[] {
  const identity = actionIds.get(target.action);
  return target.rawBodies.map((body, index) => async () => {
    if (!identity)
      return { target: target.name, input: `args-${index}`, status: 0, verdict: 'connection-error', detail: 'not in the build manifest' };
    const session = await sessionFor(target.signInAs);
    const page = target.page ? expandPlaceholders(target.page) : identity.pagePath;
    return judge(
      target.name,
      `args-${index}`,
      await session.request(page, {
        method: 'POST',
        headers: { 'Next-Action': identity.id, Accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8' },
        body,
      }),
    );
  });
}

/** A one-pixel PNG, the file sent with each hostile text in an upload's metadata (the files themselves are the other half). */
const PLAIN_IMAGE = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
);

function uploadRequest(
  target: UploadTarget,
  fields: Record<string, string>,
  bytes: Uint8Array,
  contentType: string,
  filename: string,
): { url: string; init: { method: string; headers?: Record<string, string>; body: BodyInit } } {
  const path = expandPlaceholders(target.path);
  if (target.mode === 'raw') {
    return {
      url: `${path}?${new URLSearchParams({ ...fields, [target.fileNameField]: filename })}`,
      init: { method: 'POST', headers: { 'content-type': contentType }, body: bytes as unknown as BodyInit },
    };
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(target.fileField ?? 'file', new Blob([Buffer.from(bytes)], { type: contentType }), filename);
  return { url: path, init: { method: 'POST', body: form } };
}

/** Every hostile file through the upload, then every hostile text through its metadata (with a plain PDF). */
export function uploadTasks(target: UploadTarget, sessionFor: SessionFor, judge: Judge): Task[] {
  const files = HOSTILE_FILES.map((file): Task => async () => {
    const { url, init } = uploadRequest(target, target.fields, await bytesOf(file), file.claimedType, file.filename);
    return judge(target.name, file.id, await (await sessionFor(target.signInAs)).request(url, init));
  });
  const texts = fieldTexts(target).map(({ field, text }): Task => async () => {
    const fields = { ...target.fields, [field]: text.value };
    const filename = field === target.fileNameField ? text.value : 'pixel.png';
    const { url, init } = uploadRequest(target, fields, PLAIN_IMAGE, 'image/png', filename);
    return judge(`${target.name} [${field}]`, text.id, await (await sessionFor(target.signInAs)).request(url, init));
  });
  return [...files, ...texts];
}

function chunkedStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 256 * 1024));
      offset += 256 * 1024;
    },
  });
}

export async function sendBody(
  session: HttpSession,
  method: string,
  path: string,
  body: HostileBody,
  bytes: Uint8Array,
  headers: Record<string, string> = {},
): Promise<Response> {
  return session.request(path, {
    method,
    headers: { ...(body.contentType ? { 'content-type': body.contentType } : {}), ...headers },
    body: body.isChunked ? chunkedStream(bytes) : (bytes as unknown as BodyInit),
    duplex: body.isChunked ? 'half' : undefined,
  });
}
