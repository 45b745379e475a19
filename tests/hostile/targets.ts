import { CASE_TARGETS } from './targets-case';
import type { Actor } from '@/tests/access/policies';
import { type HostileTarget, encodeHostile } from './target-types';

export { encodeHostile, isTargetPending } from './target-types';
export type { CallTarget, FormTarget, HostileTarget, JsonTarget, QueryTarget, SignInTarget, UploadTarget } from './target-types';

/**
 * Where the hostile corpus is sent: every form, JSON route, query string and upload route that
 * takes input (types in target-types.ts). Every hostile body and file also goes to every route
 * handler found on disk (tests/access/enumerate), whatever it expects. Targets whose route file
 * does not exist are reported as pending and skipped. The account and sign-in surfaces are here,
 * the surfaces of a case in targets-case.ts — add new forms, JSON routes and uploads to one of them.
 */
const VALID_PASSWORD = 'hostile corpus passphrase';

const ACCOUNT_TARGETS: HostileTarget[] = [
  {
    kind: 'form',
    name: 'sign-up',
    action: 'lib/users/actions.ts#signUpAction',
    fields: (unique) => ({
      name: '홍길동',
      email: `hostile-${unique}@joinder.test`,
      password: VALID_PASSWORD,
      locale: 'ko',
      acceptTerms: 'on',
      caseSlug: 'slammer-2003',
      source: 'hostile',
    }),
    hostileFields: ['name', 'email'],
    sampleFields: ['password', 'locale', 'caseSlug', 'source', 'acceptTerms'],
    withPreviousState: true,
  },
  {
    kind: 'json',
    name: 'registration API',
    method: 'POST',
    path: '/api/auth/register',
    routeFile: 'app/api/auth/register/route.ts',
    body: (unique) => ({
      name: '홍길동',
      email: `register-${unique}@joinder.test`,
      password: VALID_PASSWORD,
      acceptTerms: true,
      locale: 'ko',
      caseSlug: 'slammer-2003',
      source: 'hostile',
    }),
    hostileFields: ['email'],
    sampleFields: ['name', 'password', 'acceptTerms', 'locale', 'caseSlug', 'source'],
  },
  {
    kind: 'form',
    name: 'forgot password',
    action: 'lib/users/actions.ts#requestPasswordResetAction',
    fields: () => ({ email: 'claimant@joinder.test' }),
    hostileFields: ['email'],
    withPreviousState: true,
  },
  {
    kind: 'form',
    name: 'reset password',
    action: 'lib/users/actions.ts#resetPasswordAction',
    fields: () => ({ token: 'x'.repeat(43), password: VALID_PASSWORD, passwordConfirm: VALID_PASSWORD }),
    hostileFields: ['password'],
    sampleFields: ['token', 'passwordConfirm'],
    withPreviousState: true,
  },
  { kind: 'signin', name: 'sign-in', hostileFields: ['email', 'password'], sampleFields: ['totp', 'csrfToken', 'callbackUrl'] },
  {
    kind: 'form',
    name: 'sign-in form action',
    action: 'lib/auth/sign-in-action.ts#signInAction',
    fields: () => ({ email: 'claimant@joinder.test', password: 'not the password', totp: '', callbackUrl: '/home' }),
    // The credentials themselves get the whole corpus through the `sign-in` target (the same
    // authenticate()); every wrong one here also counts against the server's per-address ceiling.
    hostileFields: ['callbackUrl'],
    sampleFields: ['email', 'password', 'totp'],
    withPreviousState: true,
  },
  {
    kind: 'form',
    name: 'accept an invitation',
    action: 'lib/cases/invitation-actions.ts#acceptInvitationAction',
    fields: () => ({ token: 'x'.repeat(43), name: '홍길동', password: VALID_PASSWORD, passwordConfirm: VALID_PASSWORD }),
    hostileFields: ['token', 'name', 'password'],
    sampleFields: ['passwordConfirm'],
    withPreviousState: true,
  },
  {
    kind: 'form',
    name: 'resend the verification link',
    action: 'lib/users/actions.ts#resendVerificationAction',
    fields: () => ({}),
    hostileFields: [],
    withPreviousState: true,
    signInAs: 'claimantA',
  },
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
  {
    kind: 'form',
    name: 'language switcher',
    action: 'lib/users/locale-action.ts#setLocaleAction',
    fields: () => ({ locale: 'ko' }),
    hostileFields: [],
    sampleFields: ['locale'],
    withPreviousState: false,
  },
  {
    kind: 'form',
    name: 'two-step sign-in code',
    action: 'lib/auth/actions.ts#confirmTotpEnrollmentAction',
    fields: () => ({ code: '123456' }),
    hostileFields: ['code'],
    withPreviousState: true,
    signInAs: 'lawyer',
  },
  {
    kind: 'form',
    name: 'turn off two-step sign-in',
    action: 'lib/auth/actions.ts#disableTotpAction',
    fields: () => ({ code: '123456' }),
    hostileFields: [],
    sampleFields: ['code'],
    withPreviousState: true,
    signInAs: 'lawyer',
  },
  {
    kind: 'form',
    name: 'new recovery codes',
    action: 'lib/auth/actions.ts#replaceRecoveryCodesAction',
    fields: () => ({ code: '123456' }),
    hostileFields: [],
    sampleFields: ['code'],
    withPreviousState: true,
    signInAs: 'lawyer',
  },

  { kind: 'query', name: 'case page slug', url: (value) => `/cases/${encodeHostile(value)}` },
  { kind: 'query', name: 'stats slug', url: (value) => `/api/cases/${encodeHostile(value)}/stats`, isSampled: true },
  { kind: 'query', name: 'sign-in return path', url: (value) => `/sign-in?callbackUrl=${encodeHostile(value)}` },
  { kind: 'query', name: 'sign-up case and source', url: (value) => `/sign-up?case=${encodeHostile(value)}&src=${encodeHostile(value)}` },
  { kind: 'query', name: 'email verification token', url: (value) => `/verify-email?token=${encodeHostile(value)}`, isSampled: true },
  { kind: 'query', name: 'reset token', url: (value) => `/reset-password?token=${encodeHostile(value)}`, isSampled: true },
  { kind: 'query', name: 'invitation token', url: (value) => `/invitations/accept?token=${encodeHostile(value)}` },
  {
    kind: 'query',
    name: 'verify-first return path',
    url: (value) => `/verify-first?callbackUrl=${encodeHostile(value)}`,
    signInAs: 'claimantA',
  },
  { kind: 'query', name: 'language parameter', url: (value) => `/?lang=${encodeHostile(value)}`, isSampled: true },
  {
    kind: 'query',
    name: 'audit filters',
    url: (value) =>
      `/admin/audit?case=${encodeHostile(value)}&action=${encodeHostile(value)}&actor=${encodeHostile(value)}&before=${encodeHostile(value)}`,
    signInAs: 'admin',
  },
];

export const HOSTILE_TARGETS: HostileTarget[] = [...ACCOUNT_TARGETS, ...CASE_TARGETS];

/**
 * Pages, files and PDFs that show what the corpus managed to store (names, notes, titles, codes):
 * loaded once the corpus is through, as the people who see them. Escaped, laid out, never a 5xx.
 */
export const STORED_VIEWS: { url: string; signInAs?: Actor }[] = [
  ...['/', '/cases/{case}', '/api/cases/{case}/badge.svg', '/api/cases/{case}/stats'].map((url) => ({ url })),
  ...[
    '/my',
    '/my/cases/{case}',
    '/my/cases/{case}/privacy',
    '/api/my/export',
    ...['identity', 'connection', 'outage', 'damages', 'statement', 'sign', 'evidence', 'consent', 'review'].map(
      (step) => `/my/cases/{case}/intake/${step}`,
    ),
  ].map((url) => ({
    url,
    signInAs: 'claimantA' as const,
  })),
  ...[
    '/cases/{case}/review?status=all',
    '/cases/{case}/review?status=all&sort=name',
    '/cases/{case}/review/{claimantA}',
    '/api/cases/{case}/claimants?status=all',
    '/cases/{case}/settings',
    '/cases/{case}/filings/new',
    '/cases/{case}/filings',
  ].map((url) => ({
    url,
    signInAs: 'lawyer' as const,
  })),
  ...[
    '/cases/{case}/campaigns',
    '/cases/{case}/dashboard',
    '/api/cases/{case}/metrics',
    '/api/cases/{case}/exports/claimants',
    '/api/cases/{case}/exports/supporters',
    '/api/cases/{case}/reports/support',
    '/api/cases/{case}/reports/support?lang=en',
  ].map((url) => ({
    url,
    signInAs: 'organizer' as const,
  })),
  ...['/admin', '/admin/audit', '/admin/outbox', '/staff', '/cases/{case}/settings', '/cases/{case}/review/duplicates'].map((url) => ({
    url,
    signInAs: 'admin' as const,
  })),
];
