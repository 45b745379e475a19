import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '@/tests/access/policies';

/**
 * Where the hostile corpus is sent. Every text goes into every listed field; every hostile body and
 * file goes to every route handler found on disk anyway (tests/access/enumerate). Targets whose
 * route file does not exist yet are reported as pending and skipped — add the new forms, JSON routes
 * and upload routes here when they land.
 */
export type FormTarget = {
  kind: 'form';
  name: string;
  /** Server action, as the access matrix names it. */
  action: string;
  /** A valid submission; each field in `hostileFields` is replaced by each hostile text in turn. */
  fields: (unique: string) => Record<string, string>;
  hostileFields: string[];
  /** `[null, formData]` for useActionState forms, `[formData]` for plain form actions. */
  withPreviousState: boolean;
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
  /** Also send each case as a classic form post (partner sites embed forms). */
  alsoFormEncoded?: boolean;
  signInAs?: Actor;
};

export type QueryTarget = { kind: 'query'; name: string; url: (value: string) => string; signInAs?: Actor };

export type UploadTarget = {
  kind: 'upload';
  name: string;
  path: string;
  routeFile: string;
  fileField: string;
  fields: Record<string, string>;
  signInAs: Actor;
};

/** The credentials sign-in of next-auth (form-encoded, with its CSRF token). */
export type SignInTarget = { kind: 'signin'; name: string; hostileFields: string[] };

/** A server action called with arbitrary argument payloads, as a script could send them (React's reply format is JSON with `$` references). */
export type CallTarget = { kind: 'call'; name: string; action: string; rawBodies: string[] };

export type HostileTarget = FormTarget | JsonTarget | QueryTarget | UploadTarget | SignInTarget | CallTarget;

const VALID_PASSWORD = 'hostile corpus passphrase';

export const HOSTILE_TARGETS: HostileTarget[] = [
  {
    kind: 'form',
    name: 'sign-up',
    action: 'lib/users/actions.ts#signUpAction',
    fields: (unique) => ({ name: '홍길동', email: `hostile-${unique}@joinder.test`, password: VALID_PASSWORD, locale: 'ko', acceptTerms: 'on', caseSlug: 'slammer-2003', source: 'hostile' }),
    hostileFields: ['name', 'email', 'password', 'locale', 'caseSlug', 'source', 'acceptTerms'],
    withPreviousState: true,
  },
  { kind: 'form', name: 'forgot password', action: 'lib/users/actions.ts#requestPasswordResetAction', fields: () => ({ email: 'claimant@joinder.test' }), hostileFields: ['email'], withPreviousState: true },
  {
    kind: 'form',
    name: 'reset password',
    action: 'lib/users/actions.ts#resetPasswordAction',
    fields: () => ({ token: 'x'.repeat(43), password: VALID_PASSWORD, passwordConfirm: VALID_PASSWORD }),
    hostileFields: ['token', 'password', 'passwordConfirm'],
    withPreviousState: true,
  },
  { kind: 'signin', name: 'sign-in', hostileFields: ['email', 'password', 'totp', 'csrfToken', 'callbackUrl'] },
  {
    kind: 'call',
    name: 'remember language (raw arguments)',
    action: 'lib/users/actions.ts#rememberLocaleForCurrentUser',
    rawBodies: [
      '[]',
      '[null]',
      '["xx"]',
      '[123]',
      '[{"__proto__":{"isPlatformAdmin":true}}]',
      '[["ko","en"]]',
      `["${'ko'.repeat(50_000)}"]`,
      '[{"toString":"ko"}]',
      '["ko","extra","args"]',
      '["$@0"]',
      '["$K1"]',
      '["$Q1"]',
      '["$D2003-01-25"]',
      '["$n99999999999999999999999"]',
      '["$h1"]',
      '["$F1"]',
      '[',
      'not json at all',
      '',
    ],
  },
  { kind: 'form', name: 'language switcher', action: 'lib/i18n/actions.ts#setLocaleAction', fields: () => ({ locale: 'ko' }), hostileFields: ['locale'], withPreviousState: false },
  { kind: 'form', name: 'two-step sign-in code', action: 'lib/auth/actions.ts#confirmTotpEnrollmentAction', fields: () => ({ code: '123456' }), hostileFields: ['code'], withPreviousState: true, signInAs: 'lawyer' },
  { kind: 'form', name: 'turn off two-step sign-in', action: 'lib/auth/actions.ts#disableTotpAction', fields: () => ({ code: '123456' }), hostileFields: ['code'], withPreviousState: true, signInAs: 'lawyer' },

  // Issue 3: the petition API (JSON or form-encoded), built in parallel; runs once the route exists.
  {
    kind: 'json',
    name: 'petition signature',
    method: 'POST',
    path: '/api/cases/{case}/support',
    routeFile: 'app/api/cases/[slug]/support/route.ts',
    body: (unique) => ({ name: '김영희', email: `petition-${unique}@joinder.test`, privacyConsent: true, region: 'seoul', phone: '010-2003-0125', source: 'hostile' }),
    hostileFields: ['name', 'email', 'region', 'phone', 'source', 'privacyConsent'],
    alsoFormEncoded: true,
  },

  { kind: 'query', name: 'case page slug', url: (value) => `/cases/${encodeHostile(value)}` },
  { kind: 'query', name: 'stats slug', url: (value) => `/api/cases/${encodeHostile(value)}/stats` },
  { kind: 'query', name: 'sign-in return path', url: (value) => `/sign-in?callbackUrl=${encodeHostile(value)}` },
  { kind: 'query', name: 'sign-up case and source', url: (value) => `/sign-up?case=${encodeHostile(value)}&src=${encodeHostile(value)}` },
  { kind: 'query', name: 'email verification token', url: (value) => `/verify-email?token=${encodeHostile(value)}` },
  { kind: 'query', name: 'reset token', url: (value) => `/reset-password?token=${encodeHostile(value)}` },
  { kind: 'query', name: 'language parameter', url: (value) => `/?lang=${encodeHostile(value)}` },
  { kind: 'query', name: 'audit filters', url: (value) => `/admin/audit?case=${encodeHostile(value)}&action=${encodeHostile(value)}&actor=${encodeHostile(value)}&before=${encodeHostile(value)}`, signInAs: 'admin' },

  // Issue 3: evidence uploads. The lead sets the real path at merge; until the route exists it is pending.
  {
    kind: 'upload',
    name: 'evidence upload',
    path: '/api/cases/{case}/evidence',
    routeFile: 'app/api/cases/[slug]/evidence/route.ts',
    fileField: 'file',
    fields: { kind: 'isp_bill', label: 'hostile', note: '' },
    signInAs: 'claimantA',
  },
];

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
