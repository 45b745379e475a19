import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '@/tests/access/policies';

/**
 * The kinds of place the hostile corpus is sent to (tests/hostile/targets.ts lists them). A
 * target's `hostileFields` get every hostile text in turn; its `sampleFields` (choices, numbers,
 * dates, ids: their parser refuses anything else at once) get SAMPLE_TEXTS.
 */
export type FormTarget = {
  kind: 'form';
  name: string;
  /** Server action, as the access matrix names it. */
  action: string;
  /** A valid submission; each field in `hostileFields` is replaced by each hostile text in turn. */
  fields: (unique: string) => Record<string, string>;
  hostileFields: string[];
  sampleFields?: string[];
  /** `[null, formData]` for useActionState forms, `[formData]` for plain form actions. */
  withPreviousState: boolean;
  /** Arguments bound with `.bind(null, …)` (sent first); a field named `bound:N` puts the hostile text in place N. */
  boundArgs?: (string | number | null)[];
  /** Where the form is posted (placeholders as in the access matrix); by default the page the build serves it on. */
  page?: string;
  /** For forms that carry JSON in a field: where a hostile value of `field` goes. */
  inject?: (fields: Record<string, string>, field: string, value: string) => Record<string, string>;
  signInAs?: Actor;
};

export type JsonTarget = {
  kind: 'json';
  name: string;
  method: 'POST' | 'PUT' | 'PATCH';
  /** Placeholders as in the access matrix ({case} …). */
  path: string;
  /** The route file that must exist for this target to run. */
  routeFile: string;
  body: (unique: string) => Record<string, unknown>;
  hostileFields: string[];
  sampleFields?: string[];
  /** Also send the sampled texts as a classic form post (partner sites embed forms). */
  alsoFormEncoded?: boolean;
  /** Send every text as a browser's own form post (form-encoded, Accept: text/html): the answer is a page or a 303. */
  asBrowserForm?: boolean;
  signInAs?: Actor;
};

/** A URL with the hostile text in its query or path; sampled ones get SAMPLE_TEXTS only. */
export type QueryTarget = { kind: 'query'; name: string; url: (value: string) => string; signInAs?: Actor; isSampled?: boolean };

/**
 * An upload route. `raw`: the file is the request body and its metadata is in the query string
 * (the evidence upload, sent by XHR with a progress bar); `multipart`: a form with the file in
 * `fileField`. Every hostile file goes through it, and the hostile texts through its metadata.
 */
export type UploadTarget = {
  kind: 'upload';
  name: string;
  path: string;
  routeFile: string;
  mode: 'raw' | 'multipart';
  /** The field that names the file (raw: a query parameter), filled with each hostile file's name. */
  fileNameField: string;
  fileField?: string;
  fields: Record<string, string>;
  hostileFields: string[];
  sampleFields?: string[];
  signInAs: Actor;
};

/** The credentials sign-in of next-auth (form-encoded, with its CSRF token). */
export type SignInTarget = { kind: 'signin'; name: string; hostileFields: string[]; sampleFields?: string[] };

/** A server action called with arbitrary argument payloads, as a script could send them (React's reply format is JSON with `$` references). */
export type CallTarget = { kind: 'call'; name: string; action: string; rawBodies: string[]; page?: string; signInAs?: Actor };

export type HostileTarget = FormTarget | JsonTarget | QueryTarget | UploadTarget | SignInTarget | CallTarget;

/** Percent-encodes like a browser; a lone surrogate (no UTF-8 form) goes out as the invalid bytes a script would send. */
export function encodeHostile(value: string): string {
  const loneSurrogate = /([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/;
  return value
    .split(loneSurrogate)
    .map((part) => (loneSurrogate.test(part) && part.length === 1 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

export function isTargetPending(target: HostileTarget, root = process.cwd()): boolean {
  return (target.kind === 'json' || target.kind === 'upload') && !fs.existsSync(path.join(root, target.routeFile));
}
