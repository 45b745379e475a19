import { type MatrixEntry, action, form, page, probe, route, urlEncoded } from './entries';
import { CASE_ACTIONS } from './matrix-case-actions';
import { CLAIMANT_SURFACES, STAFF_SURFACES } from './matrix-case-surfaces';
import { NOBODY, PLATFORM_ADMIN, PUBLIC, SIGNED_IN, STAFF } from './policies';

/**
 * THE access matrix: every page, route handler and server action, and who may reach it. A test
 * (matrix-coverage.test.ts) fails when a surface exists without a line here; the end-to-end run
 * (matrix.e2e.ts) checks every line against a production server with the seven actors signed in.
 *
 * Adding a surface is one line: `page('/cases/[slug]/review', CASE_LAWYERS)`. Records reached by
 * id use recordProbes/caseRecordProbes, which also try another person's and another case's record:
 *   route('GET /api/evidence/[id]', recordProbes('/api/evidence/{evidence}', { owner: 'allow', caseLawyer: 'allow' })),
 *   page('/cases/[slug]/filings/[id]', caseRecordProbes('/cases/{case}/filings/{filing}', { caseLawyer: 'allow' })),
 * Placeholders and actors: tests/access/policies.ts. Fixtures: db/seed/access-fixtures.ts. The
 * surfaces of a case are in matrix-case-surfaces.ts (pages, route handlers) and
 * matrix-case-actions.ts (server actions).
 */
export const ACCESS_MATRIX: MatrixEntry[] = [
  // Public pages
  page('/', PUBLIC),
  page('/sign-in', PUBLIC),
  page('/sign-up', PUBLIC),
  page('/forgot-password', PUBLIC),
  page('/reset-password', PUBLIC),
  page('/verify-email', PUBLIC),
  // An invitation link: anyone holding it (an unknown token shows "not valid").
  page('/invitations/accept', [
    probe('/invitations/accept?token=not-a-real-invitation-token-00', PUBLIC),
    probe('/invitations/accept', PUBLIC),
  ]),
  // Where an account with an unproved address is sent; a proved one passes on to its home.
  page('/verify-first', SIGNED_IN),
  page('/cases/[slug]', [probe('/cases/{case}', PUBLIC), probe('/cases/{otherCase}', PUBLIC)]),

  // Signed-in areas
  page('/home', SIGNED_IN),
  page('/my', SIGNED_IN),
  page('/staff', SIGNED_IN),
  page('/account/security', STAFF),
  page('/admin', PLATFORM_ADMIN),
  page('/admin/outbox', PLATFORM_ADMIN),
  page('/admin/jobs', PLATFORM_ADMIN),
  page('/admin/audit', PLATFORM_ADMIN),

  // A case: the petition, claimants, review, filings, dashboard, campaigns, settings
  ...CLAIMANT_SURFACES,
  ...STAFF_SURFACES,

  // Route handlers
  route('GET /api/health', PUBLIC),
  route('GET /api/cases/[slug]/stats', [probe('/api/cases/{case}/stats', PUBLIC), probe('/api/cases/{otherCase}/stats', PUBLIC)]),
  route('OPTIONS /api/cases/[slug]/stats', PUBLIC),
  // The public numbers as server-sent events: anyone, as for /stats.
  route('GET /api/cases/[slug]/stats/events', [
    probe('/api/cases/{case}/stats/events', PUBLIC),
    probe('/api/cases/{otherCase}/stats/events', PUBLIC),
  ]),
  route('GET /api/auth/[...nextauth]', [
    probe('/api/auth/session', PUBLIC),
    probe('/api/auth/csrf', PUBLIC),
    probe('/api/auth/providers', PUBLIC),
  ]),
  // Anyone may try to sign in; a wrong password is a 401 for everyone, signed in or not.
  route('POST /api/auth/[...nextauth]', [
    probe('/api/auth/callback/credentials', PUBLIC, {
      status: 401,
      body: urlEncoded({ csrfToken: '{csrf}', email: 'nobody@joinder.test', password: 'not the password', json: 'true' }),
    }),
  ]),
  // The benchmark ceilings answer only on servers started with JOINDER_BENCH_ROUTES=1.
  route('POST /api/bench/insert', NOBODY),
  route('POST /api/bench/hash', NOBODY),
  route('GET /api/bench/petition-stats', NOBODY),
  route('DELETE /api/bench/petition-stats', NOBODY),

  // Server actions (called over HTTP by their id from the build's manifest)
  action('lib/users/locale-action.ts#setLocaleAction', PUBLIC, () => [form({ locale: 'ko' })]),
  action('lib/users/actions.ts#rememberLocaleForCurrentUser', PUBLIC, () => ['ko']),
  action('lib/users/actions.ts#signUpAction', PUBLIC, (context) => [
    null,
    form({ name: '접근 시험', email: context.uniqueEmail(), password: 'matrix passphrase 2003', locale: 'ko', acceptTerms: 'on' }),
  ]),
  action('lib/users/actions.ts#requestPasswordResetAction', PUBLIC, (context) => [null, form({ email: context.uniqueEmail() })]),
  action('lib/users/actions.ts#resetPasswordAction', PUBLIC, () => [
    null,
    form({ token: 'not-a-real-token-0000', password: 'matrix passphrase 2003', passwordConfirm: 'matrix passphrase 2003' }),
  ]),
  // Sign-in as a form action (issue 17, item 17): a wrong password is a translated refusal for everyone.
  action('lib/auth/sign-in-action.ts#signInAction', PUBLIC, () => [
    null,
    form({ email: 'nobody@joinder.test', password: 'not the password', callbackUrl: '/home' }),
  ]),
  action('lib/users/actions.ts#resendVerificationAction', SIGNED_IN, () => [null, form({})]),
  // Accepting needs the mailed token; a made-up one is refused alike for everyone.
  action('lib/cases/invitation-actions.ts#acceptInvitationAction', PUBLIC, () => [
    null,
    form({ token: 'not-a-real-invitation-token-00', password: 'matrix passphrase 2003', passwordConfirm: 'matrix passphrase 2003' }),
  ]),
  action('lib/auth/actions.ts#startTotpEnrollmentAction', STAFF, () => [null, form({})]),
  action('lib/auth/actions.ts#confirmTotpEnrollmentAction', STAFF, () => [null, form({ code: '000000' })]),
  action('lib/auth/actions.ts#disableTotpAction', STAFF, () => [null, form({ code: '000000' })]),
  action('lib/auth/actions.ts#replaceRecoveryCodesAction', STAFF, () => [null, form({ code: '000000' })]),
  action('lib/admin/audit-actions.ts#verifyAuditChainAction', PLATFORM_ADMIN, () => [null, form({})]),
  action('lib/jobs/actions.ts#retryDeadLetterAction', PLATFORM_ADMIN, () => [
    null,
    form({ jobId: '00000000-0000-4000-8000-000000000000' }),
  ]),
  ...CASE_ACTIONS,
];
